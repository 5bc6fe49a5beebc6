/** Matching models kept in the registry: every trained version, and which one is active. */
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('match_models')
    .addColumn('version', 'text', (c) => c.primaryKey())
    .addColumn('json', 'text', (c) => c.notNull()) // the model document
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('how', 'text', (c) => c.notNull()) // default | em | decisions
    .addColumn('metrics', 'text', (c) => c.notNull()) // JSON
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  // At most one active model: a partial unique index, which both dialects support.
  await db.schema
    .createIndex('match_models_one_active')
    .on('match_models')
    .column('active')
    .unique()
    .where('active', '=', 1)
    .execute();
}
