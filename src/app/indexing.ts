/**
 * Derived tables kept in step with every write: blocking keys (so a search never scans the registry),
 * match records (what candidates are scored by) and the current status per person (for filters and counts).
 */
import type { Transaction } from 'kysely';
import type { DB } from '../db/schema.js';
import { clusterOwners, loadRecord } from '../db/repositories/person-repository.js';
import { nameKey, type MatchRecord } from '../matching/index.js';
import {
  currentStatus,
  liveClaims,
  partialDateRange,
  type Claim,
  type PersonId,
  type StatusEvent,
} from '../domain/index.js';
import { dropMatchRecords, matchRecordsOf, storeMatchRecords } from './match-records.js';
import { deleteKeyRows, replaceKeyRows } from './key-rows.js';

/** Computes a person's blocking keys from its live claims. The matching engine supplies the real one. */
export type PersonKeyer = ((claims: readonly Claim[]) => string[]) & {
  /** The keys of many persons at once, when the keyer can do that more cheaply. */
  readonly many?: (lists: readonly (readonly Claim[])[]) => string[][];
  /** The keys of many persons whose match records are already made (one list per person). */
  readonly ofRecords?: (
    records: readonly (readonly MatchRecord[])[],
    claims: readonly (readonly Claim[])[],
  ) => string[][];
};

/** Name-token search keys (nameTokenKeyer) start with t: or k:; the others are the engine's linkage keys. */
export function isLinkageKey(k: string): boolean {
  return !k.startsWith('t:') && !k.startsWith('k:');
}

/**
 * Name-token keys for finding persons by what was typed so far: `t:` + the token as written
 * (folded: "t:ковальчук"), and `k:` + its cross-script, cross-convention name key ("k:kovalšuk"),
 * so that a prefix typed in any script or spelling reaches every record. And for each two
 * different name keys of the person, `k:` + the first three letters of one, `|`, the other
 * ("k:and|kovalšuk", "k:kov|andri"): a query of two words then reads the few persons under
 * "k:and|kova" instead of every Andrii, checking each for a Kova… (see pairKey).
 */
export const nameTokenKeyer: PersonKeyer = (claims) => {
  const keys = new Set<string>();
  const nameKeys = new Set<string>();
  for (const c of claims) {
    if (
      c.field !== 'given_name' &&
      c.field !== 'family_name' &&
      c.field !== 'patronymic' &&
      c.field !== 'name_original'
    )
      continue;
    for (const token of foldTokens(String(c.value))) {
      keys.add(`t:${token}`);
      const key = nameKey(token);
      if (key) {
        keys.add(`k:${key}`);
        nameKeys.add(key);
      }
    }
  }
  for (const a of nameKeys) {
    if (a.length < PAIR_HEAD) continue;
    for (const b of nameKeys) if (b !== a) keys.add(pairKey(a, b));
  }
  return [...keys];
};

/** Letters of the first name key that a pair key keeps. */
export const PAIR_HEAD = 3;

/**
 * The pair key of name keys `a` (at least PAIR_HEAD letters) and `b`; with `b` cut short it is
 * the prefix of every pair key of a person with a key starting like `a` and another starting
 * with `b`. Name keys have no "|", so no prefix of a single name key reaches into a pair key.
 */
export function pairKey(a: string, b: string): string {
  return `k:${a.slice(0, PAIR_HEAD)}|${b}`;
}

/** Lower-case, accent-free word tokens of a text. */
export function foldTokens(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLocaleLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((t) => t.length > 0);
}

/**
 * Recomputes the derived rows of one person (a survivor: its cluster's claims and events count).
 * Returns its keys.
 */
export async function reindexPerson(
  trx: Transaction<DB>,
  keyer: PersonKeyer,
  id: PersonId,
): Promise<string[]> {
  return (await reindexPersons(trx, keyer, [id])).get(id)!.keys;
}

