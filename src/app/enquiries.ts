/**
 * Family tracing: enquiries recorded by officers, matched to the registry, worked through their
 * statuses, answered to families. Enquirers' details are restricted (permission enquirer.read).
 * New registry data re-runs matching for open enquiries through their stored blocking keys.
 */
import { z } from 'zod';
import { blockingKeys, type FieldType, type MatchRecord } from '../matching/index.js';
import {
  DomainError,
  EnquiryInput,
  EnquiryTransitionInput,
  can,
  enquiryTransitionProblem,
  formatPartialDate,
  notFound,
  parseInput,
  type Actor,
  type EnquiryStatus,
  type PartialDate,
} from '../domain/index.js';
import type { DB } from '../db/schema.js';
import { authorize } from './authz.js';
import { inUnit, type AppContext, type Unit } from './context.js';
import { candidatesByKeys, loadMatchRecords, scoreRecords } from './registry-matching.js';

type Sought = EnquiryInput['sought'];
const OPEN: EnquiryStatus[] = ['open', 'searching', 'candidate_found'];
/**
 * Persons an enquiry is scored against at most, per search: those sharing the most blocking keys
 * with it. The same bound holds when new registry data re-matches it, so that a large import whose
 * persons share a common key with an enquiry ("given name and birth year") cannot make it score
 * thousands.
 */
export const ENQUIRY_CANDIDATES = 300;

/** The sought person as a match record (age is taken as of the last-seen date, or the enquiry date). */
export function soughtRecord(id: string, sought: Sought, asOf: string): MatchRecord {
  const fields: Partial<Record<FieldType, string>> = {};
  for (const f of [
    'given_name',
    'family_name',
    'patronymic',
    'sex',
    'place_of_birth',
    'rank',
    'unit',
    'service_number',
  ] as const) {
    const v = sought[f];
    if (v) fields[f] = String(v);
  }
  if (sought.name_original) fields.full_name = sought.name_original;
  if (sought.date_of_birth)
    fields.date_of_birth = formatPartialDate(sought.date_of_birth as PartialDate).replace('~', '');
  if (sought.age != null) fields.age = String(sought.age);
  return sought.age != null ? { id, fields, age_as_of: asOf } : { id, fields };
}

/** The date an enquiry's ages are taken as of: the last-seen year, or the day it was recorded. */
export function asOfOf(row: Pick<DB['enquiries'], 'circumstances' | 'created_at'>): string {
  const c = JSON.parse(row.circumstances) as { lastSeenDate?: PartialDate | null };
  return c.lastSeenDate ? String(c.lastSeenDate.year) : row.created_at.slice(0, 10);
}

async function step(
  ctx: AppContext,
  u: Unit,
  actor: Actor,
  enquiryId: string,
  from: string | null,
  to: string,
  outcome: string | null,
  note: string | null,
): Promise<void> {
  await u.trx
    .insertInto('enquiry_steps')
    .values({
      id: ctx.ids.next(),
      enquiry_id: enquiryId,
      from_status: from,
      to_status: to,
      outcome,
      note,
      recorded_at: u.now,
      recorded_by: actor.userId,
    })
    .execute();
}

/** Scores one enquiry against registry candidates and queues those above the review threshold. */
export async function matchEnquiry(
  ctx: AppContext,
  u: Unit,
  row: DB['enquiries'],
  onlyPersons?: readonly string[],
): Promise<number> {
  const record = soughtRecord(row.id, JSON.parse(row.sought) as Sought, asOfOf(row));
  const ids =
    onlyPersons ??
    (await candidatesByKeys(u.trx, blockingKeys(record, ctx.matcher.model), ENQUIRY_CANDIDATES));
  if (ids.length === 0) return 0;
  const scored = scoreRecords(ctx.matcher, record, await loadMatchRecords(u.trx, ids));
  let queued = 0;
  for (const s of scored) {
    if (s.probability < ctx.matcher.model.thresholds.review) continue;
    const exists = await u.trx
      .selectFrom('match_candidates')
      .select('id')
      .where('kind', '=', 'enquiry_person')
      .where('left_id', '=', row.id)
      .where('right_id', '=', s.id)
      .executeTakeFirst();
    if (exists) continue;
    await u.trx
      .insertInto('match_candidates')
      .values({
        id: ctx.ids.next(),
        kind: 'enquiry_person',
        left_id: row.id,
        right_id: s.id,
        probability: s.probability,
        weight: s.weight,
        explanation: JSON.stringify(s.explanation),
        model_version: ctx.matcher.model.version,
        status: 'open',
        created_at: u.now,
        updated_at: u.now,
      })
      .execute();
    queued++;
  }
  if (queued > 0) {
    const moved = row.status === 'searching' || row.status === 'open' ? 'candidate_found' : row.status;
    await u.trx
      .updateTable('enquiries')
      .set({
        status: moved,
        new_candidates: Number(row.new_candidates) + queued,
        updated_at: u.now,
        version: Number(row.version) + 1,
      })
      .where('id', '=', row.id)
      .execute();
    if (moved !== row.status)
      await step(
        ctx,
        u,
        { userId: row.created_by as never, role: 'tracing_officer', via: 'system' },
        row.id,
        row.status,
        moved,
        null,
        `${queued} candidate(s) found by matching`,
      );
  }
  return queued;
}

