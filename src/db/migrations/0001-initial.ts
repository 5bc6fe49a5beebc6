/** The initial schema, written once with Kysely's schema builder and run on both dialects. */
import { sql, type Kysely } from 'kysely';
import { appendOnlyTriggerSql, PG_APPEND_ONLY_FUNCTION, type DialectName } from '../dialects/dialect.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export async function up(db: AnyDb, dialect: DialectName): Promise<void> {
  await db.schema
    .createTable('users')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('username', 'text', (c) => c.notNull().unique())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('disabled', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();

  await db.schema
    .createTable('sessions')
    .addColumn('id_hash', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('csrf_token', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('api_tokens')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text')
    .addColumn('revoked_at', 'text')
    .execute();

  await db.schema
    .createTable('setup_tokens')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .execute();

  await db.schema
    .createTable('sources')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('publisher', 'text')
    .addColumn('published', 'text')
    .addColumn('language', 'text')
    .addColumn('reliability', 'text', (c) => c.notNull())
    .addColumn('url', 'text')
    .addColumn('notes', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();

  await db.schema
    .createTable('places')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('parent_id', 'text', (c) => c.references('places.id'))
    .addColumn('variants', 'text', (c) => c.notNull())
    .addColumn('latitude', 'real')
    .addColumn('longitude', 'real')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .createTable('place_names')
    .addColumn('place_id', 'text', (c) => c.notNull().references('places.id'))
    .addColumn('folded', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('place_names_pk', ['folded', 'place_id'])
    .execute();

  await db.schema
    .createTable('persons')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('merged_into', 'text', (c) => c.references('persons.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('persons_merged_into').on('persons').column('merged_into').execute();
  await db.schema.createIndex('persons_updated_at').on('persons').column('updated_at').execute();

  await db.schema
    .createTable('import_batches')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('source_id', 'text', (c) => c.notNull().references('sources.id'))
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('file_sha256', 'text', (c) => c.notNull())
    .addColumn('mapping', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('counts', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('claims')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('person_id', 'text', (c) => c.notNull().references('persons.id'))
    .addColumn('field', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('confidence', 'text', (c) => c.notNull())
    .addColumn('sensitivity', 'text', (c) => c.notNull())
    .addColumn('source_id', 'text', (c) => c.notNull().references('sources.id'))
    .addColumn('batch_id', 'text', (c) => c.references('import_batches.id'))
    .addColumn('asserted_at', 'text')
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'text', (c) => c.notNull())
    .addColumn('supersedes', 'text', (c) => c.references('claims.id'))
    .addColumn('reason', 'text')
    .addColumn('row_ref', 'text')
    .execute();
  await db.schema.createIndex('claims_person').on('claims').column('person_id').execute();
  await db.schema.createIndex('claims_source_row').on('claims').columns(['source_id', 'row_ref']).execute();
  await db.schema.createIndex('claims_supersedes').on('claims').column('supersedes').execute();

  await db.schema
    .createTable('claim_retractions')
    .addColumn('claim_id', 'text', (c) => c.primaryKey().references('claims.id'))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('status_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('person_id', 'text', (c) => c.notNull().references('persons.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('date', 'text')
    .addColumn('date_from', 'text')
    .addColumn('date_to', 'text')
    .addColumn('place_id', 'text', (c) => c.references('places.id'))
    .addColumn('place_text', 'text')
    .addColumn('from_place_id', 'text', (c) => c.references('places.id'))
    .addColumn('severity', 'text')
    .addColumn('details', 'text')
    .addColumn('confidence', 'text', (c) => c.notNull())
    .addColumn('source_id', 'text', (c) => c.notNull().references('sources.id'))
    .addColumn('batch_id', 'text', (c) => c.references('import_batches.id'))
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'text', (c) => c.notNull())
    .addColumn('row_ref', 'text')
    .execute();
  await db.schema.createIndex('status_events_person').on('status_events').column('person_id').execute();
  await db.schema
    .createIndex('status_events_source_row')
    .on('status_events')
    .columns(['source_id', 'row_ref'])
    .execute();

  await db.schema
    .createTable('event_retractions')
    .addColumn('event_id', 'text', (c) => c.primaryKey().references('status_events.id'))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('merges')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('survivor_id', 'text', (c) => c.notNull().references('persons.id'))
    .addColumn('merged_id', 'text', (c) => c.notNull().references('persons.id'))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('model_version', 'text')
    .addColumn('evidence', 'text')
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('merges_survivor').on('merges').column('survivor_id').execute();
  await db.schema.createIndex('merges_merged').on('merges').column('merged_id').execute();

  await db.schema
    .createTable('merge_undos')
    .addColumn('merge_id', 'text', (c) => c.primaryKey().references('merges.id'))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('audit_log')
    .addColumn('seq', 'integer', (c) => c.primaryKey())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('subject_type', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text')
    .addColumn('details', 'text', (c) => c.notNull())
    .addColumn('prev_hash', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('audit_log_subject')
    .on('audit_log')
    .columns(['subject_type', 'subject_id'])
    .execute();

  await db.schema
    .createTable('blocking_keys')
    .addColumn('person_id', 'text', (c) => c.notNull().references('persons.id'))
    .addColumn('key', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('blocking_keys_pk', ['key', 'person_id'])
    .execute();
  await db.schema.createIndex('blocking_keys_person').on('blocking_keys').column('person_id').execute();

  await db.schema
    .createTable('person_status')
    .addColumn('person_id', 'text', (c) => c.primaryKey().references('persons.id'))
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('place_id', 'text')
    .addColumn('since_from', 'text')
    .addColumn('wounded', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .createIndex('person_status_state')
    .on('person_status')
    .columns(['state', 'place_id'])
    .execute();

  if (dialect === 'postgres') await sql.raw(PG_APPEND_ONLY_FUNCTION).execute(db);
  // A migration never changes once released, so it names its own tables rather than a shared list.
  const appendOnly = [
    'claims',
    'claim_retractions',
    'status_events',
    'event_retractions',
    'merges',
    'merge_undos',
    'audit_log',
  ];
  for (const table of appendOnly)
    for (const statement of appendOnlyTriggerSql(dialect, table)) await sql.raw(statement).execute(db);
}
