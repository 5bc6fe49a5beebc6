import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openDatabase } from '../../db/dialects/dialect.js';
import { stagingStorage } from './staged-keys.js';

test('staged keys go to a temporary file for an import, unless a transaction holds the connection', async () => {
  const database = openDatabase(':memory:');
  const handle = database.sqlite!;
  const store = () => handle.pragma('temp_store', { simple: true });
  try {
    assert.equal(store(), 2, 'the connection keeps temporary tables in memory');
    const restore = stagingStorage(database);
    assert.equal(store(), 1, 'an import puts them in a file');
    restore();
    assert.equal(store(), 2);
    // As an earlier import leaves it: the temporary database open, where SQLite refuses the
    // change inside a transaction.
    handle.exec('CREATE TEMP TABLE earlier (a); DROP TABLE earlier;');
    assert.throws(() => {
      handle.exec('BEGIN');
      try {
        handle.pragma('temp_store = FILE');
      } finally {
        handle.exec('ROLLBACK');
      }
    }, /temporary storage cannot be changed/);
    // Another request's transaction is open: nothing is changed, and nothing throws.
    handle.exec('BEGIN');
    const untouched = stagingStorage(database);
    assert.equal(store(), 2);
    untouched();
    handle.exec('COMMIT');
    // A transaction opened while the import ran: the file setting stays rather than throwing.
    const late = stagingStorage(database);
    handle.exec('CREATE TEMP TABLE staged (a); DROP TABLE staged;');
    handle.exec('BEGIN');
    assert.doesNotThrow(late);
    handle.exec('COMMIT');
    assert.equal(store(), 1);
  } finally {
    await database.close();
  }
});
