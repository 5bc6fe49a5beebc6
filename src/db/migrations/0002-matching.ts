/** Match candidates (the review queue) and the officers' decisions on them. */
import { sql, type Kysely } from 'kysely';
import { appendOnlyTriggerSql, type DialectName } from '../dialects/dialect.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export async function up(db: AnyDb, dialect: DialectName): Promise<void> {
  await db.schema
    .createTable('match_candidates')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull()) // person_person | enquiry_person | mention_person
    .addColumn('left_id', 'text', (c) => c.notNull())
    .addColumn('right_id', 'text', (c) => c.notNull())
    .addColumn('probability', 'real', (c) => c.notNull())
    .addColumn('weight', 'real', (c) => c.notNull())
    .addColumn('explanation', 'text', (c) => c.notNull()) // JSON
    .addColumn('model_version', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull()) // open | accepted | rejected | unsure | stale
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('match_candidates_pair', ['kind', 'left_id', 'right_id'])
    .execute();
  await db.schema
    .createIndex('match_candidates_queue')
    .on('match_candidates')
    .columns(['status', 'kind', 'probability'])
    .execute();
  await db.schema
    .createIndex('match_candidates_right')
    .on('match_candidates')
    .columns(['right_id'])
    .execute();

  await db.schema
    .createTable('match_decisions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('candidate_id', 'text', (c) => c.notNull().references('match_candidates.id'))
    .addColumn('decision', 'text', (c) => c.notNull()) // accepted | rejected | unsure
    .addColumn('reason', 'text')
    .addColumn('model_version', 'text', (c) => c.notNull())
    .addColumn('probability', 'real', (c) => c.notNull())
    .addColumn('explanation', 'text', (c) => c.notNull()) // the comparison vector that supported it
    .addColumn('merge_id', 'text')
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('match_decisions_candidate')
    .on('match_decisions')
    .column('candidate_id')
    .execute();
  for (const statement of appendOnlyTriggerSql(dialect, 'match_decisions'))
    await sql.raw(statement).execute(db);
}
