import { test } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { readXlsx, readXlsxSheets } from '../index.js';
import type { TableReader, TableRow } from '../index.js';

// Invented people only.
async function workbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const list = wb.addWorksheet('Список');
  list.addRow(['Список осіб, станом на 01.05.2022']);
  list.addRow([]);
  list.addRow(['Прізвище', "Ім'я", 'Дата народження', 'Вік', 'Бал']);
  list.addRow([
    'Шевчук',
    'Тарас',
    new Date(Date.UTC(1994, 2, 5)),
    28,
    { formula: '0.1+0.2', result: 0.30000000000000004 },
  ]);
  list.addRow([
    'Бондар',
    { richText: [{ text: 'Ол' }, { text: 'ена' }] },
    new Date(Date.UTC(1990, 0, 1, 12, 30)),
    31.5,
    null,
  ]);
  list.addRow([]);
  list.addRow(['Мельник', 'Ігор', '1980', 44, true]);
  const other = wb.addWorksheet('Other');
  other.addRow(['id', 'note']);
  other.addRow([1, 'перший']);
  wb.addWorksheet('Empty');
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function rowsOf(t: TableReader): Promise<TableRow[]> {
  const out: TableRow[] = [];
  for await (const r of t.rows) out.push(r);
  return out;
}

test('the header is found below title rows; dates, numbers and formulas become text', async () => {
  const t = await readXlsx(await workbook(), { fileName: 'list.xlsx' });
  assert.equal(t.sheet, 'Список');
  assert.deepEqual(t.header, ['Прізвище', "Ім'я", 'Дата народження', 'Вік', 'Бал']);
  const rows = await rowsOf(t);
  assert.deepEqual(
    rows.map((r) => [r.line, r.values]),
    [
      [4, { Прізвище: 'Шевчук', "Ім'я": 'Тарас', 'Дата народження': '1994-03-05', Вік: '28', Бал: '0.3' }],
      [
        5,
        {
          Прізвище: 'Бондар',
          "Ім'я": 'Олена',
          'Дата народження': '1990-01-01T12:30:00',
          Вік: '31.5',
          Бал: '',
        },
      ],
      [7, { Прізвище: 'Мельник', "Ім'я": 'Ігор', 'Дата народження': '1980', Вік: '44', Бал: 'true' }],
    ],
  );
});

test('a sheet is chosen by name or by position', async () => {
  const buf = await workbook();
  for (const sheet of ['Other', 2] as const) {
    const t = await readXlsx(buf, { sheet });
    assert.equal(t.sheet, 'Other');
    assert.deepEqual(
      (await rowsOf(t)).map((r) => r.values),
      [{ id: '1', note: 'перший' }],
    );
  }
});

test('every sheet with data is read in order', async () => {
  const names: string[] = [];
  const counts: number[] = [];
  for await (const t of readXlsxSheets(await workbook())) {
    names.push(t.sheet ?? '');
    counts.push((await rowsOf(t)).length);
  }
  assert.deepEqual(names, ['Список', 'Other']);
  assert.deepEqual(counts, [3, 1]);
});

test('a missing or empty sheet is INPUT_INVALID', async () => {
  const buf = await workbook();
  await assert.rejects(readXlsx(buf, { sheet: 'Nope' }), { code: 'INPUT_INVALID' });
  await assert.rejects(readXlsx(buf, { sheet: 'Empty' }), { code: 'INPUT_INVALID' });
});

test('a value under no header is a ragged row, collected on request', async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('S');
  ws.addRow(['a', 'b']);
  ws.addRow(['1', '2']);
  ws.addRow(['3', '4', 'stray']);
  const t = await readXlsx(Buffer.from(await wb.xlsx.writeBuffer()), { onError: 'collect' });
  assert.deepEqual(
    (await rowsOf(t)).map((r) => r.line),
    [2],
  );
  assert.deepEqual(
    t.issues.map((i) => [i.row, i.column, i.code]),
    [[3, 3, 'RAGGED_ROW']],
  );
});
