/**
 * Training data from the registry: officers' decisions rebuilt as labelled pairs of match records
 * (from the current live claims of both sides), and how well a model separates them.
 */
import {
  createScorer,
  prepare,
  trainFromDecisions,
  type LabelledPair,
  type MatchModel,
  type MatchRecord,
} from '../matching/index.js';
import type { PartialDate } from '../domain/index.js';
import type { Executor } from '../db/repositories/person-repository.js';
import { soughtRecord } from './enquiries.js';
import {
  liveClaimsOf,
  matchRecordsOf,
  scoreAgainst,
  type RegistryMatcher,
  type ScoredPerson,
} from './registry-matching.js';

/** Decision kinds whose both sides can be rebuilt as records. */
const KINDS = ['person_person', 'enquiry_person'] as const;

/** The latest accepted or rejected decision per candidate, as a labelled pair of records. */
export async function labelledPairsFromDecisions(db: Executor): Promise<LabelledPair[]> {
  const rows = await db
    .selectFrom('match_decisions as d')
    .innerJoin('match_candidates as c', 'c.id', 'd.candidate_id')
    .select(['d.candidate_id', 'd.decision', 'd.recorded_at', 'd.id', 'c.kind', 'c.left_id', 'c.right_id'])
    .where('c.kind', 'in', [...KINDS])
    .orderBy('d.recorded_at')
    .orderBy('d.id')
    .execute();
  // Decisions are append-only: a later decision on the same candidate supersedes an earlier one.
  const latest = new Map<string, (typeof rows)[number]>();
  for (const r of rows) latest.set(r.candidate_id, r);
  const decided = [...latest.values()].filter((r) => r.decision === 'accepted' || r.decision === 'rejected');
  const personIds = new Set<string>();
  const enquiryIds = new Set<string>();
  for (const r of decided) {
    if (r.kind === 'enquiry_person') enquiryIds.add(r.left_id);
    else personIds.add(r.left_id);
    personIds.add(r.right_id);
  }
  const claims = await liveClaimsOf(db, [...personIds]);
  const enquiries = await enquiryRecords(db, [...enquiryIds]);
  const out: LabelledPair[] = [];
  for (const r of decided) {
    const left =
      r.kind === 'enquiry_person' ? enquiries.get(r.left_id) : personRecord(r.left_id, claims.get(r.left_id));
    const right = personRecord(r.right_id, claims.get(r.right_id));
    if (left && right) out.push({ left, right, match: r.decision === 'accepted' });
  }
  return out;
}

function personRecord(
  id: string,
  claims: Parameters<typeof matchRecordsOf>[1] | undefined,
): MatchRecord | undefined {
  // The first record holds the best value of every field: the person as the officer saw it.
  return claims && claims.length > 0 ? matchRecordsOf(id, claims)[0] : undefined;
}

async function enquiryRecords(db: Executor, ids: readonly string[]): Promise<Map<string, MatchRecord>> {
  const out = new Map<string, MatchRecord>();
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db
      .selectFrom('enquiries')
      .select(['id', 'sought', 'circumstances', 'created_at'])
      .where('id', 'in', ids.slice(i, i + 500))
      .execute();
    for (const row of rows) {
      const c = JSON.parse(row.circumstances) as { lastSeenDate?: PartialDate | null };
      // The same reference date the enquiry was matched with: an age is stated as of the last sighting.
      const asOf = c.lastSeenDate ? String(c.lastSeenDate.year) : row.created_at.slice(0, 10);
      out.set(
        row.id,
        soughtRecord(row.id, JSON.parse(row.sought) as Parameters<typeof soughtRecord>[1], asOf),
      );
    }
  }
  return out;
}

/** Precision and recall of a model on labelled pairs, a pair counting as linked at `threshold`. */
export interface PairMetrics {
  readonly pairs: number;
  readonly precision: number | null;
  readonly recall: number | null;
}

