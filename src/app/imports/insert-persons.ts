/**
 * Bulk writes of an import: new persons with the blocking keys already computed while matching
 * (computing them costs more than the insert), and the derived rows of persons that gained facts.
 */
import {
  asId,
  currentStatus,
  partialDateRange,
  type Actor,
  type Claim,
  type PersonId,
  type StatusEvent,
} from '../../domain/index.js';
import type { DB } from '../../db/schema.js';
import { rowToEvent } from '../../db/repositories/person-repository.js';
import type { AppContext, Unit } from '../context.js';
import { insertFacts, makeClaims, makeEvents, type Provenance } from '../persons.js';
import type { PreparedRow } from './types.js';
import type { MatchRecord } from '../../matching/index.js';
import { dropMatchRecords, storeMatchRecords } from '../match-records.js';
import { keyRows } from '../indexing.js';
import { insertRows } from '../../db/dialects/dialect.js';

const SLICE = 500;

function statusRow(
  id: string,
  events: readonly StatusEvent[],
  retracted?: ReadonlySet<string>,
): DB['person_status'] {
  const s = currentStatus(events, retracted);
  return {
    person_id: id,
    state: s.state,
    place_id: s.placeId,
    since_from: s.since ? partialDateRange(s.since).from : null,
    wounded: s.wounded ? 1 : 0,
  };
}

/** Inserts one new person per row with its facts, keys and status. Returns the new ids in row order. */
export async function insertPersons(
  ctx: AppContext,
  u: Unit,
  actor: Actor,
  items: readonly { row: PreparedRow; keys: readonly string[]; record: MatchRecord; prov: Provenance }[],
): Promise<PersonId[]> {
  const ids: PersonId[] = [];
  const persons: DB['persons'][] = [];
  const claims: Claim[] = [];
  const events: StatusEvent[] = [];
  const refs: (string | null)[] = [];
  const eventRefs: (string | null)[] = [];
  const status: DB['person_status'][] = [];
  const records: { personId: string; records: MatchRecord[] }[] = [];
  for (const { row, record, prov } of items) {
    const id = asId<PersonId>(ctx.ids.next());
    ids.push(id);
    persons.push({ id, version: 1, merged_into: null, created_at: u.now, updated_at: u.now });
    const c = makeClaims(ctx, u, actor, id, row.claims, prov);
    const e = makeEvents(ctx, u, actor, id, row.events, prov);
    for (const x of c) {
      claims.push(x);
      refs.push(prov.rowRef ?? null);
    }
    for (const x of e) {
      events.push(x);
      eventRefs.push(prov.rowRef ?? null);
    }
    records.push({ personId: id, records: [{ ...record, id }] });
    status.push(statusRow(id, e));
  }
  await insertRows(u.database, u.trx, 'persons', persons);
  await insertFacts(u, claims, events, null, [...refs, ...eventRefs]);
  await insertRows(
    u.database,
    u.trx,
    'blocking_keys',
    keyRows(items.map(({ keys }, p) => ({ personId: ids[p]!, keys }))),
  );
  await storeMatchRecords(u.trx, records);
  await insertRows(u.database, u.trx, 'person_status', status);
  return ids;
}

/**
 * Persons that gained facts: version bumped, the new rows' keys added (keys only grow here: a
 * key left over from a value no longer best costs a candidate, never a miss), stored match records
 * dropped (they are read from claims until the next full re-index), status recomputed
 * from every live event of the person and the records merged into it.
 */
export async function refreshPersons(
  u: Unit,
  touched: readonly { personId: string; keys: readonly string[] }[],
): Promise<void> {
  const ids = [...new Set(touched.map((t) => t.personId))];
  if (ids.length === 0) return;
  for (let i = 0; i < ids.length; i += SLICE)
    await u.trx
      .updateTable('persons')
      .set((eb) => ({ version: eb('version', '+', 1), updated_at: u.now }))
      .where('id', 'in', ids.slice(i, i + SLICE))
      .execute();
  await insertRows(
    u.database,
    u.trx,
    'blocking_keys',
    keyRows(touched.map((t) => ({ personId: t.personId, keys: t.keys }))),
    { ignoreDuplicates: true },
  );
  // Their best values may have changed: read from claims until they are next re-indexed.
  await dropMatchRecords(u.trx, ids);
  const owner = await clusters(u, ids);
  const events = new Map<string, StatusEvent[]>(ids.map((id) => [id, []]));
  const retracted = new Set<string>();
  const members = [...owner.keys()];
  for (let i = 0; i < members.length; i += SLICE) {
    const rows = await u.trx
      .selectFrom('status_events')
      .selectAll()
      .where('person_id', 'in', members.slice(i, i + SLICE))
      .execute();
    for (const r of rows) events.get(owner.get(r.person_id)!)!.push(rowToEvent(r));
    const evIds = rows.map((r) => r.id);
    for (let k = 0; k < evIds.length; k += SLICE)
      for (const r of await u.trx
        .selectFrom('event_retractions')
        .select('event_id')
        .where('event_id', 'in', evIds.slice(k, k + SLICE))
        .execute())
        retracted.add(r.event_id);
  }
  for (let i = 0; i < ids.length; i += SLICE)
    await u.trx
      .deleteFrom('person_status')
      .where('person_id', 'in', ids.slice(i, i + SLICE))
      .execute();
  await insertRows(
    u.database,
    u.trx,
    'person_status',
    ids.map((id) => statusRow(id, events.get(id)!, retracted)),
  );
}

/** Each survivor and the records merged into it (transitively), as member → survivor. */
async function clusters(u: Unit, ids: readonly string[]): Promise<Map<string, string>> {
  const owner = new Map<string, string>(ids.map((id) => [id, id]));
  let frontier = [...ids];
  while (frontier.length > 0) {
    const next: string[] = [];
    for (let i = 0; i < frontier.length; i += SLICE)
      for (const r of await u.trx
        .selectFrom('persons')
        .select(['id', 'merged_into'])
        .where('merged_into', 'in', frontier.slice(i, i + SLICE))
        .execute())
        if (!owner.has(r.id)) {
          owner.set(r.id, owner.get(r.merged_into!)!);
          next.push(r.id);
        }
    frontier = next;
  }
  return owner;
}
