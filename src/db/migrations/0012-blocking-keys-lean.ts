/**
 * The key table, leaner. It holds about 25 rows per person, and inserting them was the largest
 * single cost of registering persons in bulk and of imports:
 * - no foreign key to persons: the rows are derived, written only beside the person they index,
 *   and checking the key on every row read the persons index 25 times per person;
 * - on SQLite, WITHOUT ROWID: the rows live in their (key, person_id) index instead of a table
 *   and a copy of them in that index (about a third less space, one b-tree less per insert).
 * The (person_id, key) index of migration 0008 stays.
 */
import { sql, type Kysely } from 'kysely';
import type { DialectName } from '../dialects/dialect.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export async function up(db: AnyDb, dialect: DialectName): Promise<void> {
  if (dialect === 'postgres') {
    await sql`ALTER TABLE blocking_keys DROP CONSTRAINT IF EXISTS blocking_keys_person_id_fkey`.execute(db);
    return;
  }
  await sql`
    CREATE TABLE blocking_keys_lean (
      person_id text NOT NULL,
      key text NOT NULL,
      CONSTRAINT blocking_keys_pk PRIMARY KEY (key, person_id)
    ) WITHOUT ROWID
  `.execute(db);
  await sql`
    INSERT INTO blocking_keys_lean (person_id, key)
    SELECT person_id, key FROM blocking_keys ORDER BY key, person_id
  `.execute(db);
  await sql`DROP TABLE blocking_keys`.execute(db);
  await sql`ALTER TABLE blocking_keys_lean RENAME TO blocking_keys`.execute(db);
  await db.schema
    .createIndex('blocking_keys_person_key')
    .on('blocking_keys')
    .columns(['person_id', 'key'])
    .execute();
}
