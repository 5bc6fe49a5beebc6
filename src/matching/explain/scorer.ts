/**
 * Fellegi–Sunter scoring. A pair's match weight is the prior's log-odds plus, for each comparison,
 * log2(m/u) of the level the pair falls in (0 for "missing"), plus the term-frequency adjustment
 * of exact agreement on a value: agreeing on a rare surname says more than agreeing on a common one.
 * Explanations list exactly these terms, so they add up to the weight.
 */
import type { PreparedSet, StringFeature } from '../record/index.js';
import {
  compileComparison,
  presence,
  type CompiledComparison,
  type LevelSpec,
} from '../comparisons/index.js';
import type { MatchModel } from '../model/match-model.js';

/** One comparison's part in a pair's weight. */
export interface Contribution {
  readonly comparison: string;
  readonly level: number;
  readonly label: string;
  /** Bits added to the weight, including `tfAdjustment`. */
  readonly weight: number;
  readonly tfAdjustment: number;
  readonly m: number | null;
  readonly u: number | null;
}

/** Why a pair scored what it did. `prior + Σ contributions[].weight === weight`. */
export interface Explanation {
  readonly weight: number;
  readonly probability: number;
  readonly prior: number;
  readonly contributions: readonly Contribution[];
}

/** A scorer bound to two sets (see `Scorer.bind`). */
export interface BoundScorer {
  /** Match weight of record i of A against record j of B. */
  weight(i: number, j: number): number;
  /**
   * The match weight when it is at least `floor`; otherwise some value below `floor` (a bound),
   * found without comparing what can no longer lift the pair to it.
   */
  weightAbove(i: number, j: number, floor: number): number;
  /** Writes the pair's level for each comparison into `out` from `offset`. */
  levels(i: number, j: number, out: Uint8Array, offset: number): void;
}

/** A model compiled for scoring. */
export interface Scorer {
  readonly model: MatchModel;
  readonly comparisons: readonly CompiledComparison[];
  /** Log-odds of the prior. */
  readonly priorWeight: number;
  /**
   * The scorer for pairs of two sets, their columns resolved once: what a loop over many pairs of
   * the same sets uses. `weight` and `levels` keep the binding of the last two sets they saw.
   */
  bind(A: PreparedSet, B: PreparedSet): BoundScorer;
  /** Match weight of a pair. */
  weight(A: PreparedSet, i: number, B: PreparedSet, j: number): number;
  /** Writes the pair's level for each comparison into `out` from `offset`. */
  levels(A: PreparedSet, i: number, B: PreparedSet, j: number, out: Uint8Array, offset: number): void;
  /** Full explanation of a pair. */
  explain(A: PreparedSet, i: number, B: PreparedSet, j: number): Explanation;
}

/** Bounds on one term-frequency adjustment, in bits: one very rare or very common value must not decide alone. */
const TF_LIMIT = 6;
const EPS = 1e-6;
/** Pseudo-records of prior belief (frequency u) blended with the observed term frequencies. */
const TF_PSEUDO = 500;

/** Match probability of a weight. */
export function probabilityOf(weight: number): number {
  return 1 / (1 + Math.pow(2, -weight));
}

/** Weight of a probability (inverse of probabilityOf). */
export function weightOf(p: number): number {
  const q = Math.min(1 - 1e-12, Math.max(1e-12, p));
  return Math.log2(q / (1 - q));
}

function tfFeature(level: LevelSpec): StringFeature | null {
  return level.tf && level.test === 'exact' ? level.feature : null;
}

