/**
 * The key rows by person move to a table of their own, `person_keys`, a copy of `blocking_keys`
 * ordered by (person_id, key), in place of the (person_id, key) index of migration 0008.
 *
 * A bulk write inserts its key rows in key order, so that each page of the key table is touched
 * once; but every row also went into the person index, where rows in key order land at random
 * among the new persons' entries. At a million new persons those entries outgrow any page cache,
 * and the person index cost more than the key table itself. With two tables, each is written in its
 * own order: new persons' ids are time-ordered, so their rows are appended to `person_keys`.
 * Readers by person (search's per-person checks, re-indexing, merges) read `person_keys`; readers
 * by key read `blocking_keys`. src/app/key-rows.ts keeps the two the same.
 */
import { sql, type Kysely } from 'kysely';
import type { DialectName } from '../dialects/dialect.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export async function up(db: AnyDb, dialect: DialectName): Promise<void> {
  if (dialect === 'postgres')
    await sql`
      CREATE TABLE person_keys (
        person_id text NOT NULL,
        key text COLLATE "C" NOT NULL,
        CONSTRAINT person_keys_pk PRIMARY KEY (person_id, key)
      )
    `.execute(db);
  else
    await sql`
      CREATE TABLE person_keys (
        person_id text NOT NULL,
        key text NOT NULL,
        CONSTRAINT person_keys_pk PRIMARY KEY (person_id, key)
      ) WITHOUT ROWID
    `.execute(db);
  await sql`
    INSERT INTO person_keys (person_id, key)
    SELECT person_id, key FROM blocking_keys ORDER BY person_id, key
  `.execute(db);
  await db.schema.dropIndex('blocking_keys_person_key').execute();
}
