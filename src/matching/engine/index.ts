/** Batch deduplication and linkage, ranked search, and evaluation against truth. */
export { dedupe, type DedupeResult } from './dedupe.js';
export { link, type Link, type LinkOptions, type LinkResult } from './link.js';
export { rankCandidates, type RankedCandidate } from './rank.js';
export {
  batchThreshold,
  runPipeline,
  type PipelineOptions,
  type PipelineRun,
  type Progress,
} from './pipeline.js';
export { scorePairs, type ScoreOptions } from './score-pairs.js';
export { pairwiseScores, bcubedScores, blockingRecall, linkScores, type Scores } from './evaluate.js';
