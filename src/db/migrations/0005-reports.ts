/** Reports (news and official statements) with their extraction, and the leads they give the registry. */
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('reports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('source_id', 'text', (c) => c.notNull().references('sources.id'))
    .addColumn('title', 'text')
    .addColumn('published', 'text')
    .addColumn('publisher', 'text')
    .addColumn('language', 'text')
    .addColumn('url', 'text')
    .addColumn('content_sha256', 'text', (c) => c.notNull())
    .addColumn('extraction', 'text', (c) => c.notNull()) // JSON
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('reports_published').on('reports').column('published').execute();
  await db.schema.createIndex('reports_content').on('reports').column('content_sha256').execute();

  await db.schema
    .createTable('report_leads')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('report_id', 'text', (c) => c.notNull().references('reports.id'))
    .addColumn('mention_index', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('candidates', 'text', (c) => c.notNull()) // JSON: registry persons it may be
    .addColumn('status', 'text', (c) => c.notNull()) // open | accepted | dismissed
    .addColumn('person_id', 'text', (c) => c.references('persons.id'))
    .addColumn('decided_at', 'text')
    .addColumn('decided_by', 'text')
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('report_leads_report')
    .on('report_leads')
    .columns(['report_id', 'mention_index'])
    .execute();
  await db.schema.createIndex('report_leads_status').on('report_leads').column('status').execute();
}
