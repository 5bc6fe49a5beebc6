import { test } from 'node:test';
import assert from 'node:assert/strict';
import { forEachDialect } from './testing/dialects.js';
import { up as leanKeys } from './migrations/0012-blocking-keys-lean.js';
import { aSource, officer, testApp } from '../app/testing/test-app.js';

forEachDialect('blocking keys: the lean key table (migration 0012)', (fx) => {
  test('every key row survives the migration, and search and registration work on it', async () => {
    const app = testApp(fx.database());
    const src = await aSource(app);
    const { ids } = await app.persons.registerBatch(officer, src.id, [
      {
        sourceId: src.id,
        claims: [
          { field: 'family_name', value: 'Ковальчук' },
          { field: 'given_name', value: 'Андрій' },
          { field: 'date_of_birth', value: { year: 1994, month: 3, day: 5 } },
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
    const { db, dialect } = fx.database();
    const keys = () =>
      db
        .selectFrom('blocking_keys')
        .select(['person_id', 'key'])
        .orderBy('key')
        .orderBy('person_id')
        .execute();
    const before = await keys();
    assert.ok(before.length > 20, `keys were stored: ${before.length}`);
    await db.transaction().execute((trx) => leanKeys(trx, dialect));
    assert.deepEqual(await keys(), before);
    const found = await app.persons.search(officer, { q: 'Kovalchuk Andrii 05.03.1994' });
    assert.equal(found.items[0]?.id, ids[0]);
    const typed = await app.persons.search(officer, { q: 'Bohdan Maz' });
    assert.ok(
      typed.items.some((i) => i.id === ids[1]),
      'a name being typed is found through the prefix keys',
    );
    const { person } = await app.persons.register(officer, {
      sourceId: src.id,
      claims: [{ field: 'family_name', value: 'Ткачук' }],
    });
    assert.ok((await keys()).some((k) => k.person_id === person.id));
  });
});
