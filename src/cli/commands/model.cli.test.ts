import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { freshDatabase } from '../../db/testing/dialects.js';
import { aSource, officer, testApp } from '../../app/testing/test-app.js';
import { main } from '../main.js';

async function run(args: string[]) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  stdout.on('data', (d: Buffer) => (out += d.toString()));
  const code = await main(args, { stdout, stderr });
  return { code, out };
}

test('model train, activate, list and show round trip; unknown versions and missing decisions are refused', async () => {
  const fx = await freshDatabase('sqlite');
  try {
    const app = testApp(fx.database);
    const src = await aSource(app);
    for (const [family, given, year] of [
      ['Invented', 'Anna', 1990],
      ['Invented', 'Anna', 1990],
      ['Madeup', 'Petro', 1975],
    ] as const)
      await app.persons.register(officer, {
        sourceId: src.id,
        claims: [
          { field: 'family_name', value: family },
          { field: 'given_name', value: given },
          { field: 'date_of_birth', value: { year } },
        ],
      });
    const db = ['--db', fx.target];
    assert.equal((await run([...db, 'model', 'train', '--from', 'decisions'])).code, 5);
    const trained = await run([...db, 'model', 'train', '--from', 'em']);
    assert.equal(trained.code, 0);
    const version = (JSON.parse(trained.out) as { version: string }).version;
    assert.equal((await run([...db, 'model', 'activate', version])).code, 0);
    const listed = await run([...db, 'model', 'list']);
    const activeLines = listed.out.split('\n').filter((l) => l.startsWith('*'));
    assert.equal(activeLines.length, 1);
    assert.ok(activeLines[0]!.includes(version));
    const shown = await run([...db, 'model', 'show', version]);
    assert.equal((JSON.parse(shown.out) as { active: boolean }).active, true);
    assert.equal((await run([...db, 'model', 'show', 'no-such-version'])).code, 4);
  } finally {
    await fx.dispose();
  }
});
