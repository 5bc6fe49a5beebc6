import { test } from 'node:test';
import assert from 'node:assert/strict';
import { forEachDialect } from '../db/testing/dialects.js';
import type { Database } from '../db/dialects/dialect.js';
import { asId, type PersonId } from '../domain/index.js';
import { aSource, officer, testApp } from './testing/test-app.js';
import { reindexPerson, reindexPersons } from './indexing.js';

const DERIVED = ['blocking_keys', 'person_keys', 'match_records', 'person_status'] as const;

/** Every derived row, as text, sorted; key rows with their person's id. */
async function derived(database: Database): Promise<string[]> {
  const out: string[] = [];
  for (const table of DERIVED) {
    const rows =
      table === 'blocking_keys' || table === 'person_keys'
        ? await database.db
            .selectFrom(table)
            .innerJoin('persons', 'persons.seq', `${table}.person_seq`)
            .select(['persons.id as person_id', `${table}.key`])
            .execute()
        : await database.db.selectFrom(table).selectAll().execute();
    for (const r of rows) out.push(`${table} ${JSON.stringify(r)}`);
  }
  return out.sort();
}

async function wipe(database: Database): Promise<void> {
  for (const table of DERIVED) await database.db.deleteFrom(table).execute();
}

forEachDialect('re-indexing persons in batches', (fx) => {
  test('a batch across slices and merged clusters gives the rows that re-indexing one by one gives', async () => {
    const database = fx.database();
    const app = testApp(database);
    const src = await aSource(app, 'Batch re-index');
    const family = ['Коваленко', 'Мазур', 'Шевчук', 'Бондар', 'Ткаченко'];
    const given = ['Андрій', 'Богдан', 'Тарас'];
    const { ids } = await app.persons.registerBatch(
      officer,
      src.id,
      Array.from({ length: 600 }, (_, i) => ({
        sourceId: src.id,
        claims: [
          { field: 'family_name', value: family[i % family.length]! },
          { field: 'given_name', value: given[i % given.length]! },
          {
            field: 'date_of_birth',
            value: { year: 1970 + (i % 30), month: 1 + (i % 12), day: 1 + (i % 28) },
          },
          { field: 'service_number', value: `SN-${i}` },
        ],
        events: i % 3 === 0 ? [{ kind: 'captured', date: { year: 2022, month: 5, day: 17 } }] : [],
      })),
    );
    // Two clusters: 1 ← 2 ← 3 (a merge into a person merged later), and 400 ← 401.
    await app.persons.merge(officer, { survivorId: ids[2]!, mergedId: ids[3]!, reason: 'same' });
    await app.persons.merge(officer, { survivorId: ids[1]!, mergedId: ids[2]!, reason: 'same' });
    await app.persons.merge(officer, { survivorId: ids[400]!, mergedId: ids[401]!, reason: 'same' });
    const survivors = ids.filter((_, i) => ![2, 3, 401].includes(i)).map((id) => asId<PersonId>(id));
    const { keyer } = app.ctx;

    await wipe(database);
    await database.db.transaction().execute(async (trx) => {
      for (const id of survivors) await reindexPerson(trx, keyer, id);
    });
    const oneByOne = await derived(database);
    for (const table of DERIVED)
      assert.ok(
        oneByOne.some((r) => r.startsWith(`${table} `) && r.includes(ids[1]!)),
        `the survivor of the chain has rows in ${table}`,
      );
    assert.ok(!oneByOne.some((r) => r.includes(ids[3]!)), 'a merged record has no derived rows');

    await wipe(database);
    const keys = await database.db
      .transaction()
      .execute((trx) => reindexPersons(trx, keyer, [...survivors, survivors[0]!]));
    assert.deepEqual(await derived(database), oneByOne, 'the same derived rows');
    assert.equal(keys.size, survivors.length, 'each person once, a repeat ignored');
    const merged = await database.db
      .selectFrom('person_keys')
      .innerJoin('persons', 'persons.seq', 'person_keys.person_seq')
      .select('key')
      .where('persons.id', '=', ids[1]!)
      .execute();
    // Person 1 is Мазур; 2 (Шевчук) and 3 (Бондар) were merged into it.
    for (const k of ['t:мазур', 't:шевчук', 't:бондар'])
      assert.ok(
        merged.some((r) => r.key === k),
        `the survivor holds the keys of the records merged into it (${k})`,
      );
    assert.deepEqual([...keys.get(asId(ids[1]!))!.keys].sort(), merged.map((r) => r.key).sort());

    // Over rows already there (some stale): each is replaced by what its events say.
    await database.db
      .updateTable('person_status')
      .set({ state: 'dead', place_id: null, since_from: '1999-01-01', wounded: 1 })
      .where('person_id', 'in', [ids[0]!, ids[1]!, ids[5]!])
      .execute();
    await database.db.transaction().execute((trx) => reindexPersons(trx, keyer, survivors));
    assert.deepEqual(await derived(database), oneByOne, 'stale status rows are replaced');
  });
});
