import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import SQLite from 'better-sqlite3';
import { SQLITE_PAGE_BYTES, openDatabase } from './dialect.js';
import { CHECKPOINT_INTERVAL_MS } from './checkpointer.js';

test('a file database checkpoints its log in a worker, not in the committing connection', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'wa-ckpt-'));
  const file = join(dir, 'r.sqlite');
  try {
    const database = openDatabase(file);
    const handle = database.sqlite!;
    handle.exec('CREATE TABLE t (x TEXT)');
    // Wait for the worker's connection: the service's connection then leaves checkpoints to it.
    for (let i = 0; i < 100 && handle.pragma('wal_autocheckpoint', { simple: true }) !== 0; i++)
      await sleep(20);
    assert.equal(
      handle.pragma('wal_autocheckpoint', { simple: true }),
      0,
      'the connection no longer checkpoints',
    );
    // Some 3,000 pages, three times what makes a connection checkpoint on its own.
    const insert = handle.prepare('INSERT INTO t VALUES (?)');
    const row = 'x'.repeat(SQLITE_PAGE_BYTES - 400);
    handle.transaction(() => {
      for (let i = 0; i < 3000; i++) insert.run(row);
    })();
    // The rows reach the database file only through a checkpoint, and this connection makes none.
    const copied = () => statSync(file).size >= 3000 * row.length;
    for (let i = 0; i < 50 && !copied(); i++) await sleep(CHECKPOINT_INTERVAL_MS);
    assert.ok(copied(), `the worker copied the log into the database file (${statSync(file).size} bytes)`);
    await database.close();
    assert.equal(existsSync(`${file}-wal`), false, 'closing leaves no log behind');
    const reopened = new SQLite(file, { readonly: true });
    assert.equal((reopened.prepare('SELECT count(*) AS n FROM t').get() as { n: number }).n, 3000);
    reopened.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('an in-memory database has no log and no checkpointer', async () => {
  const database = openDatabase(':memory:');
  assert.equal(database.sqlite!.pragma('wal_autocheckpoint', { simple: true }), 1000);
  await database.close();
});
