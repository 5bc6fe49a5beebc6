import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isDomainError } from '../../domain/index.js';
import { readJsonl, readJsonlTable, writeJsonl } from '../index.js';
import type { JsonlReadOptions } from '../index.js';

async function records(text: string, opts: JsonlReadOptions = {}) {
  const out = [];
  for await (const r of readJsonl(Buffer.from(text), opts)) out.push(r);
  return out;
}

test('objects come with their line numbers; blank lines and CRLF are fine', async () => {
  const recs = await records('{"a":1}\r\n\n{"a":"два","b":null}\n');
  assert.deepEqual(recs, [
    { line: 1, value: { a: 1 } },
    { line: 3, value: { a: 'два', b: null } },
  ]);
});

test('a bad line names its line', async () => {
  try {
    await records('{"a":1}\n{"a": tru}\n', { fileName: 'people.jsonl' });
    assert.fail('expected an error');
  } catch (e) {
    assert.ok(isDomainError(e, 'INPUT_INVALID'));
    assert.equal(e.issues[0]?.row, 2);
    assert.equal(e.issues[0]?.code, 'BAD_LINE');
    assert.match(e.message, /^people\.jsonl: line 2/);
  }
});

test('collect mode reports non-objects and broken lines and goes on', async () => {
  const out = [];
  const table = await readJsonlTable(Buffer.from('{"id":"1"}\n[1,2]\n{oops\n{"id":"2","x":{"y":1}}\n'), {
    onError: 'collect',
  });
  for await (const r of table.rows) out.push([r.line, r.values]);
  assert.deepEqual(table.header, ['id', 'x']);
  assert.deepEqual(out, [
    [1, { id: '1', x: '' }],
    [4, { id: '2', x: '{"y":1}' }],
  ]);
  assert.deepEqual(
    table.issues.map((i) => i.row),
    [2, 3],
  );
});

test('a huge line stops the read instead of filling memory', async () => {
  const text = '{"a":1}\n{"a":"' + 'x'.repeat(10_000) + '"}\n';
  await assert.rejects(records(text, { maxLineChars: 1000 }), (e: unknown) => {
    return (
      isDomainError(e, 'INPUT_INVALID') && e.issues[0]?.code === 'RECORD_TOO_LONG' && e.issues[0]?.row === 2
    );
  });
});

test('write then read gives the same records, one per line even with line breaks inside', async () => {
  const recs = [
    { name: 'Олена\nШевчук', n: 1 },
    { name: 'Тарас', tags: ['a', 'b'] },
  ];
  const parts: Buffer[] = [];
  for await (const c of writeJsonl(recs)) parts.push(c as Buffer);
  const text = Buffer.concat(parts).toString();
  assert.equal(text.split('\n').length, 3);
  assert.deepEqual(
    (await records(text)).map((r) => r.value),
    recs,
  );
});
