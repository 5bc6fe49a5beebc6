/**
 * The review queue: scored pairs an officer decides on. Duplicate candidates inside the registry
 * are found through stored blocking keys whenever a person's identifying claims change, and by a
 * full scan on demand. Deciding records the model version and the comparison that supported it;
 * accepting a duplicate merges the two records (reversibly).
 */
import { z } from 'zod';
import {
  DomainError,
  MergeInput,
  notFound,
  parseInput,
  personView,
  type Actor,
  type EnquiryInput,
  type PersonId,
} from '../domain/index.js';
import { authorize } from './authz.js';
import { inUnit, type AppContext, type Unit } from './context.js';
import { asOfOf, decideEnquiryCandidate, soughtRecord } from './enquiries.js';
import { candidatesByKeys, liveClaimsOf, matchRecordsOf, scoreAgainst } from './registry-matching.js';
import { mergeIn } from './merges.js';
import { keysOf } from './key-rows.js';
import { isLinkageKey } from './indexing.js';

export const CANDIDATE_KINDS = ['person_person', 'enquiry_person', 'mention_person'] as const;
export const DECISIONS = ['accepted', 'rejected', 'unsure'] as const;

/**
 * Finds duplicate candidates of the given persons and queues those above the review threshold.
 * Pairs already queued or decided are left as they are. Runs inside the caller's unit.
 */
