/** Turns comparison specs into functions that give a pair's level. */
import type { PreparedSet } from '../record/index.js';
import { LIST_FEATURES, NUMBER_FEATURES, type ListFeature, type NumberFeature } from '../record/index.js';
import type { AnyFeature, ComparisonSpec } from './level-spec.js';
import { compileTest, type PairPredicate } from './level-tests.js';

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

/** Compiles a comparison spec. */
export function compileComparison(spec: ComparisonSpec): CompiledComparison {
  const has = presence(spec.missing);
  const tests: PairPredicate[] = spec.levels.map(compileTest);
  const n = tests.length;
  return {
    spec,
    size: n + 1,
    levelOf(A, i, B, j) {
      if (!has(A, i) || !has(B, j)) return MISSING_LEVEL;
      for (let k = 0; k < n; k++) if (tests[k]!(A, i, B, j)) return k + 1;
      return n;
    },
  };
}
