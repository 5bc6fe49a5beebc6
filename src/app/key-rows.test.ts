import { test } from 'node:test';
import assert from 'node:assert/strict';
import { forEachDialect } from '../db/testing/dialects.js';
import type { Database } from '../db/dialects/dialect.js';
import { aSource, officer, testApp } from './testing/test-app.js';
import { tempFile } from './imports/testing/fixtures.js';
import { replaceKeyRows } from './key-rows.js';

/** Every key row of a table, as "person key", sorted. */
async function rows(database: Database, table: 'blocking_keys' | 'person_keys'): Promise<string[]> {
  const r = await database.db
    .selectFrom(table)
    .innerJoin('persons', 'persons.seq', `${table}.person_seq`)
    .select(['persons.id', `${table}.key`])
    .execute();
  return r.map((x) => `${x.id} ${x.key}`).sort();
}

async function assertSame(database: Database, when: string): Promise<string[]> {
  const byKey = await rows(database, 'blocking_keys');
  assert.deepEqual(await rows(database, 'person_keys'), byKey, `the two key tables differ ${when}`);
  return byKey;
}

forEachDialect('key rows: by key and by person', (fx) => {
  test('both tables hold the same rows through registration, imports, edits, merges and undos', async () => {
    const database = fx.database();
    const app = testApp(database);
    const src = await aSource(app, 'Key rows list');
    const { ids } = await app.persons.registerBatch(officer, src.id, [
      {
        sourceId: src.id,
        claims: [
          { field: 'family_name', value: 'Коваленко' },
          { field: 'given_name', value: 'Андрій' },
          { field: 'date_of_birth', value: { year: 1994, month: 3, day: 5 } },
          { field: 'service_number', value: 'SN-1001' },
        ],
      },
      {
        sourceId: src.id,
        claims: [
          { field: 'family_name', value: 'Мазур' },
          { field: 'given_name', value: 'Богдан' },
        ],
      },
    ]);
    const registered = await assertSame(database, 'after a bulk registration');
    assert.ok(registered.filter((r) => r.startsWith(ids[0]!)).length > 10, 'the first person has keys');

    const list = [
      "Номер,Прізвище,Ім'я,По батькові,Дата народження,Особовий номер",
      'K-1,Коваленко,Андрій,Миколайович,05.03.1994,SN-1001',
      'K-2,Сидоренко,Ярема,,17.01.1987,SN-2002',
    ].join('\n');
    const r = await app.imports.run(officer, tempFile('keys.csv', list), {
      sourceName: 'key rows import',
      mapping: { source_record_id: 'Номер' },
    });
    assert.equal(r.linked, 1);
    assert.equal(r.created, 1);
    const imported = await assertSame(database, 'after an import that links a row and creates a person');
    assert.ok(imported.length > registered.length);
    assert.ok(
      imported.some((x) => x === `${ids[0]!} t:миколаиович`),
      'the linked person gained the key of its patronymic',
    );

    const one = await app.persons.register(officer, {
      sourceId: src.id,
      claims: [
        { field: 'family_name', value: 'Мазур' },
        { field: 'given_name', value: 'Богдан' },
        { field: 'patronymic', value: 'Іванович' },
      ],
    });
    await assertSame(database, 'after registering one person');
    const m = await app.persons.merge(officer, {
      survivorId: ids[1]!,
      mergedId: one.person.id,
      reason: 'same',
    });
    const merged = await assertSame(database, 'after a merge');
    assert.ok(!merged.some((x) => x.startsWith(one.person.id)), 'a merged person keeps no key rows');
    await app.persons.undoMerge(officer, m.mergeId, { reason: 'two persons after all' });
    const undone = await assertSame(database, 'after the merge is undone');
    assert.ok(undone.some((x) => x.startsWith(one.person.id)));

    const found = await app.persons.search(officer, { q: 'Bohdan Maz' });
    assert.ok(found.items.some((i) => i.id === ids[1]));
  });
});

forEachDialect('key rows: replacing a person’s keys', (fx) => {
  test('removes the keys no longer given, adds the new ones, keeps the rest, and leaves other persons alone', async () => {
    const database = fx.database();
    const app = testApp(database);
    const src = await aSource(app, 'Replaced keys');
    const { ids } = await app.persons.registerBatch(officer, src.id, [
      { sourceId: src.id, claims: [{ field: 'family_name', value: 'Коваленко' }] },
      { sourceId: src.id, claims: [{ field: 'family_name', value: 'Мазур' }] },
    ]);
    const [a, b] = ids as unknown as [string, string];
    const others = (await rows(database, 'blocking_keys')).filter((r) => r.startsWith(b));
    await database.db.transaction().execute(async (trx) => {
      await replaceKeyRows(trx, [{ personId: a, keys: ['dob:19900101', 'service:SN1', 'service:SN2'] }]);
      await replaceKeyRows(trx, [{ personId: a, keys: ['service:SN2', 'service:SN3', 'dob:19900101'] }]);
    });
    const after = await assertSame(database, 'after replacing');
    assert.deepEqual(
      after.filter((r) => r.startsWith(a)),
      [`${a} dob:19900101`, `${a} service:SN2`, `${a} service:SN3`],
      'exactly the keys given last',
    );
    assert.deepEqual(
      after.filter((r) => r.startsWith(b)),
      others,
      'the other person keeps its rows',
    );
  });
});
