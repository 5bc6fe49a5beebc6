import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { detectFormat, openTable, writeCsv, writeJsonl, writePfif, writeXlsx } from '../index.js';
import type { Format } from '../index.js';

async function bytes(r: Readable): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const c of r) parts.push(Buffer.isBuffer(c) ? c : Buffer.from(c as string));
  return Buffer.concat(parts);
}

// The same two invented people in every format.
const people = [
  { person_record_id: 'example.org/1', full_name: 'Олена Шевчук', sex: 'female' },
  { person_record_id: 'example.org/2', full_name: 'Тарас Бондар', sex: 'male' },
];
const header = ['person_record_id', 'full_name', 'sex'];

const files: Record<Format, () => Promise<Buffer>> = {
  csv: () => bytes(writeCsv(people, { header })),
  hxl: async () =>
    Buffer.from(
      'person_record_id,full_name,sex\n#meta +id,#affected +name,#sex\n' +
        people.map((p) => Object.values(p).join(',')).join('\n'),
    ),
  xlsx: () => bytes(writeXlsx(people, { header })),
  jsonl: () => bytes(writeJsonl(people)),
  pfif: () =>
    bytes(
      writePfif(
        people.map((fields) => ({
          kind: 'person' as const,
          fields: { ...fields, source_date: '2022-05-20T00:00:00Z' },
        })),
      ),
    ),
};

describe('openTable reads every format into the same shape', () => {
  for (const [format, make] of Object.entries(files) as [Format, () => Promise<Buffer>][]) {
    test(format, async () => {
      const buf = await make();
      assert.equal(detectFormat(buf.subarray(0, 4096)), format);
      const table = await openTable(Readable.from([buf]), { fileName: `people.${format}` });
      assert.equal(table.format, format);
      const got = [];
      for await (const r of table.rows) got.push(Object.fromEntries(header.map((h) => [h, r.values[h]])));
      assert.deepEqual(got, people);
      assert.equal(table.bytesRead?.(), buf.length);
    });
  }
});

test('detectFormat refuses what it cannot read', () => {
  const cases: [Buffer, string][] = [
    [Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), 'old.xls'],
    [Buffer.from('<?xml version="1.0"?><html/>'), 'page.xml'],
    [Buffer.from([0, 1, 2, 3, 0, 0, 0, 9, 0, 200, 0, 0]), 'blob.bin'],
  ];
  for (const [b, name] of cases) assert.throws(() => detectFormat(b, name), { code: 'UNSUPPORTED_FORMAT' });
});

test('a file name hint picks JSON Lines for a single-line object', () => {
  assert.equal(detectFormat(Buffer.from('{"a":1}'), 'x.jsonl'), 'jsonl');
});
