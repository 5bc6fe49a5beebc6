import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { SQLITE_PAGE_BYTES, openDatabase } from './dialect.js';
import { migrateToLatest } from '../migrations/index.js';

test('a new SQLite database is made with the large page size, in WAL mode', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'wa-page-'));
  try {
    const database = openDatabase(join(dir, 'new.sqlite'));
    try {
      await migrateToLatest(database);
      const handle = database.sqlite!;
      assert.equal(SQLITE_PAGE_BYTES, 16 * 1024);
      assert.equal(handle.pragma('page_size', { simple: true }), SQLITE_PAGE_BYTES);
      assert.equal(handle.pragma('journal_mode', { simple: true }), 'wal');
    } finally {
      await database.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('an existing database keeps its page size and its rows, and takes new ones', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'wa-page-'));
  const file = join(dir, 'old.sqlite');
  try {
    const old = new SQLite(file);
    old.pragma('page_size = 4096');
    old.pragma('journal_mode = WAL');
    old.exec('CREATE TABLE t (x TEXT)');
    old.prepare('INSERT INTO t VALUES (?)').run('kept');
    old.close();
    const database = openDatabase(file);
    try {
      const handle = database.sqlite!;
      assert.equal(handle.pragma('page_size', { simple: true }), 4096);
      handle.prepare('INSERT INTO t VALUES (?)').run('added');
      assert.deepEqual(handle.prepare('SELECT x FROM t ORDER BY rowid').pluck().all(), ['kept', 'added']);
      await migrateToLatest(database);
      assert.equal(handle.pragma('page_size', { simple: true }), 4096);
    } finally {
      await database.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