/** After new registry data: open enquiries sharing a blocking key with these persons are re-matched. */
export async function rematchEnquiriesFor(
  ctx: AppContext,
  u: Unit,
  personIds: readonly string[],
): Promise<number> {
  if (personIds.length === 0) return 0;
  const shared = new SharedKeys();
  for (let i = 0; i < personIds.length; i += 500) {
    const rows = await u.trx
      .selectFrom('persons')
      .innerJoin('person_keys', 'person_keys.person_seq', 'persons.seq')
      .innerJoin('enquiry_keys', 'enquiry_keys.key', 'person_keys.key')
      .innerJoin('enquiries', 'enquiries.id', 'enquiry_keys.enquiry_id')
      .select(['enquiry_keys.enquiry_id', 'persons.id as person_id'])
      .where('persons.id', 'in', personIds.slice(i, i + 500))
      .where('enquiries.status', 'in', OPEN)
      .execute();
    for (const { enquiry_id, person_id } of rows) shared.add(enquiry_id, person_id);
  }
  return matchHits(ctx, u, shared.best(ENQUIRY_CANDIDATES));
}

/** The (key, person) rows of an import's staged keys under any of the given keys. */
export type StagedUnder = (keys: readonly string[]) => Promise<readonly { key: string; person_id: string }[]>;

/**
 * After an import: open enquiries sharing a blocking key with a person the batch created or added
 * facts to are re-matched against those persons. Read from the open enquiries' keys, so that an
 * import of a million rows into a registry with a handful of open enquiries reads only the key rows
 * under their keys (none without open enquiries): in the key table, the keys the batch's persons
 * had before it; among the import's staged keys (`stagedUnder`), those it gives them, which reach
 * the key table only when the import commits. A dry run thus counts its enquiry candidates
 * without writing the key tables. Each enquiry is scored against the ENQUIRY_CANDIDATES batch
 * persons sharing the most keys with it.
 */
export async function rematchEnquiriesForBatch(
  ctx: AppContext,
  u: Unit,
  batchId: string,
  stagedUnder: StagedUnder,
): Promise<number> {
  const keys = await u.trx
    .selectFrom('enquiry_keys')
    .innerJoin('enquiries', 'enquiries.id', 'enquiry_keys.enquiry_id')
    .select(['enquiry_keys.enquiry_id', 'enquiry_keys.key'])
    .where('enquiries.status', 'in', OPEN)
    .execute();
  const enquiriesOf = new Map<string, string[]>();
  for (const { enquiry_id, key } of keys) {
    const list = enquiriesOf.get(key);
    if (list) list.push(enquiry_id);
    else enquiriesOf.set(key, [enquiry_id]);
  }
  const unique = [...enquiriesOf.keys()];
  const shared = new SharedKeys();
  const seen = new Set<string>();
  const count = (rows: readonly { key: string; person_id: string }[]) => {
    for (const { key, person_id } of rows) {
      // A key staged for a person that the key table already holds for it counts once.
      const pair = `${key}\u0000${person_id}`;
      if (seen.has(pair)) continue;
      seen.add(pair);
      for (const enquiry_id of enquiriesOf.get(key)!) shared.add(enquiry_id, person_id);
    }
  };
  for (let i = 0; i < unique.length; i += 500) {
    const slice = unique.slice(i, i + 500);
    count(
      await u.trx
        .selectFrom('blocking_keys')
        .innerJoin('persons', 'persons.seq', 'blocking_keys.person_seq')
        .innerJoin('import_rows', 'import_rows.person_id', 'persons.id')
        .select(['blocking_keys.key', 'persons.id as person_id'])
        .where('blocking_keys.key', 'in', slice)
        .where('import_rows.batch_id', '=', batchId)
        .distinct()
        .execute(),
    );
  }
  if (unique.length) count(await stagedUnder(unique));
  return matchHits(ctx, u, shared.best(ENQUIRY_CANDIDATES));
}

