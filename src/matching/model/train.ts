/**
 * Unsupervised training, in the manner of Splink: u from random pairs; m by EM on blocked pairs,
 * one session per blocking rule, each session leaving out the comparisons its rule forces to agree;
 * then the prior from the expected number of matches among all candidate pairs, made consistent with
 * the pairs' own scores (see settlePrior).
 */
import type { PreparedSet } from '../record/index.js';
import type { CandidatePairs } from '../blocking/index.js';
import { createScorer, type Scorer } from '../explain/index.js';
import type { LevelSpec } from '../comparisons/index.js';
import type { MatchModel } from './match-model.js';
import { aggregatePatterns, estimateLambda, runEm } from './em.js';
import { versionOf } from './version.js';

/** Training options. `origin` (0/1 per record) makes it a link between two files. */
export interface TrainingOptions {
  readonly origin?: Uint8Array;
  readonly seed?: number;
  /** Random pairs used to estimate u (default 200,000 or fewer when the data has fewer pairs). */
  readonly uSamples?: number;
  /** Candidate pairs used for EM (default 300,000, an even spread over all candidates). */
  readonly emSamples?: number;
}

/** What training found. */
export interface TrainingReport {
  readonly randomPairs: number;
  readonly sessions: readonly {
    rule: string;
    pairs: number;
    lambda: number;
    iterations: number;
    estimated: string[];
  }[];
  readonly expectedMatches: number;
  readonly prior: number;
  /** The prior EM's pattern counts gave, before it was settled against the scored pairs. */
  readonly emPrior: number;
}

