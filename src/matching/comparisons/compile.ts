/** Turns comparison specs into functions that give a pair's level. */
import type { PreparedSet } from '../record/index.js';
import { LIST_FEATURES, NUMBER_FEATURES, type ListFeature, type NumberFeature } from '../record/index.js';
import type { AnyFeature, ComparisonSpec } from './level-spec.js';
import { compileScore, compileTest, type PairPredicate, type PairScore } from './level-tests.js';

/** Level index of the implicit "missing" level; level k ≥ 1 is `spec.levels[k - 1]`. */
export const MISSING_LEVEL = 0;

/** A comparison ready to run. */
export interface CompiledComparison {
  readonly spec: ComparisonSpec;
  /** Number of levels including the missing level. */
  readonly size: number;
  /** The pair's level: 0 when a value is missing, else 1 + index of the first passing level. */
  readonly levelOf: (A: PreparedSet, i: number, B: PreparedSet, j: number) => number;
}

const LISTS: ReadonlySet<string> = new Set(LIST_FEATURES);
const NUMBERS: ReadonlySet<string> = new Set(NUMBER_FEATURES);

/** A test of presence on one record for any feature kind. */
export function presence(f: AnyFeature): (S: PreparedSet, i: number) => boolean {
  if (LISTS.has(f)) {
    const lf = f as ListFeature;
    return (S, i) => S.list[lf].offsets[i + 1]! > S.list[lf].offsets[i]!;
  }
  if (NUMBERS.has(f)) {
    const nf = f as NumberFeature;
    return (S, i) => S.num[nf][i] !== 0;
  }
  const sf = f as Exclude<AnyFeature, ListFeature | NumberFeature>;
  return (S, i) => S.str[sf][i]! >= 0;
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
  const cache = new Float64Array(keys.length);
  return {
    spec,
    size: n + 1,
    levelOf(A, i, B, j) {
      if (!has(A, i) || !has(B, j)) return MISSING_LEVEL;
      cache.fill(-1);
      for (let k = 0; k < n; k++) {
        const t = tests[k];
        if (t) {
          if (t(A, i, B, j)) return k + 1;
          continue;
        }
        const s = slot[k]!;
        let v = cache[s]!;
        if (v < 0) v = cache[s] = scores[s]!(A, i, B, j);
        if (v >= threshold[k]!) return k + 1;
      }
      return n;
    },
  };
}
