import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { forEachDialect } from './testing/dialects.js';
import { aSource, officer, testApp } from '../app/testing/test-app.js';

forEachDialect('the index of superseding claims (migration 0015)', (fx) => {
  test('holds only claims that supersede another, and answers the lookups by value', async () => {
    const database = fx.database();
    const app = testApp(database);
    const src = await aSource(app);
    const { person, claimIds } = await app.persons.register(officer, {
      sourceId: src.id,
      claims: [
        { field: 'rank', value: 'Sergeant' },
        { field: 'family_name', value: 'Hnatiuk' },
      ],
    });
    const { claimId } = await app.persons.addClaim(officer, person.id, {
      sourceId: src.id,
      claim: { field: 'rank', value: 'Senior sergeant' },
      supersedes: claimIds[0],
    });
    const by = await database.db
      .selectFrom('claims')
      .select('id')
      .where('supersedes', 'in', [claimIds[0]!, claimIds[1]!])
      .execute();
    assert.deepEqual(
      by.map((r) => r.id),
      [claimId],
    );
    if (fx.dialect === 'sqlite') {
      const handle = database.sqlite!;
      const index = (handle.pragma('index_list(claims)') as { name: string; partial: number }[]).find(
        (i) => i.name === 'claims_supersedes',
      );
      assert.equal(index?.partial, 1, 'the index is partial');
      for (const [where, values] of [
        ['supersedes = ?', [claimIds[0]]],
        ['supersedes IN (?, ?)', [claimIds[0], claimIds[1]]],
      ] as const) {
        const plan = handle
          .prepare(`EXPLAIN QUERY PLAN SELECT id FROM claims WHERE ${where}`)
          .all(...values)
          .map((r) => (r as { detail: string }).detail)
          .join('; ');
        assert.match(plan, /USING (COVERING )?INDEX claims_supersedes/, `${where}: ${plan}`);
      }
    } else {
      const { rows } = await sql<{ indexdef: string }>`
        SELECT indexdef FROM pg_indexes WHERE tablename = 'claims' AND indexname = 'claims_supersedes'
          AND schemaname = current_schema()`.execute(database.db);
      assert.match(rows[0]?.indexdef ?? '', /WHERE \(supersedes IS NOT NULL\)/);
    }
  });
});
