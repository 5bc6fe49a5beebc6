import { test } from 'node:test';
import assert from 'node:assert/strict';
import { forEachDialect } from '../testing/dialects.js';
import { sql } from 'kysely';
import { freshStatistics } from './dialect.js';

forEachDialect('planner statistics before a bulk read', (fx) => {
  test('tables never analysed, or much changed since, are analysed; fresh ones are left alone', async () => {
    const database = fx.database();
    const run = () =>
      database.db
        .transaction()
        .execute((trx) => freshStatistics(trx, database.dialect, ['blocking_keys', 'match_records']));
    if (database.dialect === 'sqlite') {
      assert.deepEqual(await run(), [], 'SQLite plans from its indexes');
      return;
    }
    assert.deepEqual((await run()).sort(), ['blocking_keys', 'match_records'], 'never analysed');
    assert.deepEqual(await run(), [], 'analysed just now');
    const { rows } = await sql<{
      reltuples: number;
    }>`SELECT reltuples FROM pg_class WHERE oid = to_regclass('blocking_keys')`.execute(database.db);
    assert.ok(Number(rows[0]!.reltuples) >= 0, 'the planner has a row count');
  });
});
