/**
 * Blocking keys indexed by person and key together. Search as you type reads the persons under
 * the rarest typed prefix and checks each for the other prefixes ("has this person a key starting
 * with k:kova?"): with (person_id, key) that check is one seek in the index, where the index on
 * person_id alone read every key row of the person from the table. It replaces that index, which
 * every lookup by person (re-indexing, merges) can use in its new form.
 */
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createIndex('blocking_keys_person_key')
    .on('blocking_keys')
    .columns(['person_id', 'key'])
    .execute();
  await db.schema.dropIndex('blocking_keys_person').execute();
}
