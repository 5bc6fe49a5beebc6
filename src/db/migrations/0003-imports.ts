/**
 * Imports: named mapping presets, the rows each source has delivered (for idempotent re-imports),
 * and the batch report.
 */
import type { Kysely } from 'kysely';
import type { DialectName } from '../dialects/dialect.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export async function up(db: AnyDb, _dialect: DialectName): Promise<void> {
  await db.schema
    .createTable('import_presets')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('mapping', 'text', (c) => c.notNull()) // JSON: column -> field
    .addColumn('options', 'text', (c) => c.notNull()) // JSON: format, date order, ...
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();

  // Derived: the last content seen per source row, so a re-import recognises unchanged rows in one
  // indexed lookup. Updated in the import's own transaction.
  await db.schema
    .createTable('import_rows')
    .addColumn('source_id', 'text', (c) => c.notNull().references('sources.id'))
    .addColumn('row_ref', 'text', (c) => c.notNull())
    .addColumn('content_hash', 'text', (c) => c.notNull())
    .addColumn('person_id', 'text', (c) => c.notNull().references('persons.id'))
    .addColumn('batch_id', 'text', (c) => c.notNull().references('import_batches.id'))
    .addPrimaryKeyConstraint('import_rows_pk', ['source_id', 'row_ref'])
    .execute();
  await db.schema.createIndex('import_rows_person').on('import_rows').column('person_id').execute();

  await db.schema.alterTable('import_batches').addColumn('report', 'text').execute();
  await db.schema.alterTable('import_batches').addColumn('finished_at', 'text').execute();
}