/** Blocking keys each enquiry shares with each person, counted one (key, person) row at a time. */
export class SharedKeys {
  private readonly byEnquiry = new Map<string, Map<string, number>>();

  add(enquiryId: string, personId: string): void {
    let persons = this.byEnquiry.get(enquiryId);
    if (!persons) this.byEnquiry.set(enquiryId, (persons = new Map()));
    persons.set(personId, (persons.get(personId) ?? 0) + 1);
  }

  /**
   * Each enquiry with at most `limit` persons: those sharing the most keys with it, then by id (as
   * candidatesByKeys ranks the enquiry's own search).
   */
  best(limit: number): { enquiry_id: string; person_id: string }[] {
    const out: { enquiry_id: string; person_id: string }[] = [];
    for (const [enquiry_id, persons] of this.byEnquiry)
      for (const [person_id] of [...persons]
        .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
        .slice(0, limit))
        out.push({ enquiry_id, person_id });
    return out;
  }
}

/** Scores each enquiry against the persons found for it; returns the candidates queued. */
async function matchHits(
  ctx: AppContext,
  u: Unit,
  hits: readonly { enquiry_id: string; person_id: string }[],
): Promise<number> {
  const byEnquiry = new Map<string, string[]>();
  for (const h of hits) {
    const list = byEnquiry.get(h.enquiry_id);
    if (list) list.push(h.person_id);
    else byEnquiry.set(h.enquiry_id, [h.person_id]);
  }
  let queued = 0;
  for (const [enquiryId, persons] of byEnquiry) {
    const row = await u.trx
      .selectFrom('enquiries')
      .selectAll()
      .where('id', '=', enquiryId)
      .executeTakeFirstOrThrow();
    queued += await matchEnquiry(ctx, u, row, persons);
  }
  return queued;
}

/** Use case: record an enquiry; matching runs at once. */
export async function createEnquiry(ctx: AppContext, actor: Actor, raw: unknown) {
  authorize(actor, 'enquiry.write');
  const input = parseInput(EnquiryInput, raw, 'enquiry');
  return inUnit(ctx, async (u) => {
    const row: DB['enquiries'] = {
      id: ctx.ids.next(),
      status: 'searching',
      outcome: null,
      enquirer: JSON.stringify(input.enquirer),
      consent: JSON.stringify(input.consent),
      sought: JSON.stringify(input.sought),
      circumstances: JSON.stringify(input.circumstances),
      person_id: null,
      new_candidates: 0,
      version: 1,
      created_at: u.now,
      created_by: actor.userId,
      updated_at: u.now,
    };
    await u.trx.insertInto('enquiries').values(row).execute();
    await step(ctx, u, actor, row.id, null, 'open', null, null);
    await step(ctx, u, actor, row.id, 'open', 'searching', null, null);
    const keys = blockingKeys(soughtRecord(row.id, input.sought, asOfOf(row)), ctx.matcher.model);
    if (keys.length)
      await u.trx
        .insertInto('enquiry_keys')
        .values(keys.map((key) => ({ enquiry_id: row.id, key })))
        .execute();
    const queued = await matchEnquiry(ctx, u, row);
    u.audit(actor, 'enquiry.create', 'enquiry', row.id, { candidates: queued });
    return { id: row.id, candidates: queued };
  });
}

const ListInput = z.strictObject({
  status: z
    .enum(['open', 'searching', 'candidate_found', 'confirmed', 'family_informed', 'closed'])
    .optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(100).optional(),
});

