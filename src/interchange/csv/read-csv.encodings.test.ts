import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import iconv from 'iconv-lite';
import { readCsv } from '../index.js';
import type { TableRow } from '../index.js';

// Invented people only.
const PEOPLE = [
  ['Прізвище', "Ім'я", 'Дата народження', 'Місце'],
  ['Шевчук', 'Тарас', '05.03.1994', 'Київ, Оболонь'],
  ['Ковальчук', 'Олена', '12.11.1989', 'Львів'],
  ['Їжакевич', 'Ґеорґій', '01.01.2001', 'Єнакієве'],
];

function toCsv(rows: string[][], delimiter: string): string {
  return (
    rows.map((r) => r.map((c) => (c.includes(delimiter) ? `"${c}"` : c)).join(delimiter)).join('\r\n') +
    '\r\n'
  );
}

async function collect(rows: AsyncIterable<TableRow>): Promise<TableRow[]> {
  const out: TableRow[] = [];
  for await (const r of rows) out.push(r);
  return out;
}

const cases: { name: string; encoding: string; bytes: (text: string) => Buffer }[] = [
  { name: 'UTF-8', encoding: 'utf-8', bytes: (t) => Buffer.from(t, 'utf8') },
  { name: 'UTF-8 with BOM', encoding: 'utf-8', bytes: (t) => Buffer.from('\uFEFF' + t, 'utf8') },
  {
    name: 'UTF-16 LE with BOM',
    encoding: 'utf-16le',
    bytes: (t) => iconv.encode(t, 'utf-16le', { addBOM: true }),
  },
  { name: 'UTF-16 LE without BOM', encoding: 'utf-16le', bytes: (t) => iconv.encode(t, 'utf-16le') },
  {
    name: 'UTF-16 BE with BOM',
    encoding: 'utf-16be',
    bytes: (t) => iconv.encode(t, 'utf-16be', { addBOM: true }),
  },
  { name: 'UTF-16 BE without BOM', encoding: 'utf-16be', bytes: (t) => iconv.encode(t, 'utf-16be') },
  { name: 'Windows-1251', encoding: 'windows-1251', bytes: (t) => iconv.encode(t, 'windows-1251') },
  { name: 'KOI8-U', encoding: 'koi8-u', bytes: (t) => iconv.encode(t, 'koi8-u') },
];

describe('readCsv detects the encoding', () => {
  for (const c of cases) {
    for (const delimiter of [',', ';', '\t', '|']) {
      test(`${c.name}, delimiter ${JSON.stringify(delimiter)}`, async () => {
        const table = await readCsv(c.bytes(toCsv(PEOPLE, delimiter)));
        assert.equal(table.encoding, c.encoding);
        assert.equal(table.delimiter, delimiter);
        assert.deepEqual(table.header, PEOPLE[0]);
        const rows = await collect(table.rows);
        assert.deepEqual(
          rows.map((r) => r.cells),
          PEOPLE.slice(1),
        );
        assert.deepEqual(
          rows.map((r) => r.line),
          [2, 3, 4],
        );
      });
    }
  }
});

describe('readCsv tells Windows-1251 from KOI8-U on short Cyrillic samples', () => {
  const samples = [
    'Прізвище\nІваненко\n',
    'ПІБ\nПЕТРЕНКО ОЛЕНА\n',
    'ФИО\nСидоров Иван Петрович\n',
    'name\nМельник\n',
    'Фамилия;Имя\nКузнецова;Мария\n',
    'прізвище,ім’я\nбондар,олег\n',
  ];
  for (const text of samples) {
    for (const encoding of ['windows-1251', 'koi8-u']) {
      test(`${JSON.stringify(text.split('\n')[1])} in ${encoding}`, async () => {
        const table = await readCsv(iconv.encode(text, encoding));
        assert.equal(table.encoding, encoding);
        const rows = await collect(table.rows);
        assert.equal(rows[0]?.cells.join(table.delimiter), text.split('\n')[1]);
      });
    }
  }
});

test('readCsv uses a given encoding and refuses an unknown one', async () => {
  const bytes = iconv.encode(toCsv(PEOPLE, ','), 'windows-1251');
  const table = await readCsv(bytes, { encoding: 'cp1251' });
  assert.deepEqual(table.header, PEOPLE[0]);
  await assert.rejects(readCsv(bytes, { encoding: 'klingon-8' }), { code: 'UNSUPPORTED_FORMAT' });
});

test('readCsv keeps the delimiter it is given', async () => {
  const table = await readCsv(Buffer.from('a;b,c\n1;2,3\n'), { delimiter: ',' });
  assert.deepEqual(table.header, ['a;b', 'c']);
});

test('readCsv ignores delimiters inside quotes when sniffing', async () => {
  const text = 'name;place\n"Шевчук, Тарас";"Київ, Оболонь"\n"Бондар, Олег";"Львів, Сихів"\n';
  const table = await readCsv(Buffer.from(text));
  assert.equal(table.delimiter, ';');
  const rows = await collect(table.rows);
  assert.deepEqual(rows[1]?.values, { name: 'Бондар, Олег', place: 'Львів, Сихів' });
});

describe('readCsv keeps Western single-byte text Western', () => {
  const samples = [
    'Name;Vorname;Ort\nMüller;Jürgen;Köln\nSchäfer;Björn;Düsseldorf\n',
    'nom,prénom,ville\nLefèvre,François,Besançon\n',
    'name,place\nO’Brien,Zürich\n',
  ];
  for (const text of samples) {
    test(JSON.stringify(text.split('\n')[1]), async () => {
      const table = await readCsv(iconv.encode(text, 'windows-1252'));
      assert.notEqual(table.encoding, 'windows-1251');
      assert.notEqual(table.encoding, 'koi8-u');
      const rows = await collect(table.rows);
      assert.equal(rows[0]?.cells.join(table.delimiter), text.split('\n')[1]);
    });
  }
});
