import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import iconv from 'iconv-lite';
import { main } from '../main.js';
import { EXIT } from '../exit-codes.js';

function sink(): Writable & { text: () => string } {
  const chunks: Buffer[] = [];
  const w = new Writable({
    write(chunk, _enc, cb) {
      chunks.push(Buffer.from(chunk));
      cb();
    },
  });
  return Object.assign(w, { text: () => Buffer.concat(chunks).toString('utf8') });
}

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const stdout = sink();
  const stderr = sink();
  const code = await main(args, { stdout, stderr });
  return { code, out: stdout.text(), err: stderr.text() };
}

// Invented people; two of them appear twice, written differently.
const PEOPLE = [
  "id,Прізвище,Ім'я,Дата народження,Стать",
  'a1,КОВАЛЬЧУК,Андрій,05.03.1994,ч',
  'a2,Kovalchuk,Andrii,1994-03-05,m',
  'b1,Шевченко,Олена,30.11.1971,ж',
  'c1,Мельник,Тарас,07.07.1970,ч',
  'c2,MELNYK,Taras,1970-07-07,m',
  'd1,Бондар,Ірина,12.12.1988,ж',
].join('\n');

let dir = '';
const file = (name: string, content: string | Buffer): string => {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
};

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'wa-dedupe-'));
});
after(() => rmSync(dir, { recursive: true, force: true }));

describe('whereabouts dedupe', () => {
  test('writes id,cluster with one row per record, headers mapped automatically', async () => {
    const r = await run(['dedupe', file('people.csv', PEOPLE), '--id', 'id']);
    assert.equal(r.code, EXIT.OK, r.err);
    const lines = r.out.trim().split('\n');
    assert.equal(lines[0], 'id,cluster');
    const cluster = Object.fromEntries(lines.slice(1).map((l) => l.split(',')));
    assert.deepEqual(Object.keys(cluster), ['a1', 'a2', 'b1', 'c1', 'c2', 'd1']);
    assert.equal(cluster['a1'], cluster['a2']);
    assert.equal(cluster['c1'], cluster['c2']);
    assert.notEqual(cluster['a1'], cluster['c1']);
    assert.notEqual(cluster['b1'], cluster['d1']);
  });

  test('--field maps columns explicitly and --out writes the file', async () => {
    const out = join(dir, 'clusters.csv');
    const r = await run([
      'dedupe',
      file('p2.csv', PEOPLE),
      '--id',
      'id',
      '--field',
      'family_name=Прізвище',
      '--field',
      "given_name=Ім'я",
      '--field',
      'date_of_birth=Дата народження',
      '--threshold',
      '0.95',
      '--out',
      out,
    ]);
    assert.equal(r.code, EXIT.OK, r.err);
    assert.equal(r.out, '');
    assert.equal(readFileSync(out, 'utf8').split('\n')[0], 'id,cluster');
  });

  test('reads Windows-1251, KOI8-U, UTF-16 and UTF-8 with BOM, and semicolons', async () => {
    const variants: [string, Buffer][] = [
      ['cp1251.csv', iconv.encode(PEOPLE, 'windows-1251')],
      ['koi8u.csv', iconv.encode(PEOPLE, 'koi8-u')],
      ['utf16.csv', iconv.encode(PEOPLE, 'utf-16le', { addBOM: true })],
      ['bom.csv', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(PEOPLE)])],
      ['semicolon.csv', Buffer.from(PEOPLE.replace(/,/g, ';'))],
    ];
    for (const [name, bytes] of variants) {
      const r = await run(['dedupe', file(name, bytes), '--id', 'id']);
      assert.equal(r.code, EXIT.OK, `${name}: ${r.err}`);
      const rows = r.out.trim().split('\n');
      assert.equal(rows.length, 7, name);
      assert.equal(rows[1]!.split(',')[1], rows[2]!.split(',')[1], name);
    }
  });
});

