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
  type CandidatePairs,
  type BlockingReport,
  type BlockingOptions,
} from './candidate-pairs.js';
