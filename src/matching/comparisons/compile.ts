/** Turns comparison specs into functions that give a pair's level. */
import type { PreparedSet } from '../record/index.js';
import { LIST_FEATURES, NUMBER_FEATURES, type ListFeature, type NumberFeature } from '../record/index.js';
import type { AnyFeature, ComparisonSpec } from './level-spec.js';
import {
  compileScore,
  compileTest,
  type BoundPredicate,
  type BoundScore,
  type PairPredicate,
  type PairScore,
} from './level-tests.js';

/** Level index of the implicit "missing" level; level k ≥ 1 is `spec.levels[k - 1]`. */
export const MISSING_LEVEL = 0;

/** A comparison's level function bound to two sets: the level of record i of A against j of B. */
export type BoundLevel = (i: number, j: number) => number;

/** A comparison ready to run. */
export interface CompiledComparison {
  readonly spec: ComparisonSpec;
  /** Number of levels including the missing level. */
  readonly size: number;
  /**
   * The level function for pairs of two sets, their columns resolved once: what a loop over many
   * pairs of the same sets calls. Each binding has its own memo of similarities.
   */
  readonly bind: (A: PreparedSet, B: PreparedSet) => BoundLevel;
  /** The pair's level: 0 when a value is missing, else 1 + index of the first passing level. */
  readonly levelOf: (A: PreparedSet, i: number, B: PreparedSet, j: number) => number;
}

const LISTS: ReadonlySet<string> = new Set(LIST_FEATURES);
const NUMBERS: ReadonlySet<string> = new Set(NUMBER_FEATURES);

/** A test of presence on one record for any feature kind, bound to its set. */
export function presence(f: AnyFeature): (S: PreparedSet) => (i: number) => boolean {
  if (LISTS.has(f)) {
    const lf = f as ListFeature;
    return (S) => {
      const offsets = S.list[lf].offsets;
      return (i) => offsets[i + 1]! > offsets[i]!;
    };
  }
  if (NUMBERS.has(f)) {
    const nf = f as NumberFeature;
    return (S) => {
      const col = S.num[nf];
      return (i) => col[i] !== 0;
    };
  }
  const sf = f as Exclude<AnyFeature, ListFeature | NumberFeature>;
  return (S) => {
    const col = S.str[sf];
    return (i) => col[i]! >= 0;
  };
}

/** Compiles a comparison spec. Similarity levels on one feature share one computed score per pair. */
export function compileComparison(spec: ComparisonSpec): CompiledComparison {
  const has = presence(spec.missing);
  const n = spec.levels.length;
  const tests: (PairPredicate | null)[] = [];
  const slot = new Int32Array(n).fill(-1);
  const threshold = new Float64Array(n);
  const keys: string[] = [];
  const scores: PairScore[] = [];
  spec.levels.forEach((level, k) => {
    const sc = compileScore(level);
    if (!sc) {
      tests.push(compileTest(level));
      return;
    }
    let s = keys.indexOf(sc.key);
    if (s < 0) {
      s = keys.length;
      keys.push(sc.key);
      scores.push(sc.score);
    }
    tests.push(null);
    slot[k] = s;
    threshold[k] = sc.threshold;
  });
  // Bit s of `known` says the shared score s was computed for the current pair (at most 31 scores).
  if (keys.length > 31) throw new Error(`comparison ${spec.name} has more than 31 similarity scores`);

  function bind(A: PreparedSet, B: PreparedSet): BoundLevel {
    const hasA = has(A);
    const hasB = has(B);
    const bound: (BoundPredicate | null)[] = tests.map((t) => (t ? t(A, B) : null));
    const boundScores: BoundScore[] = scores.map((s) => s(A, B));
    const cache = new Float64Array(keys.length);
    return (i, j) => {
      if (!hasA(i) || !hasB(j)) return MISSING_LEVEL;
      let known = 0;
      for (let k = 0; k < n; k++) {
        const t = bound[k];
        if (t) {
          if (t(i, j)) return k + 1;
          continue;
        }
        const s = slot[k]!;
        let v: number;
        if (known & (1 << s)) v = cache[s]!;
        else {
          v = cache[s] = boundScores[s]!(i, j);
          known |= 1 << s;
        }
        if (v >= threshold[k]!) return k + 1;
      }
      return n;
    };
  }

  let lastA: PreparedSet | null = null;
  let lastB: PreparedSet | null = null;
  let last: BoundLevel | null = null;
  return {
    spec,
    size: n + 1,
    bind,
    levelOf(A, i, B, j) {
      if (A !== lastA || B !== lastB || !last) {
        last = bind(A, B);
        lastA = A;
        lastB = B;
      }
      return last(i, j);
    },
  };
}
