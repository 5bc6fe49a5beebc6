/**
 * Blocking keys compare byte by byte on PostgreSQL too. Search reads prefix ranges
 * (`key >= 'k:kova' AND key < 'k:kova' || U+FFFF`), which hold only in code-point order; a database
 * created with a language collation (en_US.UTF-8, uk_UA.UTF-8) orders punctuation and letters
 * otherwise. SQLite compares bytes already.
 */
import { sql, type Kysely } from 'kysely';
import type { DialectName } from '../dialects/dialect.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export async function up(db: AnyDb, dialect: DialectName): Promise<void> {
  if (dialect !== 'postgres') return;
  await sql`ALTER TABLE blocking_keys ALTER COLUMN key TYPE text COLLATE "C"`.execute(db);
}
