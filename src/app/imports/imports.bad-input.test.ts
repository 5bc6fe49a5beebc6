import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';
import { isDomainError } from '../../domain/index.js';
import { openDatabase } from '../../db/dialects/dialect.js';
import { forEachDialect } from '../../db/testing/dialects.js';
import { buildZip, minimalXlsxEntries } from '../../interchange/testing/zip.js';
import { aSource, officer, testApp } from '../testing/test-app.js';
import { tableCounts, tempFile } from './testing/fixtures.js';

const HEADER = 'family_name,given_name,date_of_birth\n';

/** Runs an import expected to fail; returns the error code. */
async function failure(run: () => Promise<unknown>): Promise<string> {
  try {
    await run();
  } catch (e) {
    if (isDomainError(e)) return e.code;
    throw e;
  }
  return 'NO_ERROR';
}

function manyRows(n: number): string {
  let s = HEADER;
  for (let i = 0; i < n; i++)
    s += `Family${i},Given${i % 97},19${50 + (i % 50)}-0${1 + (i % 9)}-1${i % 10}\n`;
  return s;
}

const fatal: { name: string; file: () => [string, string | Buffer]; code: string }[] = [
  {
    name: 'binary data that is no list',
    file: () => ['data.csv', Buffer.from([0, 1, 2, 3, 0, 0, 0xff, 0xfe, 0, 7, 8, 0, 0, 0, 0, 0])],
    code: 'UNSUPPORTED_FORMAT',
  },
  {
    name: 'columns none of which map to a field',
    file: () => ['x.csv', 'foo,bar\n1,2\n'],
    code: 'INPUT_INVALID',
  },
  {
    name: 'a PFIF file with an entity expansion',
    file: () => [
      'bomb.xml',
      '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>' +
        '<pfif:pfif xmlns:pfif="http://zesty.ca/pfif/1.4"><pfif:person><pfif:person_record_id>a/1</pfif:person_record_id><pfif:full_name>&lol2;</pfif:full_name></pfif:person></pfif:pfif>',
    ],
    code: 'INPUT_INVALID',
  },
  {
    name: 'a PFIF file with an external entity',
    file: () => [
      'xxe.xml',
      '<?xml version="1.0"?><!DOCTYPE p [<!ENTITY x SYSTEM "file:///etc/passwd">]>' +
        '<pfif:pfif xmlns:pfif="http://zesty.ca/pfif/1.4"><pfif:person><pfif:person_record_id>a/1</pfif:person_record_id><pfif:full_name>&x;</pfif:full_name></pfif:person></pfif:pfif>',
    ],
    code: 'INPUT_INVALID',
  },
  {
    name: 'a zip bomb disguised as XLSX',
    file: () => [
      'list.xlsx',
      buildZip([...minimalXlsxEntries(), { name: 'xl/media/pad.xml', data: Buffer.alloc(24 << 20, 0x20) }]),
    ],
    code: 'PAYLOAD_TOO_LARGE',
  },
  {
    name: 'a file cut off in the middle of a row',
    file: () => ['cut.csv', manyRows(5) + 'Family9,Giv'],
    code: 'INPUT_INVALID',
  },
];

