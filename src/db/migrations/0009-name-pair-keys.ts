/**
 * Name pair keys for search as you type: for each two different name keys of a person, `k:` +
 * the first three letters of one, `|`, the other (see nameTokenKeyer in src/app/indexing.ts).
 * Persons registered before them get theirs here, from the `k:` keys they already have; writes
 * from now on store them with the other keys.
 */
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

/** Keys of one name (`k:` and a name key): no pair keys, which hold a "|". */
const NAME_KEY = sql`substr(key, 1, 2) = 'k:' AND key NOT LIKE '%|%'`;

// "WHERE true": SQLite reads ON CONFLICT after a join's ON only when the SELECT has a WHERE.
export async function up(db: AnyDb): Promise<void> {
  await sql`
    INSERT INTO blocking_keys (person_id, key)
    SELECT DISTINCT a.person_id, 'k:' || substr(a.key, 3, 3) || '|' || substr(b.key, 3)
    FROM (SELECT person_id, key FROM blocking_keys WHERE ${NAME_KEY} AND length(key) >= 5) a
    JOIN (SELECT person_id, key FROM blocking_keys WHERE ${NAME_KEY}) b
      ON b.person_id = a.person_id AND b.key <> a.key
    WHERE true
    ON CONFLICT DO NOTHING
  `.execute(db);
}
