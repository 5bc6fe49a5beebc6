import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { readCsv } from '../index.js';

/** A lazy source of `chunks` chunks of 100 rows each; counts how many chunks were pulled. */
function lazySource(chunks: number) {
  const seen = { pulled: 0, closed: false };
  async function* gen() {
    try {
      yield Buffer.from('id,given,family\n');
      for (let c = 0; c < chunks; c++) {
        seen.pulled++;
        let s = '';
        for (let i = 0; i < 100; i++) s += `${c * 100 + i},Олена,Шевчук\n`;
        yield Buffer.from(s);
      }
    } finally {
      seen.closed = true;
    }
  }
  return { stream: Readable.from(gen()), seen };
}

test('rows are yielded long before the source ends', async () => {
  const total = 5000;
  const { stream, seen } = lazySource(total);
  const table = await readCsv(stream);
  let count = 0;
  for await (const row of table.rows) {
    count++;
    if (count === 1) assert.equal(row.values.id, '0');
    if (count === 1000) break;
  }
  assert.equal(count, 1000);
  assert.ok(seen.pulled < total / 2, `pulled ${seen.pulled} of ${total} chunks before the 1000th row`);
});

test('a full lazy source is read to the end in order', async () => {
  const { stream, seen } = lazySource(200);
  const table = await readCsv(stream);
  let expected = 0;
  for await (const row of table.rows) {
    assert.equal(row.values.id, String(expected));
    assert.equal(row.line, expected + 2);
    expected++;
  }
  assert.equal(expected, 200 * 100);
  assert.equal(seen.closed, true);
});
