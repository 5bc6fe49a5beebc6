import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { forEachDialect } from '../testing/dialects.js';
import { insertRows } from '../dialects/dialect.js';
import { aSource, officer, testApp } from '../../app/testing/test-app.js';
import { loadRecord } from './person-repository.js';

forEachDialect('loading a person record', (fx) => {
  test('a person with more claims than a statement may have parameters loads whole, retractions included', async () => {
    const database = fx.database();
    const app = testApp(database);
    const src = await aSource(app, 'Many claims');
    const { person, claimIds } = await app.persons.register(officer, {
      sourceId: src.id,
      claims: [{ field: 'family_name', value: 'Коваленко' }],
    });
    const first = { id: claimIds[0]!, recordedAt: new Date().toISOString(), recordedBy: officer.userId };
    const MORE = 70_000; // past SQLite's 32,766 and PostgreSQL's 65,535 parameters
    await database.db.transaction().execute(async (trx) => {
      const rows = Array.from({ length: MORE }, (_, i) => ({
        id: randomUUID(),
        person_id: person.id,
        field: 'notes',
        value: JSON.stringify(`note ${i}`),
        confidence: 'medium',
        sensitivity: 'normal',
        source_id: src.id,
        batch_id: null,
        asserted_at: null,
        recorded_at: first.recordedAt,
        recorded_by: first.recordedBy,
        supersedes: null,
        reason: null,
        row_ref: null,
      }));
      await insertRows(database, trx, 'claims', rows);
      await trx
        .insertInto('claim_retractions')
        .values({
          claim_id: first.id,
          reason: 'typed in error',
          recorded_at: first.recordedAt,
          recorded_by: first.recordedBy,
        })
        .execute();
    });
    const record = await loadRecord(database.db, [person.id]);
    assert.equal(record.claims.length, MORE + 1);
    assert.deepEqual(
      record.claimRetractions.map((r) => r.claimId),
      [first.id],
    );
  });
});