/** Match probability of every labelled pair under a model. */
export function pairProbabilities(model: MatchModel, pairs: readonly LabelledPair[]): Float64Array {
  const out = new Float64Array(pairs.length);
  if (pairs.length === 0) return out;
  const S = prepare(pairs.flatMap((p) => [p.left, p.right]));
  const scorer = createScorer(model);
  for (let k = 0; k < pairs.length; k++) out[k] = 1 / (1 + 2 ** -scorer.weight(S, 2 * k, S, 2 * k + 1));
  return out;
}

/** Precision and recall given probabilities and labels. Null where undefined (no predicted or true links). */
export function metricsOf(
  probabilities: ArrayLike<number>,
  pairs: readonly LabelledPair[],
  threshold: number,
): PairMetrics {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (let k = 0; k < pairs.length; k++) {
    const linked = probabilities[k]! >= threshold;
    if (linked && pairs[k]!.match) tp++;
    else if (linked) fp++;
    else if (pairs[k]!.match) fn++;
  }
  return {
    pairs: pairs.length,
    precision: tp + fp > 0 ? tp / (tp + fp) : null,
    recall: tp + fn > 0 ? tp / (tp + fn) : null,
  };
}

/**
 * The new model's metrics by k-fold cross-validation (k = 5, or one fold per pair when fewer):
 * each pair is scored by a model refined from the other folds only, so the figure is not flattered
 * by the pair having taught the model.
 */
export function crossValidated(
  base: MatchModel,
  pairs: readonly LabelledPair[],
  threshold: number,
): PairMetrics {
  const k = Math.min(5, pairs.length);
  const probabilities = new Float64Array(pairs.length);
  for (let fold = 0; fold < k; fold++) {
    const train = pairs.filter((_, i) => i % k !== fold);
    const held = pairs.filter((_, i) => i % k === fold);
    const p = pairProbabilities(trainFromDecisions(base, train), held);
    let j = 0;
    for (let i = fold; i < pairs.length; i += k) probabilities[i] = p[j++]!;
  }
  return metricsOf(probabilities, pairs, threshold);
}

/**
 * Re-scores the open and unsure candidates with the active model, so that a decision taken after
 * an activation stores the active model's version with an explanation that model produced.
 * Returns how many candidates were re-scored.
 */
export async function rescoreOpenCandidates(
  db: Executor,
  matcher: RegistryMatcher,
  now: string,
): Promise<number> {
  const open = await db
    .selectFrom('match_candidates')
    .select(['id', 'kind', 'left_id', 'right_id'])
    .where('status', 'in', ['open', 'unsure'])
    .where('kind', 'in', [...KINDS])
    .execute();
  const personIds = new Set<string>();
  const enquiryIds = new Set<string>();
  for (const c of open) {
    (c.kind === 'enquiry_person' ? enquiryIds : personIds).add(c.left_id);
    personIds.add(c.right_id);
  }
  const claims = await liveClaimsOf(db, [...personIds]);
  const enquiries = await enquiryRecords(db, [...enquiryIds]);
  let done = 0;
  for (const c of open) {
    const right = claims.get(c.right_id);
    const leftRecords =
      c.kind === 'enquiry_person'
        ? [enquiries.get(c.left_id)].filter((r) => r !== undefined)
        : matchRecordsOf(c.left_id, claims.get(c.left_id) ?? []);
    if (!right || leftRecords.length === 0) continue;
    // As when queued: the best-scoring spelling of either side explains the pair.
    let best: ScoredPerson | undefined;
    for (const record of leftRecords)
      for (const s of scoreAgainst(matcher, record, new Map([[c.right_id, right]])))
        if (!best || s.weight > best.weight) best = s;
    if (!best) continue;
    await db
      .updateTable('match_candidates')
      .set({
        probability: best.probability,
        weight: best.weight,
        explanation: JSON.stringify(best.explanation),
        model_version: matcher.model.version,
        updated_at: now,
      })
      .where('id', '=', c.id)
      .execute();
    done++;
  }
  return done;
}
