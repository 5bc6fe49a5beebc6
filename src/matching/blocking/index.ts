/** Blocking: keys per record (for the registry's index) and candidate pairs (for batch linkage). */
export {
  blockingKeys,
  blockingKeysMany,
  preparedBlockingKeys,
  compileRule,
  ruleKeyIds,
} from './rule-keys.js';
export {
  candidatePairs,
  candidatePairsWith,
  blockPairs,
  PairBuffer,
  type BlockJob,
  type BlockCounts,
  type BlockRunner,
  type BlockPart,
  type CandidatePairs,
  type BlockingReport,
  type BlockingOptions,
} from './candidate-pairs.js';
