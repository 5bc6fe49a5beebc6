import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { isDomainError } from '../../domain/index.js';
import { readCsv } from '../index.js';
import type { CsvReadOptions, TableRow } from '../index.js';

async function readAll(text: string | Buffer, opts: CsvReadOptions = {}) {
  const table = await readCsv(typeof text === 'string' ? Buffer.from(text) : text, opts);
  const rows: TableRow[] = [];
  for await (const r of table.rows) rows.push(r);
  return { table, rows };
}

/** Runs `fn`, expects a DomainError and returns it. */
async function failure(fn: () => Promise<unknown>) {
  try {
    await fn();
  } catch (e) {
    if (isDomainError(e)) return e;
    throw e;
  }
  assert.fail('expected a DomainError');
}

const badFiles: {
  name: string;
  text: string | Buffer;
  code: string;
  issue: string;
  row: number;
  column?: number | string;
}[] = [
  {
    name: 'a row with more cells',
    text: 'a,b\n1,2\n3,4,5\n',
    code: 'INPUT_INVALID',
    issue: 'RAGGED_ROW',
    row: 3,
    column: 3,
  },
  {
    name: 'a row with fewer cells',
    text: 'a,b,c\n1,2,3\n4,5\n6,7,8\n',
    code: 'INPUT_INVALID',
    issue: 'RAGGED_ROW',
    row: 3,
    column: 3,
  },
  {
    name: 'an unclosed quote',
    text: 'a,b\n1,2\n\n"3,4\n5,6\n',
    code: 'INPUT_INVALID',
    issue: 'UNCLOSED_QUOTE',
    row: 4,
  },
  {
    name: 'a file cut off mid-row',
    text: 'a,b,c\n1,2,3\n4,5',
    code: 'INPUT_INVALID',
    issue: 'TRUNCATED',
    row: 3,
  },
  {
    name: 'a file cut off in a quoted field',
    text: 'a,b\n1,"Ки',
    code: 'INPUT_INVALID',
    issue: 'UNCLOSED_QUOTE',
    row: 2,
  },
  { name: 'an empty file', text: '', code: 'INPUT_INVALID', issue: 'EMPTY', row: 1 },
  { name: 'a file of blank lines', text: '\n\n \n', code: 'INPUT_INVALID', issue: 'EMPTY', row: 1 },
  {
    name: 'a duplicate header',
    text: 'name,age,name\n1,2,3\n',
    code: 'INPUT_INVALID',
    issue: 'BAD_HEADER',
    row: 1,
    column: 3,
  },
  {
    name: 'a blank header',
    text: 'name,,age\n1,2,3\n',
    code: 'INPUT_INVALID',
    issue: 'BAD_HEADER',
    row: 1,
    column: 2,
  },
  {
    name: 'undecodable bytes in UTF-8',
    text: Buffer.concat([
      Buffer.from('name,place\nОлена,Київ\nТарас,'),
      Buffer.from([0xc0, 0x80, 0xff]),
      Buffer.from('\n'),
    ]),
    code: 'INPUT_INVALID',
    issue: 'UNDECODABLE',
    row: 3,
    column: 'place',
  },
  {
    name: 'a zip archive',
    text: Buffer.from('PK\u0003\u0004rest-of-zip'),
    code: 'UNSUPPORTED_FORMAT',
    issue: '',
    row: 0,
  },
  {
    name: 'binary content',
    text: Buffer.from([1, 0, 0, 7, 0, 0, 0, 9, 0, 1, 2, 3]),
    code: 'UNSUPPORTED_FORMAT',
    issue: '',
    row: 0,
  },
];

describe('readCsv names the file, line and column of bad input', () => {
  for (const bad of badFiles) {
    test(bad.name, async () => {
      const e = await failure(() => readAll(bad.text, { fileName: 'list.csv' }));
      assert.equal(e.code, bad.code);
      assert.match(e.message, /^list\.csv/);
      if (!bad.issue) return;
      const issue = e.issues[0];
      assert.equal(issue?.code, bad.issue);
      assert.equal(issue?.row, bad.row);
      assert.match(e.message, new RegExp(`line ${bad.row}`));
      if (bad.column !== undefined) assert.equal(issue?.column, bad.column);
    });
  }
});

