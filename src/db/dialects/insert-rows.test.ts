import { test } from 'node:test';
import assert from 'node:assert/strict';
import { forEachDialect } from '../testing/dialects.js';
import { insertRows } from './dialect.js';

forEachDialect('bulk inserts of rows', (fx) => {
  test('every row lands once with its values, in full statements and the rest one by one', async () => {
    const database = fx.database();
    // 70 rows: on SQLite two statements of 32 rows and six of one.
    const rows = Array.from({ length: 70 }, (_, i) => ({
      key: `bulk:${String(i).padStart(3, '0')}`,
      person_seq: i,
    }));
    await database.db.transaction().execute((trx) => insertRows(database, trx, 'blocking_keys', rows));
    const got = await database.db
      .selectFrom('blocking_keys')
      .select(['key', 'person_seq'])
      .where('key', 'like', 'bulk:%')
      .orderBy('key')
      .execute();
    assert.deepEqual(
      got.map((r) => ({ key: r.key, person_seq: Number(r.person_seq) })),
      rows,
    );
  });

  test('duplicates are skipped when asked, inside one statement and against stored rows', async () => {
    const database = fx.database();
    const row = (i: number) => ({ key: `dup:${i % 40}`, person_seq: i % 40 });
    await database.db.transaction().execute(async (trx) => {
      await insertRows(database, trx, 'blocking_keys', [row(0), row(1)]);
      await insertRows(
        database,
        trx,
        'blocking_keys',
        Array.from({ length: 100 }, (_, i) => row(i)),
        { ignoreDuplicates: true },
      );
    });
    const { n } = await database.db
      .selectFrom('blocking_keys')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('key', 'like', 'dup:%')
      .executeTakeFirstOrThrow();
    assert.equal(Number(n), 40);
  });

  test('a row that breaks a key fails the insert, and its transaction leaves nothing behind', async () => {
    const database = fx.database();
    const rows = Array.from({ length: 50 }, (_, i) => ({
      key: `clash:${i === 45 ? 3 : i}`,
      person_seq: i === 45 ? 3 : i,
    }));
    await assert.rejects(
      database.db.transaction().execute((trx) => insertRows(database, trx, 'blocking_keys', rows)),
      /UNIQUE|duplicate key/i,
    );
    const left = await database.db
      .selectFrom('blocking_keys')
      .select('key')
      .where('key', 'like', 'clash:%')
      .execute();
    assert.deepEqual(left, []);
  });
});
