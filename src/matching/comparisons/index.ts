/** Comparisons: ordered levels as data, compiled into allocation-free level functions. */
export type { AnyFeature, ComparisonSpec, LevelSpec, LevelTest } from './level-spec.js';
export {
  compileComparison,
  presence,
  MISSING_LEVEL,
  type BoundLevel,
  type CompiledComparison,
} from './compile.js';
export { compileTest, listSimilarity, type BoundPredicate, type PairPredicate } from './level-tests.js';
