/** Reading and writing persons, claims, events, retractions and merges. Takes a Kysely or a transaction. */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../schema.js';
import {
  asId,
  formatPartialDate,
  parsePartialDate,
  partialDateRange,
  type Claim,
  type ClaimRetraction,
  type Merge,
  type Person,
  type PersonId,
  type StatusEvent,
} from '../../domain/index.js';

export type Executor = Kysely<DB> | Transaction<DB>;

export function rowToPerson(r: DB['persons']): Person {
  return {
    id: asId(r.id),
    version: Number(r.version),
    mergedInto: r.merged_into ? asId(r.merged_into) : null,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export function rowToClaim(r: DB['claims']): Claim {
  return {
    id: asId(r.id),
    personId: asId(r.person_id),
    field: r.field as Claim['field'],
    value: JSON.parse(r.value) as Claim['value'],
    confidence: r.confidence as Claim['confidence'],
    sensitivity: r.sensitivity as Claim['sensitivity'],
    sourceId: asId(r.source_id),
    batchId: r.batch_id ? asId(r.batch_id) : null,
    assertedAt: r.asserted_at,
    recordedAt: r.recorded_at,
    recordedBy: asId(r.recorded_by),
    supersedes: r.supersedes ? asId(r.supersedes) : null,
    reason: r.reason,
  };
}

export function claimToRow(c: Claim, rowRef: string | null = null): DB['claims'] {
  return {
    id: c.id,
    person_id: c.personId,
    field: c.field,
    value: JSON.stringify(c.value),
    confidence: c.confidence,
    sensitivity: c.sensitivity,
    source_id: c.sourceId,
    batch_id: c.batchId,
    asserted_at: c.assertedAt,
    recorded_at: c.recordedAt,
    recorded_by: c.recordedBy,
    supersedes: c.supersedes,
    reason: c.reason,
    row_ref: rowRef,
  };
}

export function rowToEvent(r: DB['status_events']): StatusEvent {
  return {
    id: asId(r.id),
    personId: asId(r.person_id),
    kind: r.kind as StatusEvent['kind'],
    date: r.date ? parsePartialDate(r.date) : null,
    placeId: r.place_id ? asId(r.place_id) : null,
    placeText: r.place_text,
    fromPlaceId: r.from_place_id ? asId(r.from_place_id) : null,
    severity: r.severity as StatusEvent['severity'],
    details: r.details,
    confidence: r.confidence as StatusEvent['confidence'],
    sourceId: asId(r.source_id),
    batchId: r.batch_id ? asId(r.batch_id) : null,
    recordedAt: r.recorded_at,
    recordedBy: asId(r.recorded_by),
  };
}

export function eventToRow(e: StatusEvent, rowRef: string | null = null): DB['status_events'] {
  const range = e.date ? partialDateRange(e.date) : null;
  return {
    id: e.id,
    person_id: e.personId,
    kind: e.kind,
    date: e.date ? formatPartialDate(e.date) : null,
    date_from: range?.from ?? null,
    date_to: range?.to ?? null,
    place_id: e.placeId,
    place_text: e.placeText,
    from_place_id: e.fromPlaceId,
    severity: e.severity,
    details: e.details,
    confidence: e.confidence,
    source_id: e.sourceId,
    batch_id: e.batchId,
    recorded_at: e.recordedAt,
    recorded_by: e.recordedBy,
    row_ref: rowRef,
  };
}

export function rowToMerge(r: DB['merges'], undo: DB['merge_undos'] | undefined): Merge {
  return {
    id: asId(r.id),
    survivorId: asId(r.survivor_id),
    mergedId: asId(r.merged_id),
    reason: r.reason,
    modelVersion: r.model_version,
    recordedAt: r.recorded_at,
    recordedBy: asId(r.recorded_by),
    undoneAt: undo?.recorded_at ?? null,
    undoneBy: undo ? asId(undo.recorded_by) : null,
    undoReason: undo?.reason ?? null,
  };
}

export async function findPerson(db: Executor, id: string): Promise<Person | undefined> {
  const r = await db.selectFrom('persons').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? rowToPerson(r) : undefined;
}

/** The ids whose claims and events make up a person: itself and every record merged into it, transitively. */
export async function clusterIds(db: Executor, id: PersonId): Promise<PersonId[]> {
  return [...(await clusterOwners(db, [id])).keys()].map((x) => asId<PersonId>(x));
}

/**
 * Each of the survivors `ids` and every record merged into it (transitively), as member →
 * survivor; a survivor is its own member. One query per level of merges and slice of ids.
 */
export async function clusterOwners(db: Executor, ids: readonly string[]): Promise<Map<string, string>> {
  const owner = new Map<string, string>(ids.map((id) => [id, id]));
  let frontier = [...new Set(ids)];
  while (frontier.length > 0) {
    const next: string[] = [];
    for (let i = 0; i < frontier.length; i += CLUSTER_SLICE)
      for (const r of await db
        .selectFrom('persons')
        .select(['id', 'merged_into'])
        .where('merged_into', 'in', frontier.slice(i, i + CLUSTER_SLICE))
        .execute())
        if (!owner.has(r.id)) {
          owner.set(r.id, owner.get(r.merged_into!)!);
          next.push(r.id);
        }
    frontier = next;
  }
  return owner;
}

const CLUSTER_SLICE = 500;

/**
 * `n` seqs for persons about to be inserted (see migration 0014), in increasing order. On SQLite,
 * whose writers are serialised, the next ones after the largest given: insert them before asking
 * again in the same transaction. On PostgreSQL, drawn from the column's identity sequence, so that
 * concurrent writers never share one.
 */
export async function nextPersonSeqs(
  db: Executor,
  dialect: 'sqlite' | 'postgres',
  n: number,
): Promise<number[]> {
  if (n <= 0) return [];
  if (dialect === 'postgres') {
    const r = await sql<{ s: number }>`SELECT nextval(pg_get_serial_sequence('persons', 'seq'))::int AS s
      FROM generate_series(1, ${n})`.execute(db);
    return r.rows.map((x) => Number(x.s)).sort((a, b) => a - b);
  }
  const top = await db
    .selectFrom('persons')
    .select((eb) => eb.fn.max('seq').as('m'))
    .executeTakeFirst();
  const from = Number(top?.m ?? 0) + 1;
  return Array.from({ length: n }, (_, k) => from + k);
}

/** The seqs of persons by id (ids not found are left out). */
export async function seqsOfPersons(db: Executor, ids: readonly string[]): Promise<Map<string, number>> {
  return new Map((await idAndSeq(db, 'id', ids)).map((r) => [r.id, r.seq]));
}

/** The ids of persons by seq (seqs not found are left out). */
export async function idsOfSeqs(db: Executor, seqs: readonly number[]): Promise<Map<number, string>> {
  return new Map((await idAndSeq(db, 'seq', seqs)).map((r) => [r.seq, r.id]));
}

/** The id and seq of the persons whose `by` is one of `values`, CLUSTER_SLICE values a query. */
async function idAndSeq(
  db: Executor,
  by: 'id' | 'seq',
  values: readonly (string | number)[],
): Promise<{ id: string; seq: number }[]> {
  const unique = [...new Set(values)];
  const out: { id: string; seq: number }[] = [];
  for (let i = 0; i < unique.length; i += CLUSTER_SLICE)
    for (const r of await db
      .selectFrom('persons')
      .select(['id', 'seq'])
      .where(by, 'in', unique.slice(i, i + CLUSTER_SLICE))
      .execute())
      out.push({ id: r.id, seq: Number(r.seq) });
  return out;
}

export interface PersonRecord {
  readonly claims: Claim[];
  readonly claimRetractions: ClaimRetraction[];
  readonly events: StatusEvent[];
  readonly eventRetractions: { eventId: string; reason: string; recordedAt: string; recordedBy: string }[];
}

/** Everything recorded about a set of person ids (a survivor and those merged into it). */
export async function loadRecord(db: Executor, ids: readonly string[]): Promise<PersonRecord> {
  const [claims, events] = await Promise.all([
    db
      .selectFrom('claims')
      .selectAll()
      .where('person_id', 'in', ids)
      .orderBy('recorded_at')
      .orderBy('id')
      .execute(),
    db
      .selectFrom('status_events')
      .selectAll()
      .where('person_id', 'in', ids)
      .orderBy('recorded_at')
      .orderBy('id')
      .execute(),
  ]);
  // Retractions by the same person ids, not by claim and event ids: persons may hold more claims
  // than a statement may have parameters.
  const [cr, er] = await Promise.all([
    claims.length
      ? db
          .selectFrom('claim_retractions')
          .selectAll()
          .where('claim_id', 'in', (eb) => eb.selectFrom('claims').select('id').where('person_id', 'in', ids))
          .execute()
      : Promise.resolve([]),
    events.length
      ? db
          .selectFrom('event_retractions')
          .selectAll()
          .where('event_id', 'in', (eb) =>
            eb.selectFrom('status_events').select('id').where('person_id', 'in', ids),
          )
          .execute()
      : Promise.resolve([]),
  ]);
  return {
    claims: claims.map(rowToClaim),
    claimRetractions: cr.map((r) => ({
      claimId: asId(r.claim_id),
      reason: r.reason,
      recordedAt: r.recorded_at,
      recordedBy: asId(r.recorded_by),
    })),
    events: events.map(rowToEvent),
    eventRetractions: er.map((r) => ({
      eventId: r.event_id,
      reason: r.reason,
      recordedAt: r.recorded_at,
      recordedBy: r.recorded_by,
    })),
  };
}

/** Merges touching a set of person ids, with their undo records. */
export async function loadMerges(db: Executor, ids: readonly string[]): Promise<Merge[]> {
  const rows = await db
    .selectFrom('merges')
    .selectAll()
    .where((eb) => eb.or([eb('survivor_id', 'in', ids), eb('merged_id', 'in', ids)]))
    .orderBy('recorded_at')
    .execute();
  if (rows.length === 0) return [];
  const undos = await db
    .selectFrom('merge_undos')
    .selectAll()
    .where(
      'merge_id',
      'in',
      rows.map((r) => r.id),
    )
    .execute();
  const byId = new Map(undos.map((u) => [u.merge_id, u]));
  return rows.map((r) => rowToMerge(r, byId.get(r.id)));
}

/**
 * Bumps a person's version; with `expected`, only if it still has that version. Returns false when
 * the person changed meanwhile (the caller raises VERSION_CONFLICT).
 */
export async function bumpVersion(
  db: Executor,
  id: string,
  now: string,
  expected?: number | null,
): Promise<boolean> {
  let q = db
    .updateTable('persons')
    .set((eb) => ({ version: eb('version', '+', 1), updated_at: now }))
    .where('id', '=', id);
  if (expected != null) q = q.where('version', '=', expected);
  const r = await q.executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
