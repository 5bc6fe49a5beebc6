import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { freshDatabase, TEST_PG_URL, whileSchemasStill } from './testing/dialects.js';
import { migrateToLatest } from './migrations/index.js';
import { nextPersonSeqs } from './repositories/person-repository.js';
import { aSource, officer, testApp } from '../app/testing/test-app.js';

const P1 = '01900000-0000-7000-8000-000000000001';
const P2 = '01900000-0000-7000-8000-000000000002';
const P3 = '01900000-0000-7000-8000-000000000003';

/** Key rows as a registry before migration 0014 held them, by person id. */
const ROWS = [
  [P1, 'dob:19900101'],
  [P1, 't:коваленко'],
  [P2, 'dob:19900101'],
  [P2, 'k:kovalenko'],
  [P3, 'service:SN-3'],
] as const;

for (const dialect of ['sqlite', 'postgres'] as const)
  test(
    `key tables name persons by seq (migration 0014) [${dialect}]`,
    { skip: dialect === 'postgres' && !TEST_PG_URL ? 'WHEREABOUTS_TEST_PG is not set: skipped' : false },
    async () => {
      const { database, dispose } = await freshDatabase(dialect, TEST_PG_URL, '0013-person-keys');
      try {
        // eslint-disable-next-line @typescript-eslint/no-explicit-any
        const db = database.db as any;
        const at = '2026-01-01T00:00:00.000Z';
        for (const id of [P2, P1, P3])
          await sql`INSERT INTO persons (id, version, merged_into, created_at, updated_at)
            VALUES (${id}, 1, NULL, ${at}, ${at})`.execute(db);
        for (const [id, key] of ROWS) {
          await sql`INSERT INTO blocking_keys (person_id, key) VALUES (${id}, ${key})`.execute(db);
          await sql`INSERT INTO person_keys (person_id, key) VALUES (${id}, ${key})`.execute(db);
        }
        await whileSchemasStill(dialect, () => migrateToLatest(database));

        const persons = await database.db.selectFrom('persons').select(['id', 'seq']).execute();
        const seqs = persons.map((p) => Number(p.seq));
        assert.equal(new Set(seqs).size, 3, 'every person has a seq of its own');
        assert.ok(
          seqs.every((s) => Number.isInteger(s) && s > 0),
          `seqs are positive integers: ${seqs.join(', ')}`,
        );
        for (const table of ['blocking_keys', 'person_keys'] as const) {
          const rows = await database.db
            .selectFrom(table)
            .innerJoin('persons', 'persons.seq', `${table}.person_seq`)
            .select(['persons.id', `${table}.key`])
            .execute();
          assert.deepEqual(
            rows.map((r) => `${r.id} ${r.key}`).sort(),
            ROWS.map(([id, key]) => `${id} ${key}`).sort(),
            `every row of ${table} survives, named by its person's seq`,
          );
        }

        // Seqs for new persons come after every one given, and never twice.
        const top = Math.max(...seqs);
        const next = await nextPersonSeqs(database.db, dialect, 3);
        assert.equal(next.length, 3);
        assert.ok(
          next[0]! > top && next[1]! > next[0]! && next[2]! > next[1]!,
          `after ${top}: ${next.join(', ')}`,
        );

        // The service registers, keys and finds persons on the migrated tables.
        const app = testApp(database);
        const src = await aSource(app, 'After 0014');
        const { person } = await app.persons.register(officer, {
          sourceId: src.id,
          claims: [
            { field: 'family_name', value: 'Самойленко' },
            { field: 'given_name', value: 'Тарас' },
          ],
        });
        const found = await app.persons.search(officer, { q: 'Samojlenko Taras' });
        assert.equal(found.items[0]?.id, person.id, 'found through the key tables');

        if (dialect === 'sqlite') {
          // A person inserted without a seq gets the next one; a seq never changes.
          const P4 = '01900000-0000-7000-8000-000000000004';
          await sql`INSERT INTO persons (id, version, merged_into, created_at, updated_at)
            VALUES (${P4}, 1, NULL, ${at}, ${at})`.execute(db);
          const { m } = await database.db
            .selectFrom('persons')
            .select((eb) => eb.fn.max('seq').as('m'))
            .executeTakeFirstOrThrow();
          const given = await database.db
            .selectFrom('persons')
            .select('seq')
            .where('id', '=', P4)
            .executeTakeFirstOrThrow();
          assert.equal(Number(given.seq), Number(m), 'the trigger gives the next seq');
          await assert.rejects(
            database.db.updateTable('persons').set({ seq: 999_999 }).where('id', '=', P1).execute(),
            /persons\.seq never changes/,
          );
        }
      } finally {
        await dispose();
      }
    },
  );