forEachDialect('imports: bad input leaves the registry as it was', (fx) => {
  for (const c of fatal)
    test(`${c.name}: ${c.code}, nothing written`, async () => {
      const app = testApp(fx.database());
      const src = await aSource(app, `bad ${c.name}`);
      const before = await tableCounts(fx.database());
      const [name, content] = c.file();
      const code = await failure(() =>
        app.imports.run(officer, tempFile(name, content), { sourceId: src.id }),
      );
      assert.equal(code, c.code);
      assert.deepEqual(await tableCounts(fx.database()), before);
    });

  test('ragged rows, undecodable cells and impossible dates are rejected with line and column; the rest lands', async () => {
    const app = testApp(fx.database());
    const text =
      HEADER +
      'Мельник,Петро,1970-01-01\nRagged,Row\nБондар,Ірина,1980-02-30\nКравець,Ольга,1975-05-05,extra\n';
    const r = await app.imports.run(officer, tempFile('mixed.csv', text), { sourceName: 'mixed' });
    assert.equal(r.created, 1);
    assert.deepEqual(r.rejected.map((x) => [x.row, x.code]).sort(), [
      [3, 'RAGGED_ROW'],
      [4, 'DATE_INVALID'],
      [5, 'RAGGED_ROW'],
    ]);
    const date = r.rejected.find((x) => x.code === 'DATE_INVALID');
    assert.deepEqual([date?.column, date?.value], ['date_of_birth', '1980-02-30']);
    // A row problem of the reader names no single cell: no value.
    assert.equal(r.rejected.find((x) => x.code === 'RAGGED_ROW')?.value, undefined);
  });

  test('a list in an unexpected encoding is read by detection, not garbled', async () => {
    const app = testApp(fx.database());
    const bytes = iconv.encode(HEADER + 'Гриценко,Віталій,1991-09-09\n', 'koi8-u');
    const r = await app.imports.run(officer, tempFile('koi.csv', bytes), { sourceName: 'koi list' });
    assert.equal(r.encoding, 'koi8-u');
    const v = await fx
      .database()
      .db.selectFrom('claims')
      .select('value')
      .where('batch_id', '=', r.batchId)
      .where('field', '=', 'family_name')
      .executeTakeFirstOrThrow();
    assert.equal(JSON.parse(v.value), 'Гриценко');
  });

  test('a cancelled import leaves nothing behind', async () => {
    const app = testApp(fx.database());
    const src = await aSource(app, 'cancelled list');
    const before = await tableCounts(fx.database());
    const abort = new AbortController();
    const code = await failure(() =>
      app.imports.run(
        officer,
        tempFile('big.csv', manyRows(3000)),
        { sourceId: src.id, chunkSize: 500 },
        {
          signal: abort.signal,
          onProgress: (p) => p.rows >= 500 && abort.abort(),
        },
      ),
    );
    assert.equal(code, 'CANCELLED');
    assert.deepEqual(await tableCounts(fx.database()), before);
  });

  test(
    'a process killed mid-import leaves the registry exactly as before',
    { skip: fx.dialect !== 'sqlite' && 'the child opens SQLite files' },
    async () => {
      const app = testApp(fx.database());
      const src = await aSource(app, 'crash list');
      const before = await tableCounts(fx.database());
      const path = tempFile('crash.csv', manyRows(20_000));
      const appModule = fileURLToPath(new URL('../index.js', import.meta.url));
      const dbModule = fileURLToPath(new URL('../../db/dialects/dialect.js', import.meta.url));
      const script = `
      const { createApp } = await import(${JSON.stringify(appModule)});
      const { openDatabase } = await import(${JSON.stringify(dbModule)});
      const app = createApp({ database: openDatabase(${JSON.stringify(fx.target())}) });
      await app.imports.run(${JSON.stringify(officer)}, ${JSON.stringify(path)}, { sourceId: ${JSON.stringify(src.id)}, chunkSize: 500 },
        { onProgress: (p) => { if (p.rows >= 1000) process.stdout.write('midway\\n'); } });
      process.stdout.write('finished\\n');`;
      const child = spawn(process.execPath, ['--input-type=module', '-e', script], {
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      const outcome = await new Promise<string>((resolve) => {
        child.stdout.on('data', (d: Buffer) => {
          if (d.toString().includes('midway')) {
            child.kill('SIGKILL');
            resolve('killed');
          } else if (d.toString().includes('finished')) resolve('finished');
        });
        child.on('exit', () => resolve('exited'));
      });
      assert.equal(outcome, 'killed');
      await new Promise((r) => child.once('exit', r).once('close', r));
      const reopened = openDatabase(fx.target());
      try {
        assert.deepEqual(await tableCounts(reopened), before);
      } finally {
        await reopened.close();
      }
    },
  );
});
