/**
 * Test helper: runs a suite on every dialect. SQLite always; PostgreSQL when WHEREABOUTS_TEST_PG is
 * set (each suite in a fresh schema, dropped afterwards). When WHEREABOUTS_TEST_PG_REPORT names a
 * file, every PostgreSQL suite that ran appends its name there, so CI can tell they ran.
 */
import { appendFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { describe, before, after } from 'node:test';
import { openDatabase, type Database, type DialectName } from '../dialects/dialect.js';
import { migrateTo, migrateToLatest } from '../migrations/index.js';

export const TEST_PG_URL = process.env['WHEREABOUTS_TEST_PG'];

export interface DialectFixture {
  readonly dialect: DialectName;
  /** The migrated database, available inside tests (after the suite's `before`). */
  database(): Database;
  /** A target string that opens the same database again (file path or URL with schema). */
  target(): string;
}

const DDL_LOCK = 7244002;

async function underDdlLock<T>(url: string, fn: (admin: pg.Client) => Promise<T>): Promise<T> {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query('SELECT pg_advisory_lock($1)', [DDL_LOCK]);
    return await fn(admin);
  } finally {
    await admin.query('SELECT pg_advisory_unlock($1)', [DDL_LOCK]).catch(() => undefined);
    await admin.end();
  }
}

/**
 * Runs `fn` while no suite creates or drops a schema: for a process that opens a test database by
 * its target and migrates it (the CLI), whose catalogue introspection fails when another suite's
 * schema is dropped under it. SQLite: runs `fn` as it is.
 */
export async function whileSchemasStill<T>(dialect: DialectName, fn: () => T): Promise<T> {
  if (dialect !== 'postgres' || !TEST_PG_URL) return fn();
  return underDdlLock(TEST_PG_URL, async () => fn());
}

/**
 * Opens a fresh, migrated database of the given dialect (tests and benchmarks); with `upTo`, migrated
 * only up to that migration.
 */
export async function freshDatabase(
  dialect: DialectName,
  pgUrl: string | undefined = TEST_PG_URL,
  upTo?: string,
): Promise<{ database: Database; target: string; dispose(): Promise<void> }> {
  const migrated = (database: Database) => (upTo ? migrateTo(database, upTo) : migrateToLatest(database));
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'whereabouts-test-'));
    const file = join(dir, 'test.sqlite');
    const database = openDatabase(file);
    await migrated(database);
    return {
      database,
      target: file,
      dispose: async () => {
        await database.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  if (!pgUrl) throw new Error('no PostgreSQL URL: set WHEREABOUTS_TEST_PG');
  const schema = `t_${randomBytes(6).toString('hex')}`;
  // Suites run in parallel processes. Schema DDL is serialised under an advisory lock: the
  // migrator's catalogue introspection fails if another suite drops its schema meanwhile.
  const database = openDatabase(pgUrl, { schema, poolSize: 4 });
  await underDdlLock(pgUrl, async (admin) => {
    await admin.query(`CREATE SCHEMA ${schema}`);
    await migrated(database);
  });
  const url = new URL(pgUrl);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return {
    database,
    target: url.toString(),
    dispose: async () => {
      await database.close();
      await underDdlLock(pgUrl, (admin) => admin.query(`DROP SCHEMA ${schema} CASCADE`));
    },
  };
}

/** The dialects this run covers. */
export function testDialects(): DialectName[] {
  return TEST_PG_URL ? ['sqlite', 'postgres'] : ['sqlite'];
}

/**
 * `forEachDialect('person repository', (fx) => { test(...) })` declares the suite once per dialect.
 * Without WHEREABOUTS_TEST_PG, the PostgreSQL variant is declared as skipped with a message.
 */
export function forEachDialect(name: string, body: (fx: DialectFixture) => void): void {
  for (const dialect of ['sqlite', 'postgres'] as const) {
    if (dialect === 'postgres' && !TEST_PG_URL) {
      describe(
        `${name} [postgres]`,
        { skip: 'WHEREABOUTS_TEST_PG is not set: PostgreSQL suite skipped' },
        () => {},
      );
      continue;
    }
    describe(`${name} [${dialect}]`, () => {
      let handle: Awaited<ReturnType<typeof freshDatabase>> | undefined;
      before(async () => {
        handle = await freshDatabase(dialect);
        const report = process.env['WHEREABOUTS_TEST_PG_REPORT'];
        if (dialect === 'postgres' && report) appendFileSync(report, `${name}\n`);
      });
      after(async () => {
        await handle?.dispose();
      });
      body({
        dialect,
        database: () => {
          if (!handle) throw new Error('database not ready');
          return handle.database;
        },
        target: () => {
          if (!handle) throw new Error('database not ready');
          return handle.target;
        },
      });
    });
  }
}
