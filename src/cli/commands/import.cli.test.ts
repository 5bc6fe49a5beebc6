import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { main } from '../main.js';
import { EXIT } from '../exit-codes.js';

async function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out: string[] = [];
  const err: string[] = [];
  stdout.on('data', (c: Buffer) => out.push(c.toString()));
  stderr.on('data', (c: Buffer) => err.push(c.toString()));
  const code = await main(args, { stdout, stderr });
  return { code, stdout: out.join(''), stderr: err.join('') };
}

const LIST =
  "Номер,Прізвище,Ім'я,Дата народження\nA-1,Коваленко,Андрій,05.03.1994\nA-2,Шевчук,Олена,30.02.1990\n";

describe('whereabouts import and export', () => {
  test('imports with a mapping, reports the rejected row, is idempotent, and exports what it imported', async (t) => {
    const dir = mkdtempSync(join(tmpdir(), 'whereabouts-import-cli-'));
    t.after(() => rmSync(dir, { recursive: true, force: true }));
    const db = join(dir, 'db.sqlite');
    const file = join(dir, 'list.csv');
    writeFileSync(file, LIST);
    const dry = await run([
      '--db',
      db,
      'import',
      file,
      '--source',
      'CLI list',
      '--map',
      'source_record_id=Номер',
      '--dry-run',
      '--json',
    ]);
    assert.equal(dry.code, EXIT.OK, dry.stderr);
    assert.equal(JSON.parse(dry.stdout).created, 1);
    const first = await run([
      '--db',
      db,
      'import',
      file,
      '--source',
      'CLI list',
      '--map',
      'source_record_id=Номер',
      '--json',
    ]);
    const report = JSON.parse(first.stdout);
    assert.deepEqual([report.created, report.rejectedCount, report.rejected[0].row], [1, 1, 3]);
    const again = await run([
      '--db',
      db,
      'import',
      file,
      '--source',
      'CLI list',
      '--map',
      'source_record_id=Номер',
      '--json',
    ]);
    assert.equal(JSON.parse(again.stdout).unchanged, 1);
    const out = join(dir, 'out.jsonl');
    const ex = await run([
      '--db',
      db,
      'export',
      '--format',
      'jsonl',
      '--fields',
      'family_name,date_of_birth',
      '--out',
      out,
    ]);
    assert.equal(ex.code, EXIT.OK, ex.stderr);
    assert.deepEqual(JSON.parse(readFileSync(out, 'utf8').trim()), {
      family_name: 'Коваленко',
      date_of_birth: '1994-03-05',
    });
  });

  test('usage errors and unreadable files end with their exit codes', async (t) => {
    const dir = mkdtempSync(join(tmpdir(), 'whereabouts-import-cli-'));
    t.after(() => rmSync(dir, { recursive: true, force: true }));
    const db = join(dir, 'db.sqlite');
    const file = join(dir, 'x.csv');
    writeFileSync(file, 'foo,bar\n1,2\n');
    assert.equal((await run(['--db', db, 'import', file, '--map', 'nonsense=foo'])).code, EXIT.INPUT);
    assert.equal((await run(['--db', db, 'import', file])).code, EXIT.INPUT);
    assert.equal(
      (await run(['--db', db, 'export', '--format', 'doc', '--out', join(dir, 'o')])).code,
      EXIT.INPUT,
    );
  });
});