test("onError: 'collect' leaves bad rows out and reports each one", async () => {
  const text = 'a,b\n1,2\n3\n4,5,6\n7,8\n9,';
  const { table, rows } = await readAll(text, { onError: 'collect' });
  assert.deepEqual(
    rows.map((r) => r.values),
    [
      { a: '1', b: '2' },
      { a: '7', b: '8' },
      { a: '9', b: '' },
    ],
  );
  assert.deepEqual(
    table.issues.map((i) => [i.row, i.code]),
    [
      [3, 'RAGGED_ROW'],
      [4, 'RAGGED_ROW'],
    ],
  );
  assert.ok(table.issues.every((i) => /expected 2 cells, found \d/.test(i.message)));
});

test('collecting stops with INPUT_INVALID past maxIssues', async () => {
  const text = 'a,b\n' + '1\n'.repeat(20);
  const e = await failure(() => readAll(text, { onError: 'collect', maxIssues: 5 }));
  assert.equal(e.code, 'INPUT_INVALID');
  assert.equal(e.issues.length, 6);
});

test('a huge line is refused instead of being buffered', async () => {
  const text = 'a,b\n1,' + 'x'.repeat(5000) + '\n';
  const e = await failure(() => readAll(text, { maxRecordChars: 1000 }));
  assert.equal(e.code, 'INPUT_INVALID');
  assert.equal(e.issues[0]?.code, 'RECORD_TOO_LONG');
  assert.equal(e.issues[0]?.row, 2);
});

test('blank rows, trailing empty cells and untrimmed values are tolerated', async () => {
  const { table, rows } = await readAll('name , age,,\n Олена , 31 ,,\n,,,\n\nТарас,40\n');
  assert.deepEqual(table.header, ['name', 'age']);
  assert.deepEqual(
    rows.map((r) => [r.line, r.values]),
    [
      [2, { name: 'Олена', age: '31' }],
      [5, { name: 'Тарас', age: '40' }],
    ],
  );
  assert.deepEqual(rows[0]?.cells, [' Олена ', ' 31 ', '', '']);
});

test('line numbers count line breaks inside quoted fields and every line-break style', async () => {
  const { rows } = await readAll('a,b\r\n"multi\r\nline",1\r"x",2\n\n3,"a\nb\nc"\n4,4\n');
  assert.deepEqual(
    rows.map((r) => r.line),
    [2, 4, 6, 9],
  );
});

test('a column named __proto__ stays an ordinary column', async () => {
  const { rows } = await readAll('__proto__,b\n1,2\n');
  const values = rows[0]?.values ?? {};
  assert.equal(Object.getPrototypeOf(values), Object.prototype);
  assert.deepEqual(Object.keys(values), ['__proto__', 'b']);
});

test('a Windows-1251 file read as UTF-8 reports undecodable cells instead of mojibake', async () => {
  const bytes = Buffer.from([
    ...Buffer.from('name,place\n'),
    ...[0xce, 0xeb, 0xe5, 0xed, 0xe0],
    ...Buffer.from(','),
    ...[0xca, 0xe8, 0xbf, 0xe2],
    ...Buffer.from('\n'),
  ]);
  const e = await failure(() => readAll(bytes, { encoding: 'utf-8', fileName: 'list.csv' }));
  assert.equal(e.code, 'INPUT_INVALID');
  assert.equal(e.issues[0]?.code, 'UNDECODABLE');
  assert.equal(e.issues[0]?.row, 2);
  assert.equal(e.issues[0]?.column, 'name');
  const { rows } = await readAll(bytes);
  assert.deepEqual(rows[0]?.values, { name: 'Олена', place: 'Київ' });
});

test("headerRow: 'auto' skips the title rows a spreadsheet export left above the header", async () => {
  const text =
    "Список осіб, станом на 01.05.2022;;\n;;\nПрізвище;Ім'я;Рік\nШевчук;Олена;1994\nБондар;Тарас;1990\n";
  const { table, rows } = await readAll(text, { headerRow: 'auto' });
  assert.deepEqual(table.header, ['Прізвище', "Ім'я", 'Рік']);
  assert.deepEqual(
    rows.map((r) => [r.line, r.values.Рік]),
    [
      [4, '1994'],
      [5, '1990'],
    ],
  );
  // Without it the title is the header and the data rows are ragged.
  const e = await failure(() => readAll(text));
  assert.equal(e.issues[0]?.code, 'RAGGED_ROW');
});