describe('whereabouts link', () => {
  test('writes left_id,right_id,probability one-to-one', async () => {
    const left = file(
      'left.csv',
      'id,family_name,given_name,dob\nl1,Kovalchuk,Andrii,1994-03-05\nl2,Shevchenko,Olena,1971-11-30\n',
    );
    const right = file(
      'right.csv',
      'id,family_name,given_name,dob\nr1,КОВАЛЬЧУК,Андрій,05.03.1994\nr2,Bondar,Iryna,1988-12-12\nr3,Kovalchuk,Andrii,1994-03-05\n',
    );
    const r = await run(['link', left, right, '--id', 'id']);
    assert.equal(r.code, EXIT.OK, r.err);
    const lines = r.out.trim().split('\n');
    assert.equal(lines[0], 'left_id,right_id,probability');
    assert.equal(lines.length, 2);
    const [l, rid, p] = lines[1]!.split(',');
    assert.equal(l, 'l1');
    assert.ok(rid === 'r1' || rid === 'r3');
    assert.ok(Number(p) > 0.9 && Number(p) <= 1);
    const many = await run(['link', left, right, '--id', 'id', '--many']);
    assert.equal(many.out.trim().split('\n').length, 3);
  });
});

describe('bad input names the file, line and column and leaves no output behind', () => {
  const cases: [string, string | Buffer, string[], number, RegExp][] = [
    ['missing id column', PEOPLE, ['--id', 'nope'], EXIT.INPUT, /nope/],
    [
      'duplicate ids',
      `${PEOPLE}\na1,Інший,Іван,01.01.1990,ч`,
      ['--id', 'id'],
      EXIT.INPUT,
      /line 8.*a1|a1.*line 8/s,
    ],
    ['unknown field type', PEOPLE, ['--id', 'id', '--field', 'nickname=Прізвище'], EXIT.INPUT, /nickname/],
    ['unknown column', PEOPLE, ['--id', 'id', '--field', 'family_name=Nope'], EXIT.INPUT, /Nope/],
    ['empty file', '', ['--id', 'id'], EXIT.INPUT, /empty|no rows/],
    ['header only', 'id,name\n', ['--id', 'id'], EXIT.INPUT, /no records/],
    ['ragged row', 'id,name,dob\n1,Ivan Petrenko,1990\n2,Olena\n', ['--id', 'id'], EXIT.INPUT, /line 3/],
    [
      'undecodable bytes',
      Buffer.concat([
        Buffer.from('id,name\n1,'),
        Buffer.from([0xff, 0xfe, 0x00, 0x81, 0x00, 0x00, 0x9f]),
        Buffer.from('\n'),
      ]),
      ['--id', 'id'],
      EXIT.INPUT,
      /line|binary|decod/i,
    ],
    ['bad threshold', PEOPLE, ['--id', 'id', '--threshold', '2'], EXIT.INPUT, /threshold/],
  ];
  for (const [name, content, args, code, message] of cases) {
    test(name, async () => {
      const input = file(`${name.replace(/\W/g, '_')}.csv`, content);
      const out = join(dir, `${name.replace(/\W/g, '_')}.out.csv`);
      const before = readdirSync(dir).length;
      const r = await run(['dedupe', input, ...args, '--out', out]);
      assert.equal(r.code, code, r.err);
      assert.match(r.err, message);
      assert.ok(r.err.includes(input) || name === 'bad threshold' || name === 'unknown field type', r.err);
      assert.equal(existsSync(out), false);
      assert.equal(readdirSync(dir).length, before);
    });
  }

  test('a model file that is not a model is refused', async () => {
    const bad = file('model.json', '{"version": 1}');
    const r = await run(['dedupe', file('m.csv', PEOPLE), '--id', 'id', '--model', bad]);
    assert.equal(r.code, EXIT.INPUT);
    assert.match(r.err, /VALIDATION_FAILED|INPUT_INVALID/);
  });

  test('a missing file is reported', async () => {
    const r = await run(['dedupe', join(dir, 'absent.csv'), '--id', 'id']);
    assert.equal(r.code, EXIT.INPUT);
    assert.match(r.err, /absent\.csv/);
  });
});
