import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { sql } from 'kysely';
import { forEachDialect, whileSchemasStill, type DialectFixture } from '../db/testing/dialects.js';
import { aSource, auditor, officer, testApp } from './testing/test-app.js';

/** `whereabouts audit verify` on the fixture's database (the CLI migrates what it opens). */
function verifyCli(fx: DialectFixture, ...args: string[]) {
  return whileSchemasStill(fx.dialect, () =>
    spawnSync(process.execPath, ['bin/whereabouts', '--db', fx.target(), 'audit', 'verify', ...args], {
      encoding: 'utf8',
    }),
  );
}

forEachDialect('audit chain', (fx) => {
  test('every write and every read of a person leaves a chained entry', async () => {
    const app = testApp(fx.database());
    const src = await aSource(app);
    const { person } = await app.persons.register(officer, {
      sourceId: src.id,
      claims: [{ field: 'family_name', value: 'Tkachenko' }],
    });
    await app.persons.get(officer, person.id);
    const log = await app.audit.list(auditor, { subjectId: person.id });
    assert.deepEqual(
      log.items.map((e) => e.action),
      ['person.register', 'person.read'],
    );
    assert.equal(
      JSON.stringify(log.items).includes('Tkachenko'),
      false,
      'no personal value in the audit details',
    );
    const ok = await app.audit.verify(auditor);
    assert.equal(ok.ok, true);
    assert.ok(ok.entries >= 3);
  });

  test('audit verify (CLI) catches an altered entry and a removed entry', async () => {
    const app = testApp(fx.database());
    const src = await aSource(app);
    for (let i = 0; i < 3; i++)
      await app.persons.register(officer, {
        sourceId: src.id,
        claims: [{ field: 'family_name', value: `Name${i}` }],
      });
    const clean = await verifyCli(fx);
    assert.equal(clean.status, 0, clean.stderr);
    const head = /head (\d+:[0-9a-f]{64})/.exec(clean.stdout)![1]!;
    const db = fx.database().db;
    // An attacker with database access disables the append-only protection first.
    if (fx.dialect === 'sqlite') await sql`DROP TRIGGER audit_log_no_update`.execute(db);
    else await sql`ALTER TABLE audit_log DISABLE TRIGGER USER`.execute(db);
    await sql`UPDATE audit_log SET subject_id = 'someone-else' WHERE seq = 2`.execute(db);
    const altered = await verifyCli(fx);
    assert.equal(altered.status, 7, altered.stderr);
    assert.match(altered.stdout, /BROKEN at entry 2: hash mismatch/);
    await sql`UPDATE audit_log SET subject_id = (SELECT subject_id FROM audit_log WHERE seq = 3) WHERE seq = 2`.execute(
      db,
    );
    if (fx.dialect === 'sqlite') await sql`DROP TRIGGER audit_log_no_delete`.execute(db);
    const maxSeq = Number(head.split(':')[0]);
    await sql`DELETE FROM audit_log WHERE seq = ${maxSeq}`.execute(db);
    const truncated = await verifyCli(fx, '--anchor', head);
    assert.equal(
      truncated.status,
      7,
      `removing the newest entry is caught with an anchor: ${truncated.stderr}`,
    );
    await sql`DELETE FROM audit_log WHERE seq = 1`.execute(db);
    const removed = await verifyCli(fx);
    assert.equal(removed.status, 7, removed.stderr);
    assert.match(removed.stdout, /BROKEN at entry 1: sequence gap/);
  });
});