export async function queueDuplicates(
  ctx: AppContext,
  u: Unit,
  personIds: readonly string[],
): Promise<number> {
  let queued = 0;
  const own = await liveClaimsOf(u.trx, personIds);
  for (const id of personIds) {
    const claims = own.get(id);
    if (!claims) continue;
    const keys = ((await keysOf(u.trx, [id])).get(id) ?? []).filter(isLinkageKey);
    const others = await candidatesByKeys(u.trx, keys, 200, id);
    if (others.length === 0) continue;
    const theirs = await liveClaimsOf(u.trx, others);
    const scored = new Map<string, ReturnType<typeof scoreAgainst>[number]>();
    for (const record of matchRecordsOf(id, claims))
      for (const s of scoreAgainst(ctx.matcher, record, theirs))
        if ((scored.get(s.id)?.weight ?? -Infinity) < s.weight) scored.set(s.id, s);
    for (const s of scored.values()) {
      if (s.probability < ctx.matcher.model.thresholds.review) continue;
      const [left, right] = id < s.id ? [id, s.id] : [s.id, id];
      const exists = await u.trx
        .selectFrom('match_candidates')
        .select('id')
        .where('kind', '=', 'person_person')
        .where('left_id', '=', left)
        .where('right_id', '=', right)
        .executeTakeFirst();
      if (exists) continue;
      await u.trx
        .insertInto('match_candidates')
        .values({
          id: ctx.ids.next(),
          kind: 'person_person',
          left_id: left,
          right_id: right,
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
  }
  return queued;
}

const ScanInput = z.strictObject({ batchSize: z.number().int().min(10).max(5000).default(500) });

/** Use case: scan the whole registry for duplicate candidates, in batches (one transaction each). */
export async function scanDuplicates(
  ctx: AppContext,
  actor: Actor,
  raw: unknown = {},
  onProgress?: (done: number) => void,
): Promise<{ persons: number; queued: number }> {
  authorize(actor, 'match.decide');
  const { batchSize } = parseInput(ScanInput, raw, 'scan');
  let after = '';
  let persons = 0;
  let queued = 0;
  for (;;) {
    const page = await ctx.database.db
      .selectFrom('persons')
      .select('id')
      .where('merged_into', 'is', null)
      .where('id', '>', after)
      .orderBy('id')
      .limit(batchSize)
      .execute();
    if (page.length === 0) break;
    queued += await inUnit(ctx, async (u) => {
      const n = await queueDuplicates(
        ctx,
        u,
        page.map((p) => p.id),
      );
      u.audit(actor, 'review.scan', 'person', null, { persons: page.length, queued: n });
      return n;
    });
    persons += page.length;
    after = page[page.length - 1]!.id;
    onProgress?.(persons);
  }
  return { persons, queued };
}

const ListInput = z.strictObject({
  kind: z.enum(CANDIDATE_KINDS).optional(),
  status: z.enum(['open', 'accepted', 'rejected', 'unsure', 'stale']).default('open'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

/** Use case: the queue, most likely matches first. Items carry ids and scores, not personal data. */
export async function listReview(ctx: AppContext, actor: Actor, raw: unknown) {
  authorize(actor, 'match.decide');
  const input = parseInput(ListInput, raw, 'filter');
  let q = ctx.database.db
    .selectFrom('match_candidates')
    .select([
      'id',
      'kind',
      'left_id',
      'right_id',
      'probability',
      'weight',
      'model_version',
      'status',
      'created_at',
    ])
    .where('status', '=', input.status);
  if (input.kind) q = q.where('kind', '=', input.kind);
  const rows = await q
    .orderBy('probability', 'desc')
    .orderBy('id')
    .limit(input.limit + 1)
    .offset(input.offset)
    .execute();
  const items = rows.slice(0, input.limit).map((r) => ({
    id: r.id,
    kind: r.kind,
    leftId: r.left_id,
    rightId: r.right_id,
    probability: Number(r.probability),
    weight: Number(r.weight),
    modelVersion: r.model_version,
    status: r.status,
    createdAt: r.created_at,
  }));
  return { items, nextOffset: rows.length > input.limit ? input.offset + input.limit : null };
}

/**
 * The sought person of an enquiry in the shape of a person view: each detail the enquiry gives as
 * the one value of its field, unconfirmed (it is what the enquirer said), without claims or sources.
 */
function soughtView(id: string, sought: EnquiryInput['sought']) {
  const fields: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(sought)) {
    if (value === null || value === undefined) continue;
    fields[field] = {
      best: {
        value: typeof value === 'number' ? String(value) : value,
        confidence: 'unconfirmed',
        claimIds: [],
        sourceIds: [],
      },
      conflicts: [],
    };
  }
  return { id, fields };
}

/**
 * Use case: one candidate side by side, re-explained with today's data and model. A duplicate pair
 * shows two registry records; an enquiry candidate shows the enquiry's sought person (left) beside
 * the registry person (right) and needs enquiry.read too. Audited read.
 */
export async function getReviewItem(ctx: AppContext, actor: Actor, id: string) {
  authorize(actor, 'match.decide');
  authorize(actor, 'person.read');
  return inUnit(ctx, async (u) => {
    const c = await u.trx.selectFrom('match_candidates').selectAll().where('id', '=', id).executeTakeFirst();
    if (!c) throw notFound('review item', id);
    if (c.kind !== 'person_person' && c.kind !== 'enquiry_person')
      throw new DomainError(
        'STATE_INVALID',
        `review item ${id} is a ${c.kind} candidate; open it from its report`,
      );
    const isEnquiry = c.kind === 'enquiry_person';
    if (isEnquiry) authorize(actor, 'enquiry.read');
    const enquiry = isEnquiry
      ? await u.trx.selectFrom('enquiries').selectAll().where('id', '=', c.left_id).executeTakeFirst()
      : undefined;
    if (isEnquiry && !enquiry) throw notFound('enquiry', c.left_id);
    const sought = enquiry ? (JSON.parse(enquiry.sought) as EnquiryInput['sought']) : null;
    const claims = await liveClaimsOf(u.trx, isEnquiry ? [c.right_id] : [c.left_id, c.right_id]);
    const left = claims.get(c.left_id) ?? [];
    const right = claims.get(c.right_id) ?? [];
    const query =
      enquiry && sought
        ? soughtRecord(enquiry.id, sought, asOfOf(enquiry))
        : (matchRecordsOf(c.left_id, left)[0] ?? { id: c.left_id, fields: {} });
    const now = scoreAgainst(ctx.matcher, query, new Map([[c.right_id, right]]))[0] ?? null;
    const versions = await u.trx
      .selectFrom('persons')
      .select(['id', 'version', 'merged_into'])
      .where('id', 'in', [c.left_id, c.right_id])
      .execute();
    u.audit(actor, 'review.read', 'match_candidate', id, { left: c.left_id, right: c.right_id });
    const side = (pid: string, cl: typeof left) => ({
      id: pid,
      version: Number(versions.find((v) => v.id === pid)?.version ?? 0),
      mergedInto: versions.find((v) => v.id === pid)?.merged_into ?? null,
      view: personView(
        pid as PersonId,
        cl.filter((x) => x.sensitivity === 'normal'),
        new Set(),
      ),
    });
    return {
      id: c.id,
      kind: c.kind,
      status: c.status,
      stored: {
        probability: Number(c.probability),
        weight: Number(c.weight),
        modelVersion: c.model_version,
        explanation: JSON.parse(c.explanation) as unknown,
      },
      current: now
        ? {
            probability: now.probability,
            weight: now.weight,
            modelVersion: ctx.matcher.model.version,
            explanation: now.explanation,
          }
        : null,
      left:
        enquiry && sought
          ? {
              id: enquiry.id,
              version: Number(enquiry.version),
              mergedInto: null,
              view: soughtView(enquiry.id, sought),
            }
          : side(c.left_id, left),
      right: side(c.right_id, right),
      enquiry: enquiry ? { id: enquiry.id, status: enquiry.status, version: Number(enquiry.version) } : null,
    };
  });
}

const DecideInput = z.strictObject({
  decision: z.enum(DECISIONS),
  reason: z.string().trim().max(2000).nullish(),
  /** For an accepted duplicate: which record survives (default: the older, left one). */
  survivorId: z.string().max(100).nullish(),
});

/**
 * Use case: decide on a candidate. Accepting a duplicate merges the two records; a decision on an
 * enquiry candidate is the enquiry's own (accepting confirms the enquiry with the registry person).
 */
export async function decideReview(ctx: AppContext, actor: Actor, id: string, raw: unknown) {
  authorize(actor, 'match.decide');
  const input = parseInput(DecideInput, raw, 'decision');
  const c = await ctx.database.db
    .selectFrom('match_candidates')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  if (!c) throw notFound('review item', id);
  if (c.status === 'accepted' || c.status === 'rejected')
    throw new DomainError('STATE_INVALID', `review item ${id} was already ${c.status}`);
  if (c.kind === 'enquiry_person') {
    // The enquiry's own workflow decides: accepting confirms the enquiry with this person.
    if (input.survivorId)
      throw new DomainError('VALIDATION_FAILED', 'survivorId applies only to duplicate pairs', {
        issues: [{ path: 'survivorId', message: 'only for duplicate pairs' }],
      });
    await decideEnquiryCandidate(ctx, actor, c.left_id, id, {
      decision: input.decision,
      ...(input.reason && { reason: input.reason }),
    });
    return { id, status: input.decision, mergeId: null };
  }
  return inUnit(ctx, async (u) => {
    let mergeId: string | null = null;
    if (input.decision === 'accepted' && c.kind === 'person_person') {
      authorize(actor, 'person.merge');
      const survivor = input.survivorId ?? c.left_id;
      if (survivor !== c.left_id && survivor !== c.right_id)
        throw new DomainError('VALIDATION_FAILED', 'survivorId must be one of the pair', {
          issues: [{ path: 'survivorId', message: 'not one of the pair' }],
        });
      const merged = survivor === c.left_id ? c.right_id : c.left_id;
      const mergeInput = parseInput(MergeInput, {
        survivorId: survivor,
        mergedId: merged,
        reason: input.reason ?? 'duplicate accepted in review',
        modelVersion: c.model_version,
        evidence: { candidate: c.id, probability: Number(c.probability) },
      });
      mergeId = (await mergeIn(ctx, u, actor, mergeInput)).mergeId;
    }
    const updated = await u.trx
      .updateTable('match_candidates')
      .set({ status: input.decision, updated_at: u.now })
      .where('id', '=', id)
      .where('status', '=', c.status)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1)
      throw new DomainError('VERSION_CONFLICT', `review item ${id} was decided by someone else meanwhile`);
    await u.trx
      .insertInto('match_decisions')
      .values({
        id: ctx.ids.next(),
        candidate_id: id,
        decision: input.decision,
        reason: input.reason ?? null,
        model_version: c.model_version,
        probability: Number(c.probability),
        explanation: c.explanation,
        merge_id: mergeId,
        recorded_at: u.now,
        recorded_by: actor.userId,
      })
      .execute();
    u.audit(actor, 'review.decide', 'match_candidate', id, { decision: input.decision, merge: mergeId });
    return { id, status: input.decision, mergeId };
  });
}
