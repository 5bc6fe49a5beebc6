/**
 * The blocking-key rows of one import, staged in a temporary table and written to the key tables
 * once when the import ends: to `blocking_keys` in key order and to `person_keys` in person order
 * (src/app/key-rows.ts).
 *
 * The key table is ordered by key, and an import's rows carry keys from all over it: written
 * chunk by chunk, every chunk's key rows land on pages all over the table, and once it outgrows
 * the page cache (a registry of a million persons holds some 25 million key rows) each chunk
 * reads and rewrites pages all over it. Staged, the rows go to a temporary table that is never
 * logged and reach the key table in one ordered pass (8 % less CPU for an import into a million
 * persons; docs/benchmarks.md). Until then the import's own lookups are answered from memory
 * (CandidateFinder), where a row still finds the persons that earlier chunks created.
 */
import { sql } from 'kysely';
import { insertRowsInto, type Database } from '../../db/dialects/dialect.js';
import type { Unit } from '../context.js';
import { seqsOfPersons } from '../../db/repositories/person-repository.js';
import { DomainError } from '../../domain/errors.js';
import { writeStagedKeyRows } from '../key-rows.js';
import { listPerson, noneListed, type ListedPersons, type PersonKeys } from './candidate-finder.js';

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

/** Page cache of the staging table on SQLite: rows are only appended to it, then read once in order. */
const STAGING_CACHE_KIB = 32 * 1024;

/**
 * The key rows an import gives persons, and the persons it gives them, in order. Rows are staged
 * in a temporary table and reach the key table when the import commits. The persons are listed
 * for the import's CandidateFinder (`takeListed`), wherever candidates are counted: a person the
 * import creates or gives facts is a candidate for the rows after it. Persons are known by their
 * seqs (migration 0014), which the key table holds, so that candidates are counted in arrays and
 * no id is read until a candidate's records are.
 */
export class StagedKeys {
  /** Persons listed since the last `takeListed`. */
  private listed = noneListed();

  private constructor(private readonly u: Unit) {}

  /**
   * Creates the staging table inside the import's transaction (a rollback removes it). It has no
   * index: lookups are answered from memory, and the commit sorts the rows once.
   */
  static async open(u: Unit): Promise<StagedKeys> {
    if (u.database.dialect === 'sqlite') {
      await sql`DROP TABLE IF EXISTS temp.import_keys`.execute(u.trx);
      await sql`CREATE TEMP TABLE import_keys (person_seq INTEGER NOT NULL, keys TEXT NOT NULL)`.execute(
        u.trx,
      );
    } else {
      await sql`DROP TABLE IF EXISTS pg_temp.import_keys`.execute(u.trx);
      await sql`CREATE TEMP TABLE import_keys (person_seq integer NOT NULL, keys text NOT NULL) ON COMMIT DROP`.execute(
        u.trx,
      );
    }
    return new StagedKeys(u);
  }

  /**
   * Lists persons the import gives keys (seqs not given are read from `persons`), in the order
   * given; returns them with their seqs. Every person whose facts the import writes is listed,
   * before or after the writes.
   */
  async list(items: readonly StagedPerson[]): Promise<SeqKeys[]> {
    const known = await this.withSeqs(items);
    for (const { seq, keys } of known) listPerson(this.listed, seq, keys);
    return known;
  }

  /** The persons listed since the last call, in order. */
  takeListed(): ListedPersons {
    const out = this.listed;
    this.listed = noneListed();
    return out;
  }

  /**
   * Stages the key rows of persons. A person's keys are staged as one row (a JSON array), which
   * the commit unfolds: a million persons have some 25 million key rows, and a statement per row
   * cost more than the rest of staging.
   */
  async stage(items: readonly SeqKeys[]): Promise<void> {
    const rows: { person_seq: number; keys: string }[] = [];
    for (const { seq, keys } of items) {
      const text = 'row' in keys ? keys.text : JSON.stringify(keys);
      if (text !== '[]') rows.push({ person_seq: seq, keys: text });
    }
    await insertRowsInto(this.u.database, this.u.trx, 'import_keys', rows);
  }

  private async withSeqs(items: readonly StagedPerson[]): Promise<SeqKeys[]> {
    const missing = items.filter((x) => x.seq === undefined).map((x) => x.personId);
    const seqs = missing.length ? await seqsOfPersons(this.u.trx, missing) : new Map<string, number>();
    const out: SeqKeys[] = [];
    for (const { personId, seq, keys } of items) {
      const s = seq ?? seqs.get(personId);
      if (s === undefined)
        throw new DomainError('INTERNAL', `keys staged for person ${personId}, which is not stored`);
      out.push({ seq: s, keys });
    }
    return out;
  }

  /**
   * The staged (key, person) rows under any of `keys`, each once: one pass over the staging table,
   * each staged key looked up in the given ones.
   */
  async under(keys: readonly string[]): Promise<{ key: string; person_id: string }[]> {
    if (keys.length === 0) return [];
    const r =
      this.u.database.dialect === 'postgres'
        ? await sql<{ key: string; person_id: string }>`SELECT DISTINCT j.key, p.id AS person_id
            FROM import_keys s CROSS JOIN LATERAL json_array_elements_text(s.keys::json) AS j(key)
            JOIN persons p ON p.seq = s.person_seq
            WHERE j.key = ANY(${[...keys]}::text[])`.execute(this.u.trx)
        : await sql<{ key: string; person_id: string }>`SELECT DISTINCT j.value AS key, p.id AS person_id
            FROM temp.import_keys s, json_each(s.keys) j, persons p
            WHERE j.value IN (SELECT value FROM json_each(${JSON.stringify(keys)})) AND p.seq = s.person_seq`.execute(
            this.u.trx,
          );
    return r.rows;
  }

  /** Writes the staged rows to the key tables (see writeStagedKeyRows) and drops the staging table. */
  async commit(): Promise<void> {
    await writeStagedKeyRows(this.u.database, this.u.trx, 'import_keys');
    await this.drop();
  }

  /** Drops the staging table without writing it (a dry run). */
  async drop(): Promise<void> {
    if (this.u.database.dialect === 'sqlite') await sql`DROP TABLE temp.import_keys`.execute(this.u.trx);
    else await sql`DROP TABLE import_keys`.execute(this.u.trx);
  }
}

/** A person whose keys are staged or listed: its seq when known, else read by id. */
export interface StagedPerson {
  readonly personId: string;
  readonly seq?: number;
  readonly keys: PersonKeys;
}

/** A person's seq and keys. */
export interface SeqKeys {
  readonly seq: number;
  readonly keys: PersonKeys;
}