/** Use case: list enquiries (the sought person's name, not the enquirer's). */
export async function listEnquiries(ctx: AppContext, actor: Actor, raw: unknown) {
  authorize(actor, 'enquiry.read');
  const input = parseInput(ListInput, raw, 'filter');
  return inUnit(ctx, async (u) => {
    let q = u.trx
      .selectFrom('enquiries')
      .select([
        'id',
        'status',
        'outcome',
        'sought',
        'person_id',
        'new_candidates',
        'version',
        'created_at',
        'updated_at',
      ])
      .orderBy('id', 'desc')
      .limit(input.limit + 1);
    if (input.status) q = q.where('status', '=', input.status);
    if (input.cursor) q = q.where('id', '<', input.cursor);
    const rows = await q.execute();
    const items = rows.slice(0, input.limit).map((r) => ({
      id: r.id,
      status: r.status,
      outcome: r.outcome,
      sought: JSON.parse(r.sought) as Sought,
      personId: r.person_id,
      newCandidates: Number(r.new_candidates),
      version: Number(r.version),
      createdAt: r.created_at,
      updatedAt: r.updated_at,
    }));
    u.audit(actor, 'enquiry.list', 'enquiry', null, { count: items.length });
    return { items, nextCursor: rows.length > input.limit ? items[items.length - 1]!.id : null };
  });
}

/** Use case: one enquiry with its steps and candidates; the enquirer only for those allowed. */
export async function getEnquiry(ctx: AppContext, actor: Actor, id: string) {
  authorize(actor, 'enquiry.read');
  return inUnit(ctx, async (u) => {
    const row = await u.trx.selectFrom('enquiries').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw notFound('enquiry', id);
    const steps = await u.trx
      .selectFrom('enquiry_steps')
      .selectAll()
      .where('enquiry_id', '=', id)
      .orderBy('recorded_at')
      .orderBy('id')
      .execute();
    const candidates = await u.trx
      .selectFrom('match_candidates')
      .select(['id', 'right_id', 'probability', 'weight', 'explanation', 'model_version', 'status'])
      .where('kind', '=', 'enquiry_person')
      .where('left_id', '=', id)
      .orderBy('probability', 'desc')
      .execute();
    const showEnquirer = can(actor.role, 'enquirer.read');
    if (row.new_candidates > 0)
      await u.trx.updateTable('enquiries').set({ new_candidates: 0 }).where('id', '=', id).execute();
    u.audit(actor, 'enquiry.read', 'enquiry', id, { enquirer: showEnquirer });
    return {
      id: row.id,
      status: row.status,
      outcome: row.outcome,
      version: Number(row.version),
      enquirer: showEnquirer ? (JSON.parse(row.enquirer) as unknown) : null,
      consent: JSON.parse(row.consent) as unknown,
      sought: JSON.parse(row.sought) as Sought,
      circumstances: JSON.parse(row.circumstances) as unknown,
      personId: row.person_id,
      newCandidates: Number(row.new_candidates),
      steps: steps.map((s) => ({
        from: s.from_status,
        to: s.to_status,
        outcome: s.outcome,
        note: s.note,
        at: s.recorded_at,
        by: s.recorded_by,
      })),
      candidates: candidates.map((c) => ({
        id: c.id,
        personId: c.right_id,
        probability: Number(c.probability),
        weight: Number(c.weight),
        explanation: JSON.parse(c.explanation) as unknown,
        modelVersion: c.model_version,
        status: c.status,
      })),
      createdAt: row.created_at,
    };
  });
}

/** Use case: move an enquiry to another status, recorded as a step. */
export async function transitionEnquiry(ctx: AppContext, actor: Actor, id: string, raw: unknown) {
  authorize(actor, 'enquiry.write');
  const input = parseInput(EnquiryTransitionInput, raw, 'transition');
  return inUnit(ctx, async (u) => {
    const row = await u.trx.selectFrom('enquiries').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw notFound('enquiry', id);
    if (Number(row.version) !== input.expectedVersion)
      throw new DomainError(
        'VERSION_CONFLICT',
        `enquiry ${id} has changed since version ${input.expectedVersion}`,
        { details: { currentVersion: Number(row.version) } },
      );
    const problem = enquiryTransitionProblem(row.status as EnquiryStatus, input.to, input.outcome);
    if (problem)
      throw new DomainError('STATE_INVALID', problem, { details: { from: row.status, to: input.to } });
    if (input.to === 'confirmed' && !row.person_id)
      throw new DomainError('STATE_INVALID', 'confirm an enquiry by accepting one of its candidates');
    const r = await u.trx
      .updateTable('enquiries')
      .set({
        status: input.to,
        outcome: input.outcome ?? null,
        version: Number(row.version) + 1,
        updated_at: u.now,
      })
      .where('id', '=', id)
      .where('version', '=', input.expectedVersion)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1)
      throw new DomainError('VERSION_CONFLICT', `enquiry ${id} was changed meanwhile`);
    await step(ctx, u, actor, id, row.status, input.to, input.outcome ?? null, input.note ?? null);
    u.audit(actor, 'enquiry.transition', 'enquiry', id, {
      from: row.status,
      to: input.to,
      outcome: input.outcome ?? null,
    });
    return { id, status: input.to, version: Number(row.version) + 1 };
  });
}

