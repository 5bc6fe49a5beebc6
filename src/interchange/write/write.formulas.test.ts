import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import type { Readable } from 'node:stream';
import { neutraliseFormula, readCsv, readXlsx, restoreFormula, writeCsv, writeXlsx } from '../index.js';
import type { TableReader } from '../index.js';

async function bytes(r: Readable): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const c of r) parts.push(Buffer.isBuffer(c) ? c : Buffer.from(c as string));
  return Buffer.concat(parts);
}

async function cells(t: TableReader): Promise<string[][]> {
  const out: string[][] = [];
  for await (const r of t.rows) out.push(t.header.map((h) => r.values[h] ?? ''));
  return out;
}

const dangerous = [
  '=1+1',
  '+cmd|"/c calc"!A1',
  '-2+3+cmd|x',
  '@SUM(A1:A2)',
  '\t=1',
  '\r=1',
  '=HYPERLINK("http://x","y")',
];
const harmless = ['Олена', '+380 50 123 45 67', '-5', '-12.5', 'a=b', '', "O'Brien"];

describe('neutraliseFormula', () => {
  for (const s of dangerous)
    test(`neutralises ${JSON.stringify(s)}`, () => {
      assert.equal(neutraliseFormula(s), `'${s}`);
      assert.equal(restoreFormula(neutraliseFormula(s)), s);
    });
  for (const s of harmless)
    test(`leaves ${JSON.stringify(s)} alone`, () => {
      assert.equal(neutraliseFormula(s), s);
      assert.equal(restoreFormula(s), s);
    });
});

const header = ['family_name', 'given_name', 'note'];
const rows = [
  { family_name: 'Шевчук', given_name: 'Олена', note: '=HYPERLINK("http://x","click")' },
  ['Бондар', '@Тарас', '+380 50 123 45 67'],
  { family_name: 'Мельник', given_name: null, note: 'line one\nline "two", with comma' },
];

test('CSV: a header line, quoted cells, formulas neutralised, read back intact', async () => {
  const csv = await bytes(writeCsv(rows, { header }));
  const t = await readCsv(csv);
  assert.deepEqual(t.header, header);
  assert.deepEqual(await cells(t), [
    ['Шевчук', 'Олена', `'=HYPERLINK("http://x","click")`],
    ['Бондар', "'@Тарас", '+380 50 123 45 67'],
    ['Мельник', '', 'line one\nline "two", with comma'],
  ]);
});

test('CSV: a BOM for Excel, a delimiter of choice, and neutralisation can be turned off', async () => {
  const csv = await bytes(writeCsv(rows, { header, bom: true, delimiter: ';', neutraliseFormulas: false }));
  assert.deepEqual([...csv.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
  const t = await readCsv(csv);
  assert.equal(t.delimiter, ';');
  assert.equal((await cells(t))[0]?.[2], '=HYPERLINK("http://x","click")');
});

test('XLSX: every cell is text, formulas neutralised, read back intact', async () => {
  const xlsx = await bytes(writeXlsx(rows, { header, sheet: 'Список' }));
  const t = await readXlsx(xlsx);
  assert.equal(t.sheet, 'Список');
  assert.deepEqual(t.header, header);
  assert.deepEqual(await cells(t), [
    ['Шевчук', 'Олена', `'=HYPERLINK("http://x","click")`],
    ['Бондар', "'@Тарас", '+380 50 123 45 67'],
    ['Мельник', '', 'line one\nline "two", with comma'],
  ]);
});
