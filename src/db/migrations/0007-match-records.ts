/**
 * Each unmerged person's match records, kept with its blocking keys: what the engine scores a
 * candidate by (the best value of each field, and each other spelling of a name or birth date),
 * stored so that scoring candidates reads one row per person instead of their claims.
 * Derived data: rebuilt from claims whenever a person's keys are, and absent rows are computed
 * from claims on read.
 */
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('match_records')
    .addColumn('person_id', 'text', (c) => c.primaryKey().references('persons.id'))
    .addColumn('records', 'text', (c) => c.notNull()) // JSON: [{ fields, age_as_of? }, ...]
    .execute();
}