const DecideInput = z.strictObject({
  decision: z.enum(['accepted', 'rejected', 'unsure']),
  reason: z.string().trim().max(2000).nullish(),
});

/** Use case: confirm or reject a candidate of an enquiry; confirming links the person and moves the enquiry to confirmed. */
export async function decideEnquiryCandidate(
  ctx: AppContext,
  actor: Actor,
  enquiryId: string,
  candidateId: string,
  raw: unknown,
) {
  authorize(actor, 'enquiry.write');
  authorize(actor, 'match.decide');
  const input = parseInput(DecideInput, raw, 'decision');
  return inUnit(ctx, async (u) => {
    const row = await u.trx
      .selectFrom('enquiries')
      .selectAll()
      .where('id', '=', enquiryId)
      .executeTakeFirst();
    if (!row) throw notFound('enquiry', enquiryId);
    const c = await u.trx
      .selectFrom('match_candidates')
      .selectAll()
      .where('id', '=', candidateId)
      .where('left_id', '=', enquiryId)
      .where('kind', '=', 'enquiry_person')
      .executeTakeFirst();
    if (!c) throw notFound('candidate', candidateId);
    if (c.status === 'accepted' || c.status === 'rejected')
      throw new DomainError('STATE_INVALID', `candidate ${candidateId} was already ${c.status}`);
    if (input.decision === 'accepted' && row.status !== 'candidate_found')
      throw new DomainError('STATE_INVALID', `an enquiry in status ${row.status} cannot confirm a candidate`);
    await u.trx
      .updateTable('match_candidates')
      .set({ status: input.decision, updated_at: u.now })
      .where('id', '=', candidateId)
      .execute();
    await u.trx
      .insertInto('match_decisions')
      .values({
        id: ctx.ids.next(),
        candidate_id: candidateId,
        decision: input.decision,
        reason: input.reason ?? null,
        model_version: c.model_version,
        probability: Number(c.probability),
        explanation: c.explanation,
        merge_id: null,
        recorded_at: u.now,
        recorded_by: actor.userId,
      })
      .execute();
    let status = row.status;
    if (input.decision === 'accepted') {
      status = 'confirmed';
      await u.trx
        .updateTable('enquiries')
        .set({ status, person_id: c.right_id, version: Number(row.version) + 1, updated_at: u.now })
        .where('id', '=', enquiryId)
        .execute();
      await step(ctx, u, actor, enquiryId, row.status, status, null, input.reason ?? 'candidate confirmed');
    } else if (input.decision === 'rejected') {
      const open = await u.trx
        .selectFrom('match_candidates')
        .select('id')
        .where('kind', '=', 'enquiry_person')
        .where('left_id', '=', enquiryId)
        .where('status', 'in', ['open', 'unsure'])
        .executeTakeFirst();
      if (!open && row.status === 'candidate_found') {
        status = 'searching';
        await step(ctx, u, actor, enquiryId, row.status, status, null, 'every candidate rejected');
      }
      await u.trx
        .updateTable('enquiries')
        .set({ status, version: Number(row.version) + 1, updated_at: u.now })
        .where('id', '=', enquiryId)
        .execute();
    }
    u.audit(actor, 'enquiry.decide', 'enquiry', enquiryId, {
      candidate: candidateId,
      decision: input.decision,
      person: c.right_id,
    });
    return { id: enquiryId, status, candidateId, decision: input.decision };
  });
}
