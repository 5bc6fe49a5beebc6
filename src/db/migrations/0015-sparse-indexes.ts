/**
 * The index of `claims.supersedes` holds only the claims that supersede another.
 *
 * `supersedes` names the claim a claim replaces: null in nearly every row. A full index still took
 * an entry for every claim written, and an import writes millions (five claims a new person), each
 * entry a B-tree insert of its own, some 15 % of the cost of a claim row in a registry of a
 * million persons (docs/benchmarks.md). Every reader asks for a value (`supersedes = ?`,
 * `supersedes IN (...)`), which implies it is not null, so SQLite and PostgreSQL both use the
 * partial index for them. Claims are never deleted (append-only), so no foreign-key check
 * looks for the claims that supersede a deleted one.
 */
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema.dropIndex('claims_supersedes').execute();
  await sql`CREATE INDEX claims_supersedes ON claims (supersedes) WHERE supersedes IS NOT NULL`.execute(db);
}
