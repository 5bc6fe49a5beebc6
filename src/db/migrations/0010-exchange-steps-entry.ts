/**
 * Exchange entry steps by entry: reading a list reads its entries' step histories, which without
 * this index scanned every step of every list.
 */
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createIndex('exchange_entry_steps_entry')
    .on('exchange_entry_steps')
    .columns(['entry_id', 'recorded_at'])
    .execute();
}
