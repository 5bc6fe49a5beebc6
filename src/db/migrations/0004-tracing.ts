/** Enquiries with their recorded steps and matching keys; exchange and release lists with entries. */
import { sql, type Kysely } from 'kysely';
import { appendOnlyTriggerSql, type DialectName } from '../dialects/dialect.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export async function up(db: AnyDb, dialect: DialectName): Promise<void> {
  await db.schema
    .createTable('enquiries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text')
    .addColumn('enquirer', 'text', (c) => c.notNull()) // JSON, restricted
    .addColumn('consent', 'text', (c) => c.notNull()) // JSON
    .addColumn('sought', 'text', (c) => c.notNull()) // JSON
    .addColumn('circumstances', 'text', (c) => c.notNull()) // JSON
    .addColumn('person_id', 'text', (c) => c.references('persons.id'))
    .addColumn('new_candidates', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('enquiries_status').on('enquiries').columns(['status', 'updated_at']).execute();

  await db.schema
    .createTable('enquiry_steps')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('enquiry_id', 'text', (c) => c.notNull().references('enquiries.id'))
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text')
    .addColumn('note', 'text')
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('enquiry_steps_enquiry').on('enquiry_steps').column('enquiry_id').execute();

  await db.schema
    .createTable('enquiry_keys')
    .addColumn('enquiry_id', 'text', (c) => c.notNull().references('enquiries.id'))
    .addColumn('key', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('enquiry_keys_pk', ['key', 'enquiry_id'])
    .execute();

  await db.schema
    .createTable('exchange_lists')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('counterpart', 'text')
    .addColumn('notes', 'text')
    .addColumn('source_id', 'text', (c) => c.notNull().references('sources.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('exchange_entries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('list_id', 'text', (c) => c.notNull().references('exchange_lists.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('person_id', 'text', (c) => c.references('persons.id'))
    .addColumn('submitted', 'text') // JSON: the entry as the list wrote it
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('verification', 'text') // JSON
    .addColumn('event_id', 'text')
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('exchange_entries_list')
    .on('exchange_entries')
    .columns(['list_id', 'position'])
    .execute();

  await db.schema
    .createTable('exchange_entry_steps')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('entry_id', 'text', (c) => c.notNull().references('exchange_entries.id'))
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'text', (c) => c.notNull())
    .execute();

  for (const table of ['enquiry_steps', 'exchange_entry_steps'])
    for (const statement of appendOnlyTriggerSql(dialect, table)) await sql.raw(statement).execute(db);
}
