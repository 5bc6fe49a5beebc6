import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { forEachDialect } from './testing/dialects.js';
import { isAppendOnlyViolation } from './dialects/dialect.js';
import { aSource, officer, testApp } from '../app/testing/test-app.js';

forEachDialect('append-only tables', (fx) => {
  test('the database refuses UPDATE and DELETE on claims, events, merges and the audit log', async () => {
    const app = testApp(fx.database());
    const src = await aSource(app);
    const { person } = await app.persons.register(officer, {
      sourceId: src.id,
      claims: [{ field: 'family_name', value: 'Bondar' }],
      events: [{ kind: 'missing' }],
    });
    const db = fx.database().db;
    const attempts = [
      sql`UPDATE claims SET value = '"Bondarenko"' WHERE person_id = ${person.id}`,
      sql`DELETE FROM claims WHERE person_id = ${person.id}`,
      sql`UPDATE status_events SET kind = 'released' WHERE person_id = ${person.id}`,
      sql`DELETE FROM status_events WHERE person_id = ${person.id}`,
      sql`UPDATE audit_log SET action = 'nothing'`,
      sql`DELETE FROM audit_log`,
    ];
    for (const statement of attempts) {
      await assert.rejects(statement.execute(db), (e) => isAppendOnlyViolation(e), statement.compile(db).sql);
    }
    const claims = await db.selectFrom('claims').select('value').where('person_id', '=', person.id).execute();
    assert.deepEqual(
      claims.map((c) => c.value),
      ['"Bondar"'],
    );
  });
});
