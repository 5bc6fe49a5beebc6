/** Scoring and explanation of pairs. */
export {
  createScorer,
  probabilityOf,
  weightOf,
  type BoundScorer,
  type Scorer,
  type Explanation,
  type Contribution,
} from './scorer.js';