/** Compiles a model into a scorer. */
export function createScorer(model: MatchModel): Scorer {
  const comparisons = model.comparisons.map(compileComparison);
  const tables = comparisons.map((c) => {
    const m = model.parameters.m[c.spec.name]!;
    const u = model.parameters.u[c.spec.name]!;
    const w = new Float64Array(c.size);
    for (let k = 1; k < c.size; k++) w[k] = Math.log2(Math.max(m[k - 1]!, EPS) / Math.max(u[k - 1]!, EPS));
    return w;
  });
  const tf = comparisons.map((c) => c.spec.levels.map(tfFeature));
  const priorWeight = weightOf(model.parameters.prior);
  const tfWeight = model.parameters.tfWeight;
  const n = comparisons.length;
  const uOf = comparisons.map((c) => model.parameters.u[c.spec.name]!);

  /** Term-frequency adjustment of exact agreement at `level` on record j of B (0 when none applies). */
  function tfAdjust(c: number, level: number, B: PreparedSet, j: number): number {
    const f = tf[c]![level - 1];
    if (!f || tfWeight === 0) return 0;
    const freqs = B.tf[f];
    if (!freqs) return 0;
    return tfAdjustment(freqs, B.tfTotal[f] ?? 0, uOf[c]![level - 1]!, B.str[f][j]!);
  }

  function tfAdjustment(freqs: Float64Array, total: number, u: number, id: number): number {
    const observed = freqs[id]!;
    if (!(observed > 0)) return 0;
    // Shrink the observed frequency towards u: in a small set one record makes a value look common.
    const freq = (observed * total + TF_PSEUDO * u) / (total + TF_PSEUDO);
    const adj = tfWeight * Math.log2(Math.max(u, EPS) / freq);
    return adj > TF_LIMIT ? TF_LIMIT : adj < -TF_LIMIT ? -TF_LIMIT : adj;
  }

  // Levels of all comparisons numbered in one run: comparison c's level l is slot base[c] + l.
  const base = new Int32Array(n);
  for (let c = 1; c < n; c++) base[c] = base[c - 1]! + comparisons[c - 1]!.size;
  const slots = n === 0 ? 0 : base[n - 1]! + comparisons[n - 1]!.size;
  const levelWeight = new Float64Array(slots);
  comparisons.forEach((cmp, c) => levelWeight.set(tables[c]!, base[c]!));

  function bind(A: PreparedSet, B: PreparedSet): BoundScorer {
    const levelOf = comparisons.map((c) => c.bind(A, B));
    // Per level slot with a term-frequency adjustment: the feature's column in B and, computed on
    // first use, the adjustment of every string id of B (the same formula, once per value).
    const tfCol: (Int32Array | null)[] = new Array<Int32Array | null>(slots).fill(null);
    let tfTable: (Float64Array | null)[] | null = null;
    const tables = (): (Float64Array | null)[] => {
      const out = new Array<Float64Array | null>(slots).fill(null);
      comparisons.forEach((cmp, c) => {
        for (let level = 1; level < cmp.size; level++) {
          const f = tf[c]![level - 1];
          const freqs = f && tfWeight !== 0 ? B.tf[f] : undefined;
          if (!f || !freqs) continue;
          const total = B.tfTotal[f] ?? 0;
          const u = uOf[c]![level - 1]!;
          const t = new Float64Array(B.strings.length);
          for (let id = 0; id < t.length; id++) t[id] = tfAdjustment(freqs, total, u, id);
          out[base[c]! + level] = t;
        }
      });
      return out;
    };
    comparisons.forEach((cmp, c) => {
      for (let level = 1; level < cmp.size; level++) {
        const f = tf[c]![level - 1];
        if (f && tfWeight !== 0 && B.tf[f]) tfCol[base[c]! + level] = B.str[f];
      }
    });
    // For weightAbove: which comparisons each record can take part in (its value is present), as
    // one bit per comparison, and the most each comparison can add (its best level with the largest
    // term-frequency bonus; never below 0, the weight of a missing value).
    let masks: [Int32Array, Int32Array] | null = null;
    const maskOf = (S: PreparedSet): Int32Array => {
      const has = comparisons.map((cmp) => presence(cmp.spec.missing)(S));
      const out = new Int32Array(S.n);
      for (let i = 0; i < S.n; i++) {
        let m = 0;
        for (let c = 0; c < n; c++) if (has[c]!(i)) m |= 1 << c;
        out[i] = m;
      }
      return out;
    };
    const most = comparisons.map((cmp, c) => {
      let best = 0;
      for (let level = 1; level < cmp.size; level++) {
        const slot = base[c]! + level;
        best = Math.max(best, levelWeight[slot]! + (tfCol[slot] ? TF_LIMIT : 0));
      }
      return best;
    });
    /** Comparison c's part in the weight of (i, j): its level's weight plus the term-frequency adjustment. */
    const term = (c: number, i: number, j: number): number => {
      const level = levelOf[c]!(i, j);
      if (level === 0) return 0;
      const slot = base[c]! + level;
      const col = tfCol[slot];
      if (!col) return levelWeight[slot]! + 0;
      tfTable ??= tables();
      const id = col[j]!;
      return levelWeight[slot]! + (id < 0 ? 0 : tfTable[slot]![id]!);
    };
    const weight = (i: number, j: number): number => {
      let w = priorWeight;
      for (let c = 0; c < n; c++) w += term(c, i, j);
      return w;
    };
    return {
      weight,
      weightAbove(i, j, floor) {
        if (n > 31) return weight(i, j);
        if (!masks) {
          const ma = maskOf(A);
          masks = [ma, A === B ? ma : maskOf(B)];
        }
        const both = masks[0][i]! & masks[1][j]!;
        // What the comparisons not yet made could still add at most.
        let rest = 0;
        for (let c = 0; c < n; c++) if (both & (1 << c)) rest += most[c]!;
        let w = priorWeight;
        for (let c = 0; c < n; c++) {
          if ((both & (1 << c)) === 0) continue;
          rest -= most[c]!;
          w += term(c, i, j);
          // (A margin for rounding in `rest`, so an exact weight at the floor is never cut short.)
          if (w + rest < floor - 1e-9) return w + rest;
        }
        return w;
      },
      levels(i, j, out, offset) {
        for (let c = 0; c < n; c++) out[offset + c] = levelOf[c]!(i, j);
      },
    };
  }

  let lastA: PreparedSet | null = null;
  let lastB: PreparedSet | null = null;
  let last: BoundScorer | null = null;
  function bound(A: PreparedSet, B: PreparedSet): BoundScorer {
    if (A !== lastA || B !== lastB || !last) {
      last = bind(A, B);
      lastA = A;
      lastB = B;
    }
    return last;
  }

  return {
    model,
    comparisons,
    priorWeight,
    bind,
    weight(A, i, B, j) {
      return bound(A, B).weight(i, j);
    },
    levels(A, i, B, j, out, offset) {
      bound(A, B).levels(i, j, out, offset);
    },
    explain(A, i, B, j) {
      const contributions: Contribution[] = [];
      let w = priorWeight;
      for (let c = 0; c < n; c++) {
        const cmp = comparisons[c]!;
        const level = cmp.levelOf(A, i, B, j);
        const name = cmp.spec.name;
        const adj = level === 0 ? 0 : tfAdjust(c, level, B, j);
        const weight = level === 0 ? 0 : tables[c]![level]! + adj;
        w += weight;
        contributions.push({
          comparison: name,
          level,
          label: level === 0 ? 'missing' : cmp.spec.levels[level - 1]!.label,
          weight,
          tfAdjustment: adj,
          m: level === 0 ? null : model.parameters.m[name]![level - 1]!,
          u: level === 0 ? null : model.parameters.u[name]![level - 1]!,
        });
      }
      return { weight: w, probability: probabilityOf(w), prior: priorWeight, contributions };
    },
  };
}
