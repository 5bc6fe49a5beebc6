/**
 * The one place where SQLite and PostgreSQL differ: connection set-up, append-only triggers,
 * serialising audit appends, bulk inserts, and how a database error is recognised.
 */
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { Kysely, PostgresDialect, SqliteDialect, sql, type Transaction } from 'kysely';
import type { DB } from '../schema.js';
import { startCheckpointer } from './checkpointer.js';
import { DomainError } from '../../domain/errors.js';

export type DialectName = 'sqlite' | 'postgres';

export interface Database {
  readonly db: Kysely<DB>;
  readonly dialect: DialectName;
  /** For SQLite: the file path (':memory:' for an in-memory database). */
  readonly file: string | null;
  /** For PostgreSQL: the schema set as search path, when one was given. */
  readonly schema: string | null;
  /** Direct handle for SQLite-only operations such as online backup. */
  readonly sqlite: SQLite.Database | null;
  close(): Promise<void>;
}

export function isPostgresUrl(target: string): boolean {
  return /^postgres(ql)?:\/\//i.test(target);
}

/**
 * Page size of a new SQLite database: 16 KiB rather than SQLite's 4 KiB. A large import is one
 * transaction, and every page it changes stays in the write-ahead log until it commits; each page
 * read or written meanwhile is looked up there, at a cost that grows with the log's length in
 * pages. A quarter of the pages means a quarter of the lookups, each over a quarter of the log: a
 * million rows into a million persons ran about 9 % faster than on the same registry, VACUUMed
 * likewise, in 4 KiB pages (docs/benchmarks.md). Small writes log
 * bigger pages, which a service with a few writes a second does not feel.
 */
export const SQLITE_PAGE_BYTES = 16 * 1024;

/** Opens a database from a file path or a postgres:// URL. `schema` (PostgreSQL) sets the search path. */
export function openDatabase(target: string, opts: { schema?: string; poolSize?: number } = {}): Database {
  if (isPostgresUrl(target)) {
    const pool = new pg.Pool({
      connectionString: target,
      max: opts.poolSize ?? 10,
      ...(opts.schema ? { options: `-c search_path=${opts.schema}` } : {}),
    });
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
    return {
      db,
      dialect: 'postgres',
      file: null,
      schema: opts.schema ?? null,
      sqlite: null,
      close: () => db.destroy(),
    };
  }
  const file = target === ':memory:' ? target : resolve(target);
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const handle = new SQLite(file);
  // Takes effect on a database that has no page yet (a new file), so it must come before WAL mode;
  // an existing database keeps its own size.
  handle.pragma(`page_size = ${SQLITE_PAGE_BYTES}`);
  handle.pragma('journal_mode = WAL');
  handle.pragma('foreign_keys = ON');
  handle.pragma('synchronous = FULL');
  handle.pragma('busy_timeout = 5000');
  handle.pragma('cache_size = -65536'); // 64 MiB of page cache: index inserts stay in memory
  handle.pragma('temp_store = MEMORY');
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: cachingStatements(handle) }) });
  const checkpointer = file === ':memory:' ? null : startCheckpointer(handle, file);
  const close = async () => {
    await checkpointer?.stop();
    await db.destroy();
    // Kysely closes the handle only if it ever used it.
    if (handle.open) handle.close();
  };
  return { db, dialect: 'sqlite', file, schema: null, sqlite: handle, close };
}

/** A SQLite file's page size and length in bytes. */
export interface FileShape {
  readonly pageBytes: number;
  readonly bytes: number;
}

/**
 * Rewrites a SQLite database file (VACUUM): free pages are given back, every table and index is
 * laid out afresh in order, and the file takes SQLITE_PAGE_BYTES, which a database made before
 * that size keeps otherwise (WAL mode cannot change it, so the rewrite runs in rollback-journal
 * mode and returns to WAL after). It needs the file to itself (no server running on it) and free
 * disk space of about its size. Throws STATE_INVALID when another connection has it open.
 */
export function compactSqliteFile(file: string): { before: FileShape; after: FileShape } {
  const handle = new SQLite(file, { fileMustExist: true });
  const shape = (): FileShape => {
    const pageBytes = handle.pragma('page_size', { simple: true }) as number;
    return { pageBytes, bytes: pageBytes * (handle.pragma('page_count', { simple: true }) as number) };
  };
  try {
    handle.pragma('busy_timeout = 0');
    // Held until closed: no other connection, in this process or another, can open it meanwhile.
    // Taking the lock fails while any other connection has the file open.
    handle.pragma('locking_mode = EXCLUSIVE');
    try {
      handle.exec('BEGIN EXCLUSIVE');
      handle.exec('COMMIT');
    } catch (e) {
      if ((e as { code?: string }).code?.startsWith('SQLITE_BUSY'))
        throw new DomainError(
          'STATE_INVALID',
          `${file} is in use (a server or another command has it open); stop it first`,
        );
      throw e;
    }
    const before = shape();
    handle.pragma('wal_checkpoint(TRUNCATE)');
    handle.pragma('journal_mode = DELETE');
    try {
      handle.pragma(`page_size = ${SQLITE_PAGE_BYTES}`);
      handle.exec('VACUUM');
    } finally {
      handle.pragma('journal_mode = WAL');
    }
    return { before, after: shape() };
  } finally {
    handle.close();
  }
}

