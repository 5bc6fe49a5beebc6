/**
 * The blocking-key rows of one import, staged in a temporary table and written to the key table
 * once, in key order, when the import ends.
 *
 * The key table is ordered by key, and an import's rows carry keys from all over it: written
 * chunk by chunk, every chunk's key rows land on pages all over the table, and once it outgrows
 * the page cache (a registry of a million persons holds some 25 million key rows) each chunk
 * reads and rewrites pages all over it. Staged, the rows go to a temporary table that is never
 * logged and reach the key table in one ordered pass (8 % less CPU for an import into a million
 * persons; docs/benchmarks.md). Until then the import's own lookups read both (`blocks`), so a row
 * still finds the persons that earlier chunks created.
 */
import { sql } from 'kysely';
import { insertRowsInto, type Database } from '../../db/dialects/dialect.js';
import type { Unit } from '../context.js';

/**
 * On SQLite, temporary tables live in memory by default (the connection's `temp_store`), where a
 * million-row import's staged keys would take more than a gigabyte. For an import they go to a
 * temporary file with a page cache of their own; returns the function that restores the
 * setting. PostgreSQL: a no-op (temporary tables spill by themselves).
 */
export function stagingStorage(database: Database): () => void {
  const handle = database.sqlite;
  // SQLite refuses to change temp_store inside a transaction, and another request's may be open on
  // the connection: then the staging table stays in memory, or (restoring) the temporary file
  // setting stays, which is only slower for large sorts.
  if (!handle || handle.inTransaction) return () => {};
  const store = handle.pragma('temp_store', { simple: true }) as number;
  handle.pragma('temp_store = FILE');
  handle.pragma(`temp.cache_size = -${STAGING_CACHE_KIB}`);
  return () => {
    if (!handle.inTransaction) handle.pragma(`temp_store = ${store}`);
  };
}

/** Page cache of the staging table on SQLite. */
const STAGING_CACHE_KIB = 256 * 1024;

export class StagedKeys {
  private constructor(private readonly u: Unit) {}

  /** Creates the staging table inside the import's transaction (a rollback removes it). */
  static async open(u: Unit): Promise<StagedKeys> {
    if (u.database.dialect === 'sqlite') {
      await sql`DROP TABLE IF EXISTS temp.import_keys`.execute(u.trx);
      await sql`CREATE TEMP TABLE import_keys (key TEXT NOT NULL, person_id TEXT NOT NULL,
        PRIMARY KEY (key, person_id)) WITHOUT ROWID`.execute(u.trx);
    } else {
      await sql`DROP TABLE IF EXISTS pg_temp.import_keys`.execute(u.trx);
      await sql`CREATE TEMP TABLE import_keys (key TEXT COLLATE "C" NOT NULL, person_id TEXT NOT NULL,
        PRIMARY KEY (key, person_id)) ON COMMIT DROP`.execute(u.trx);
    }
    return new StagedKeys(u);
  }

  /** Stages key rows (best in key order); a row already staged is skipped. */
  async add(rows: readonly { readonly person_id: string; readonly key: string }[]): Promise<void> {
    await insertRowsInto(this.u.database, this.u.trx, 'import_keys', rows, { ignoreDuplicates: true });
  }

  /**
   * For each of `keys` found in the key table or among the staged rows: its distinct persons, or
   * null when there are more than `cap`. Two grouped reads, one per table, each in its key order.
   */
  async blocks(keys: readonly string[], cap: number): Promise<Map<string, string[] | null>> {
    const out = new Map<string, string[] | null>();
    if (keys.length === 0) return out;
    const list =
      this.u.database.dialect === 'postgres'
        ? sql`string_agg(person_id, ',')`
        : sql`group_concat(person_id, ',')`;
    const inList = sql.join(keys.map((k) => sql`${k}`));
    for (const table of [sql`blocking_keys`, sql`import_keys`]) {
      const r = await sql<{ key: string; persons: string | null }>`SELECT key,
          CASE WHEN count(*) <= ${sql.lit(cap)} THEN ${list} END AS persons
        FROM ${table} WHERE key IN (${inList}) GROUP BY key`.execute(this.u.trx);
      for (const { key, persons } of r.rows) {
        const ids = persons === null ? null : persons.split(',');
        if (!out.has(key)) {
          out.set(key, ids);
          continue;
        }
        // In both tables: a person linked by this import has its new keys staged beside its old ones.
        const known = out.get(key)!;
        const merged = known === null || ids === null ? null : [...new Set([...known, ...ids])];
        out.set(key, merged !== null && merged.length <= cap ? merged : null);
      }
    }
    return out;
  }

  /** Writes the staged rows to the key table in key order (rows it has already are skipped) and drops the table. */
  async commit(): Promise<void> {
    await sql`INSERT INTO blocking_keys (key, person_id)
      SELECT key, person_id FROM import_keys WHERE true ORDER BY key, person_id
      ON CONFLICT DO NOTHING`.execute(this.u.trx);
    await this.drop();
  }

  /** Drops the staging table without writing it (a dry run). */
  async drop(): Promise<void> {
    if (this.u.database.dialect === 'sqlite') await sql`DROP TABLE temp.import_keys`.execute(this.u.trx);
    else await sql`DROP TABLE import_keys`.execute(this.u.trx);
  }
}