/** The `person_status` row of a person with these events (retracted ones left out). */
export function statusRow(
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

/** Persons re-indexed per round of statements. */
const REINDEX_SLICE = 250;

/**
 * Recomputes the derived rows of persons (survivors: each cluster's claims and events count): key
 * rows, match records and current status. Returns each person's keys and match records.
 */
export async function reindexPersons(
  trx: Transaction<DB>,
  keyer: PersonKeyer,
  ids: readonly PersonId[],
): Promise<Map<PersonId, { keys: string[]; records: MatchRecord[] }>> {
  const derived = await rederivePersons(trx, ids);
  const people = [...derived.keys()];
  const live = people.map((id) => derived.get(id)!.live);
  const records = people.map((id) => derived.get(id)!.records);
  const keys = keyer.ofRecords ? keyer.ofRecords(records, live) : live.map((c) => keyer(c));
  await replaceKeyRows(
    trx,
    people.map((id, k) => ({ personId: id, keys: keys[k]! })),
  );
  return new Map(people.map((id, k) => [id as PersonId, { keys: keys[k]!, records: records[k]! }]));
}

/**
 * Recomputes the match records and current status of persons (survivors) from every live claim
 * and event of each one's cluster (a claim of one record may supersede a claim of another, so
 * whole clusters are read together), REINDEX_SLICE persons per round of statements (a person at a
 * time took some fifteen statements). Returns each person's live claims and match records.
 */
export async function rederivePersons(
  trx: Transaction<DB>,
  ids: readonly string[],
): Promise<Map<string, { live: Claim[]; records: MatchRecord[] }>> {
  const out = new Map<string, { live: Claim[]; records: MatchRecord[] }>();
  const unique = [...new Set(ids)];
  for (let i = 0; i < unique.length; i += REINDEX_SLICE) {
    const slice = unique.slice(i, i + REINDEX_SLICE);
    const owner = await clusterOwners(trx, slice);
    const record = await loadRecord(trx, [...owner.keys()]);
    const retracted = new Set<string>([
      ...record.claimRetractions.map((r) => r.claimId),
      ...record.eventRetractions.map((r) => r.eventId),
    ]);
    const claims = new Map<string, Claim[]>(slice.map((id) => [id, []]));
    const events = new Map<string, StatusEvent[]>(slice.map((id) => [id, []]));
    for (const c of liveClaims(record.claims, retracted)) claims.get(owner.get(c.personId)!)!.push(c);
    for (const e of record.events) events.get(owner.get(e.personId)!)!.push(e);
    for (const id of slice)
      out.set(id, { live: claims.get(id)!, records: matchRecordsOf(id, claims.get(id)!) });
    await storeMatchRecords(
      trx,
      slice.map((id) => ({ personId: id, records: out.get(id)!.records })),
    );
    // One upsert rather than a delete and an insert: a person's row (and its entry in the status
    // index, when its state stays) is changed where it is instead of taken out and put back. Every
    // column is replaced, as the insert of a whole row did (`satisfies` fails to compile when a
    // column is added and not named here).
    await trx
      .insertInto('person_status')
      .values(slice.map((id) => statusRow(id, events.get(id)!, retracted)))
      .onConflict((oc) =>
        oc.column('person_id').doUpdateSet(
          (eb) =>
            ({
              state: eb.ref('excluded.state'),
              place_id: eb.ref('excluded.place_id'),
              since_from: eb.ref('excluded.since_from'),
              wounded: eb.ref('excluded.wounded'),
            }) satisfies Record<Exclude<keyof DB['person_status'], 'person_id'>, unknown>,
        ),
      )
      .execute();
  }
  return out;
}

/** Removes the derived rows of a person that no longer stands alone (merged into another). */
export async function unindexPerson(trx: Transaction<DB>, id: PersonId): Promise<void> {
  await deleteKeyRows(trx, [id]);
  await dropMatchRecords(trx, [id]);
  await trx.deleteFrom('person_status').where('person_id', '=', id).execute();
}