/** Small, fast, seedable generator (mulberry32) so training is repeatable. */
export function randomSource(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function featuresOfLevel(l: LevelSpec): string[] {
  switch (l.test) {
    case 'swapped':
      return [l.feature, l.other];
    case 'inList':
      return [l.feature, l.list];
    case 'dateExact':
    case 'dateTransposed':
    case 'dateSameMonth':
    case 'dateSameYear':
    case 'yearWithin':
      return ['dob', 'dobY', 'dobM', 'dobD', 'yearLo', 'yearHi'];
    case 'emailLocal':
      return ['email'];
    case 'else':
      return [];
    default:
      return [l.feature];
  }
}

/** Key features derived from others: agreeing on them forces agreement on these. */
const DERIVED: Readonly<Record<string, readonly string[]>> = {
  nameSet: ['given', 'family', 'nameTokens'],
  emailUser: ['email'],
};

/** Comparisons whose features a blocking rule constrains: their agreement is forced in its blocks. */
function fixedBy(model: MatchModel, ruleKeys: readonly string[]): boolean[] {
  const keyFeatures = new Set(
    ruleKeys.flatMap((k) => {
      const f = /^\w+/.exec(k)?.[0] ?? k;
      return [f, ...(DERIVED[f] ?? [])];
    }),
  );
  return model.comparisons.map((c) => {
    const fs = new Set<string>([c.missing, ...c.levels.flatMap(featuresOfLevel)]);
    for (const f of keyFeatures) if (fs.has(f)) return true;
    return false;
  });
}

function levelRows(
  scorer: Scorer,
  S: PreparedSet,
  pairs: readonly [Int32Array, Int32Array],
  rows: number,
): Uint8Array {
  const width = scorer.comparisons.length;
  const out = new Uint8Array(rows * width);
  const bound = scorer.bind(S, S);
  for (let r = 0; r < rows; r++) bound.levels(pairs[0][r]!, pairs[1][r]!, out, r * width);
  return out;
}

function randomPairs(
  S: PreparedSet,
  count: number,
  rand: () => number,
  origin?: Uint8Array,
): [Int32Array, Int32Array] {
  const a = new Int32Array(count);
  const b = new Int32Array(count);
  const left = origin ? [...Array(S.n).keys()].filter((i) => origin[i] === 0) : null;
  const right = origin ? [...Array(S.n).keys()].filter((i) => origin[i] === 1) : null;
  for (let k = 0; k < count; k++) {
    if (left && right) {
      a[k] = left[Math.floor(rand() * left.length)]!;
      b[k] = right[Math.floor(rand() * right.length)]!;
    } else {
      const i = Math.floor(rand() * S.n);
      let j = Math.floor(rand() * (S.n - 1));
      if (j >= i) j++;
      a[k] = i;
      b[k] = j;
    }
  }
  return [a, b];
}

/** u per level from random pairs' levels, smoothed towards the model's u so unseen levels stay finite. */
function estimateU(model: MatchModel, rows: Uint8Array, count: number): number[][] {
  const width = model.comparisons.length;
  return model.comparisons.map((c, ci) => {
    const counts = new Float64Array(c.levels.length);
    let total = 0;
    for (let r = 0; r < count; r++) {
      const l = rows[r * width + ci]!;
      if (l > 0) {
        counts[l - 1]!++;
        total++;
      }
    }
    const prior = model.parameters.u[c.name]!;
    return prior.map((p, l) => (counts[l]! + p) / (total + 1));
  });
}

function totalPairs(S: PreparedSet, origin?: Uint8Array): number {
  if (!origin) return (S.n * (S.n - 1)) / 2;
  let left = 0;
  for (let i = 0; i < S.n; i++) if (origin[i] === 0) left++;
  return left * (S.n - left);
}

function samplePairs(c: CandidatePairs, max: number): [Int32Array, Int32Array, Int32Array] {
  const step = Math.max(1, c.count / max);
  const rows = Math.min(c.count, Math.floor(c.count / step));
  const a = new Int32Array(rows);
  const b = new Int32Array(rows);
  const idx = new Int32Array(rows);
  for (let r = 0; r < rows; r++) {
    const k = Math.floor(r * step);
    idx[r] = k;
    a[r] = c.left[k]!;
    b[r] = c.right[k]!;
  }
  return [a, b, idx];
}

type Session = TrainingReport['sessions'][number];

/**
 * EM sessions, one per blocking rule, on the sampled pairs that rule found. Returns m per
 * comparison, averaged over the sessions that estimated it, weighted by their expected matches.
 */
function emSessions(
  model: MatchModel,
  candidates: CandidatePairs,
  sample: Sample,
  u: number[][],
): { m: number[][]; sessions: Session[] } {
  const width = model.comparisons.length;
  const sums = model.comparisons.map((c) => new Float64Array(c.levels.length));
  const weights = new Float64Array(width);
  const sessions: Session[] = [];
  model.blocking.rules.forEach((rule, r) => {
    const ids = candidates.ruleIds[r]!;
    // Pairs of a block compared by sorted neighbourhood are close in birth date by construction:
    // EM would take "born close together" for "same person", so they stay out of the sessions.
    const windowed = candidates.windowedKeys[r] ?? null;
    const sel: number[] = [];
    for (let k = 0; k < sample.a.length; k++) {
      const key = ids[sample.a[k]!]!;
      if (key >= 0 && key === ids[sample.b[k]!] && !windowed?.[key]) sel.push(k);
    }
    if (sel.length < 20) return;
    const sub = new Uint8Array(sel.length * width);
    sel.forEach((k, x) => sub.set(sample.rows.subarray(k * width, k * width + width), x * width));
    const fixed = fixedBy(model, rule.keys);
    const m0 = model.comparisons.map((c) => [...model.parameters.m[c.name]!]);
    const res = runEm({ patterns: aggregatePatterns(sub, sel.length, width), m: m0, u, fixed, lambda: 0.3 });
    const expected = res.lambda * sel.length;
    const estimated: string[] = [];
    model.comparisons.forEach((c, ci) => {
      if (fixed[ci]) return;
      estimated.push(c.name);
      weights[ci]! += expected;
      res.m[ci]!.forEach((v, l) => (sums[ci]![l]! += v * expected));
    });
    sessions.push({
      rule: rule.name,
      pairs: sel.length,
      lambda: res.lambda,
      iterations: res.iterations,
      estimated,
    });
  });
  const m = model.comparisons.map((c, ci) =>
    weights[ci]! > 0 ? [...sums[ci]!].map((v) => v / weights[ci]!) : [...model.parameters.m[c.name]!],
  );
  return { m, sessions };
}

/** The most matching pairs per record a deduplicated list is believed to hold (see priorOf). */
const MAX_PAIRS_PER_RECORD = 3;

/**
 * The prior from EM's expected number of matches among `possible` pairs of `n` records. A list
 * describes each person a few times at most: in deduplication, more than three expected matching
 * pairs per record means EM has taken namesakes for one person, as it does on large files where
 * namesakes fill the name blocks (48,644 generated records: 2.1 per record against 0.8 true; a
 * million: 27 against 0.6), and the prior is held to the plausible count.
 */
export function priorOf(expectedMatches: number, n: number, possible: number, linking: boolean): number {
  const plausible = linking ? expectedMatches : Math.min(expectedMatches, MAX_PAIRS_PER_RECORD * n);
  return Math.min(0.5, Math.max(1e-12, plausible / Math.max(1, possible)));
}

/**
 * The prior as a fixed point of the model's own scores: the expected number of matches is the sum of
 * the match probabilities of the candidate pairs (estimated from an even sample of them, term-frequency
 * adjustments included), and those probabilities depend on the prior. Pairs blocking never proposed
 * count as non-matches. EM's pattern counts overstate matches on large files, where a record holding
 * little more than a common name resembles dozens of namesakes equally well: at 100,000 generated
 * records they gave 6.0e-5 against a true 1.6e-5, and this fixed point 1.7e-5; on FEBRL, fake_1000 and
 * small generated files both agree with the truth within a few per cent.
 * `weights` are the sampled pairs' match weights under `prior`; returns the settled prior.
 */
export function settlePrior(
  weights: Float64Array,
  scale: number,
  prior: number,
  possible: number,
  maxPrior: number,
): number {
  const base = Math.log2(prior / (1 - prior));
  let p = prior;
  for (let iteration = 0; iteration < 50; iteration++) {
    const shift = Math.log2(p / (1 - p)) - base;
    let expected = 0;
    for (let k = 0; k < weights.length; k++) expected += 1 / (1 + Math.pow(2, -(weights[k]! + shift)));
    const next = Math.min(maxPrior, Math.max(1e-12, (expected * scale) / Math.max(1, possible)));
    const settled = Math.abs(next - p) <= 1e-3 * p;
    p = next;
    if (settled) break;
  }
  return p;
}

/** Sampled candidate pairs and their comparison levels (row-major). */
interface Sample {
  readonly a: Int32Array;
  readonly b: Int32Array;
  readonly rows: Uint8Array;
}

/**
 * The pairs training compares: random pairs (for u), then a spread of candidate pairs (for EM), as
 * one list so that their levels can be computed in one pass, anywhere (see `fitOnLevels`).
 */
export interface TrainingPairs {
  readonly left: Int32Array;
  readonly right: Int32Array;
  /** The first `random` pairs are random; the rest are sampled candidates. */
  readonly random: number;
  readonly count: number;
}

/** Random pairs for u, as `trainingPairs` draws them (they need no candidates: see the pipeline). */
export interface RandomPairs {
  readonly left: Int32Array;
  readonly right: Int32Array;
  readonly count: number;
}

/** Draws the random pairs of `trainingPairs` (the same for the same set and seed). */
export function randomTrainingPairs(S: PreparedSet, opts: TrainingOptions = {}): RandomPairs {
  const rand = randomSource(opts.seed ?? 42);
  const possible = totalPairs(S, opts.origin);
  const count = Math.max(1, Math.min(opts.uSamples ?? 200_000, Math.floor(possible)));
  const [left, right] = randomPairs(S, count, rand, opts.origin);
  return { left, right, count };
}

/** Draws the pairs `trainUnsupervised` compares; `random` when its random pairs are drawn already. */
export function trainingPairs(
  S: PreparedSet,
  candidates: CandidatePairs,
  opts: TrainingOptions = {},
  random: RandomPairs = randomTrainingPairs(S, opts),
): TrainingPairs {
  const nRandom = random.count;
  const [a, b] = samplePairs(candidates, opts.emSamples ?? 300_000);
  const left = new Int32Array(new SharedArrayBuffer(Math.max(1, nRandom + a.length) * 4));
  const right = new Int32Array(new SharedArrayBuffer(Math.max(1, nRandom + a.length) * 4));
  left.set(random.left.subarray(0, nRandom));
  left.set(a, nRandom);
  right.set(random.right.subarray(0, nRandom));
  right.set(b, nRandom);
  return { left, right, random: nRandom, count: nRandom + a.length };
}

/**
 * Trains a model on the data itself, without labels. Returns a new model (new version); the input
 * model is not changed.
 */
export function trainUnsupervised(
  S: PreparedSet,
  model: MatchModel,
  candidates: CandidatePairs,
  opts: TrainingOptions = {},
): { model: MatchModel; report: TrainingReport } {
  const pairs = trainingPairs(S, candidates, opts);
  const rows = levelRows(createScorer(model), S, [pairs.left, pairs.right], pairs.count);
  const fit = fitOnLevels(S, model, candidates, pairs, rows, opts);
  const em = createScorer(fit.model).bind(S, S);
  const weights = new Float64Array(fit.a.length);
  for (let r = 0; r < fit.a.length; r++) weights[r] = em.weight(fit.a[r]!, fit.b[r]!);
  return settleTraining(model, fit, weights);
}

/**
 * What EM found before the prior is settled: the model at EM's prior, and the candidate pairs whose
 * weights under it settle the prior (see `settleTraining`).
 */
export interface EmFit {
  /** The model with EM's m and u at EM's prior. */
  readonly model: MatchModel;
  /** The sampled candidate pairs (left, right) to weigh under `model`. */
  readonly a: Int32Array;
  readonly b: Int32Array;
  readonly candidates: number;
  readonly possible: number;
  readonly maxPrior: number;
  readonly report: Omit<TrainingReport, 'expectedMatches' | 'prior'>;
}

/**
 * The EM part of training once the levels of its pairs are known (`rows`: one row of comparison
 * levels per pair of `trainingPairs`, row-major): u from the random pairs, m by EM sessions over
 * the sampled candidates, and EM's own prior. `settleTraining` finishes it.
 */
export function fitOnLevels(
  S: PreparedSet,
  model: MatchModel,
  candidates: CandidatePairs,
  pairs: TrainingPairs,
  rows: Uint8Array,
  opts: TrainingOptions = {},
): EmFit {
  const width = model.comparisons.length;
  const possible = totalPairs(S, opts.origin);
  const nRandom = pairs.random;
  const u = estimateU(model, rows, nRandom);
  const sample: Sample = {
    a: pairs.left.subarray(nRandom, pairs.count),
    b: pairs.right.subarray(nRandom, pairs.count),
    rows: rows.subarray(nRandom * width, pairs.count * width),
  };
  const { m, sessions } = emSessions(model, candidates, sample, u);
  const lambda = estimateLambda(aggregatePatterns(sample.rows, sample.a.length, width), m, u, 0.1);
  const linking = opts.origin !== undefined;
  const emPrior = priorOf(lambda * candidates.count, S.n, possible, linking);
  const parameters = {
    prior: emPrior,
    tfWeight: model.parameters.tfWeight,
    m: Object.fromEntries(model.comparisons.map((c, ci) => [c.name, m[ci]!])),
    u: Object.fromEntries(model.comparisons.map((c, ci) => [c.name, u[ci]!])),
  };
  return {
    model: { ...model, parameters },
    a: sample.a,
    b: sample.b,
    candidates: candidates.count,
    possible,
    maxPrior: priorOf(Infinity, S.n, possible, linking),
    report: { randomPairs: nRandom, sessions, emPrior },
  };
}

/**
 * The trained model from an EM fit and the match weights of its sampled pairs under `fit.model`
 * (in the order of `fit.a`/`fit.b`): the prior settled against those weights, a new version.
 */
export function settleTraining(
  input: MatchModel,
  fit: EmFit,
  weights: Float64Array,
): { model: MatchModel; report: TrainingReport } {
  const emPrior = fit.report.emPrior;
  const prior =
    weights.length > 0
      ? settlePrior(weights, fit.candidates / weights.length, emPrior, fit.possible, fit.maxPrior)
      : emPrior;
  const parameters = { ...fit.model.parameters, prior };
  const trained: MatchModel = { ...input, parameters, version: versionOf(input.version, 'em', parameters) };
  return { model: trained, report: { ...fit.report, expectedMatches: prior * fit.possible, prior } };
}