/**
 * Kysely prepares every query anew; preparing is a large part of the cost of short queries and
 * multi-row inserts on SQLite. This keeps the most recent statements by SQL text. A statement that
 * is still being iterated (busy) is never handed out twice.
 */
function cachingStatements(handle: SQLite.Database): SQLite.Database {
  const cache = new Map<string, SQLite.Statement>();
  const prepare = (source: string): SQLite.Statement => {
    const hit = cache.get(source);
    if (hit && !hit.busy) return hit;
    const statement = handle.prepare(source);
    if (cache.size >= 256) cache.delete(cache.keys().next().value as string);
    cache.set(source, statement);
    return statement;
  };
  return new Proxy(handle, {
    get(target, prop, receiver) {
      if (prop === 'prepare') return prepare;
      const value = Reflect.get(target, prop, receiver) as unknown;
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

/** SQL that makes a table append-only. */
export function appendOnlyTriggerSql(dialect: DialectName, table: string): string[] {
  if (dialect === 'sqlite') {
    return ['UPDATE', 'DELETE'].map(
      (op) =>
        `CREATE TRIGGER ${table}_no_${op.toLowerCase()} BEFORE ${op} ON ${table} ` +
        `BEGIN SELECT RAISE(ABORT, 'append-only table ${table}: ${op} refused'); END`,
    );
  }
  return [
    `CREATE TRIGGER ${table}_append_only BEFORE UPDATE OR DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION whereabouts_append_only()`,
    `CREATE TRIGGER ${table}_no_truncate BEFORE TRUNCATE ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION whereabouts_append_only()`,
  ];
}

export const PG_APPEND_ONLY_FUNCTION = `CREATE OR REPLACE FUNCTION whereabouts_append_only() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'append-only table %: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'WA001';
END
$$ LANGUAGE plpgsql`;

/** True when a database error is the refusal of an append-only trigger. */
export function isAppendOnlyViolation(e: unknown): boolean {
  const err = e as { code?: string; message?: string };
  return err?.code === 'WA001' || /append-only table/.test(err?.message ?? '');
}

/** True when a database error is a unique-constraint violation. */
export function isUniqueViolation(e: unknown): boolean {
  const err = e as { code?: string; message?: string };
  return (
    err?.code === '23505' ||
    err?.code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    err?.code === 'SQLITE_CONSTRAINT_PRIMARYKEY'
  );
}

/**
 * Serialises audit appends across connections and servers. SQLite serialises writers already; on
 * PostgreSQL a transaction-scoped advisory lock guards the chain head.
 */
export async function lockAuditChain(trx: Transaction<DB>, dialect: DialectName): Promise<void> {
  if (dialect === 'postgres') await sql`SELECT pg_advisory_xact_lock(7244001)`.execute(trx);
}

/**
 * PostgreSQL plans a query from the statistics of its tables, which `ANALYZE` (or autovacuum, when
 * it runs) gathers. A table filled in bulk and never analysed is planned as if it were small: the
 * import's grouped key lookups then scan all 25 million rows of a million persons' key table, once
 * per 500 keys. Before a bulk read of `tables`, those never analysed, or changed by more than a
 * tenth since, are analysed (a sample: about a second for the key table of a million persons).
 * Run it outside the bulk write's transaction: ANALYZE holds a lock on the table until the
 * transaction ends, which would hold up another import's ANALYZE for as long.
 * SQLite: a no-op (its planner reads the indexes).
 */
export async function freshStatistics(
  db: Kysely<DB>,
  dialect: DialectName,
  tables: readonly (keyof DB & string)[],
): Promise<string[]> {
  if (dialect !== 'postgres') return [];
  const r = await sql<{ relname: string; reltuples: number; changed: string | null }>`
    SELECT c.relname, c.reltuples, s.n_mod_since_analyze::text AS changed
    FROM pg_class c LEFT JOIN pg_stat_user_tables s ON s.relid = c.oid
    WHERE c.oid = ANY (ARRAY[${sql.join(tables.map((t) => sql`to_regclass(${t})`))}]::oid[])`.execute(db);
  const stale = r.rows
    .filter(({ reltuples, changed }) => reltuples < 0 || Number(changed ?? 0) > 1000 + reltuples / 10)
    .map((t) => t.relname);
  for (const table of stale) await sql`ANALYZE ${sql.table(table)}`.execute(db);
  return stale;
}

/** Page cache for SQLite during bulk writes (imports, batch registration): index inserts stay in memory. */
const BULK_CACHE_KIB = 512 * 1024;

/**
 * Raises SQLite's page cache for a bulk write (to `kib` KiB, 512 MiB unless told); returns the
 * function that restores it. PostgreSQL: no-op.
 */
export function bulkWriteCache(database: Database, kib = BULK_CACHE_KIB): () => void {
  const handle = database.sqlite;
  if (!handle) return () => {};
  const before = handle.pragma('cache_size', { simple: true }) as number;
  handle.pragma(`cache_size = -${kib}`);
  return () => void handle.pragma(`cache_size = ${before}`);
}

/** Rows per multi-row INSERT on PostgreSQL (claims have 13 columns: well under its 65,535 parameters). */
const PG_INSERT_ROWS = 1000;

/**
 * Rows per INSERT on SQLite: a statement of many rows spares the per-statement cost of binding and
 * stepping (some 20 % of a claim row's insert); the rest of a batch goes in one row at a time.
 */
const SQLITE_INSERT_ROWS = 32;
/** SQLite's limit on a statement's parameters (SQLITE_MAX_VARIABLE_NUMBER since 3.32). */
const SQLITE_MAX_PARAMS = 32766;

/** Statements of bulk inserts per SQLite connection, by SQL text. */
const insertStatements = new WeakMap<SQLite.Database, Map<string, SQLite.Statement>>();

/**
 * Inserts many rows of one table inside the running transaction `trx` (of `database`). Every row
 * carries every column of the first row, in any order. On SQLite prepared statements of
 * SQLITE_INSERT_ROWS rows (the rest one by one) run on the connection (the transaction's own:
 * SQLite has one), which costs a fraction of building them with the query builder; on
 * PostgreSQL multi-row inserts of PG_INSERT_ROWS rows. `ignoreDuplicates` skips rows that would
 * break a unique key.
 */
export async function insertRows<T extends keyof DB & string>(
  database: Database,
  trx: Transaction<DB>,
  table: T,
  rows: readonly DB[T][],
  opts: { ignoreDuplicates?: boolean } = {},
): Promise<void> {
  await insertRowsInto(database, trx, table, rows, opts);
}

/**
 * `insertRows` for a table the schema's types do not know: a temporary table of one transaction
 * (an import's staged keys). The name is written as given; SQLite and PostgreSQL find temporary
 * tables first.
 */
export async function insertRowsInto(
  database: Database,
  trx: Transaction<DB>,
  table: string,
  rows: readonly object[],
  opts: { ignoreDuplicates?: boolean } = {},
): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]!);
  const handle = database.sqlite;
  if (!handle) {
    for (let i = 0; i < rows.length; i += PG_INSERT_ROWS) {
      const q = trx.insertInto(table as never).values(rows.slice(i, i + PG_INSERT_ROWS) as never);
      await (opts.ignoreDuplicates ? q.onConflict((oc) => oc.doNothing()) : q).execute();
    }
    return;
  }
  const statementOf = (count: number) => {
    const tuple = `(${columns.map(() => '?').join(', ')})`;
    const text =
      `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES ` +
      Array.from({ length: count }, () => tuple).join(', ') +
      (opts.ignoreDuplicates ? ' ON CONFLICT DO NOTHING' : '');
    let cache = insertStatements.get(handle);
    if (!cache) insertStatements.set(handle, (cache = new Map()));
    let statement = cache.get(text);
    if (!statement) cache.set(text, (statement = handle.prepare(text)));
    return statement;
  };
  const rowsPerStatement = Math.max(
    1,
    Math.min(SQLITE_INSERT_ROWS, Math.floor(SQLITE_MAX_PARAMS / columns.length)),
  );
  const all = rows as readonly Record<string, unknown>[];
  let at = 0;
  for (const per of all.length >= rowsPerStatement ? [rowsPerStatement, 1] : [1]) {
    const statement = statementOf(per);
    const values: unknown[] = new Array(per * columns.length);
    for (; at + per <= all.length; at += per) {
      let v = 0;
      for (let r = at; r < at + per; r++) {
        const row = all[r]!;
        for (let c = 0; c < columns.length; c++) values[v++] = row[columns[c]!] ?? null;
      }
      statement.run(values);
    }
  }
}
