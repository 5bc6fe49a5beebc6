/**
 * Bulk writes of an import: new persons with the blocking keys already computed while matching
 * (computing them costs more than the insert), and the derived rows of persons that gained facts.
 * The persons are listed (StagedKeys.list) before these writes, by the caller.
 */
import { asId, type Actor, type Claim, type PersonId, type StatusEvent } from '../../domain/index.js';
import type { DB } from '../../db/schema.js';
import type { AppContext, Unit } from '../context.js';
import { insertFacts, makeClaims, makeEvents, type Provenance } from '../persons.js';
import type { PreparedRow } from './types.js';
import type { MatchRecord } from '../../matching/index.js';
import { insertMatchRecords } from '../match-records.js';
import { nextPersonSeqs } from '../../db/repositories/person-repository.js';
import { insertRows } from '../../db/dialects/dialect.js';
import type { SeqKeys, StagedKeys } from './staged-keys.js';
import type { PersonKeys } from './candidate-finder.js';
import { rederivePersons, statusRow } from '../indexing.js';

const SLICE = 500;

/** Ids and seqs for new persons, taken before they are written. */
export interface Numbered {
  readonly ids: PersonId[];
  readonly seqs: number[];
}

export async function numberPersons(ctx: AppContext, u: Unit, n: number): Promise<Numbered> {
  const seqs = n === 0 ? [] : await nextPersonSeqs(u.trx, u.database.dialect, n);
  return { ids: seqs.map(() => asId<PersonId>(ctx.ids.next())), seqs };
}

/**
 * Inserts one new person per row, numbered already (numberPersons), with its facts, status and
 * match records (in their stored form, encodeMatchRecords), and stages its keys.
 */
export async function insertPersons(
  ctx: AppContext,
  u: Unit,
  actor: Actor,
  items: readonly { row: PreparedRow; keys: PersonKeys; stored: string; prov: Provenance }[],
  numbered: Numbered,
  staged: StagedKeys,
): Promise<void> {
  const { ids, seqs } = numbered;
  const persons: DB['persons'][] = [];
  const claims: Claim[] = [];
  const events: StatusEvent[] = [];
  const refs: (string | null)[] = [];
  const eventRefs: (string | null)[] = [];
  const status: DB['person_status'][] = [];
  const records: { personId: string; stored: string }[] = [];
  for (const [p, { row, stored, prov }] of items.entries()) {
    const id = ids[p]!;
    persons.push({ id, seq: seqs[p]!, version: 1, merged_into: null, created_at: u.now, updated_at: u.now });
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
    records.push({ personId: id, stored });
    status.push(statusRow(id, e));
  }
  await insertRows(u.database, u.trx, 'persons', persons);
  await insertFacts(u, claims, events, null, [...refs, ...eventRefs]);
  await staged.stage(items.map(({ keys }, p) => ({ seq: seqs[p]!, keys })));
  await insertMatchRecords(u.database, u.trx, records);
  await insertRows(u.database, u.trx, 'person_status', status);
}

/**
 * Persons that gained facts: version bumped, the new rows' keys staged (keys only grow here: a
 * key left over from a value no longer best costs a candidate, never a miss), and their match
 * records and status recomputed from every live claim and event of the person and the records
 * merged into it (read once here: a person left without stored records would be read from its
 * claims each time it is a candidate again). `keys` are the rows' keys with the persons' seqs, as
 * StagedKeys.list gave them. Returns the persons' new match records by id.
 */
export async function refreshPersons(
  u: Unit,
  personIds: readonly string[],
  keys: readonly SeqKeys[],
  staged: StagedKeys,
): Promise<Map<string, MatchRecord[]>> {
  const ids = [...new Set(personIds)];
  if (ids.length === 0) return new Map();
  for (let i = 0; i < ids.length; i += SLICE)
    await u.trx
      .updateTable('persons')
      .set((eb) => ({ version: eb('version', '+', 1), updated_at: u.now }))
      .where('id', 'in', ids.slice(i, i + SLICE))
      .execute();
  await staged.stage(keys);
  const derived = await rederivePersons(u.trx, ids);
  return new Map([...derived].map(([id, { records }]) => [id, records]));
}
