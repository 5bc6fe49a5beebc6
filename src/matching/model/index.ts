/** The Fellegi–Sunter model: its JSON document, the default model, EM and training. */
export {
  defaultModel,
  parseModel,
  serialiseModel,
  modelForFields,
  type MatchModel,
  type ModelParameters,
  type BlockingRuleSpec,
} from './match-model.js';
export {
  runEm,
  aggregatePatterns,
  estimateLambda,
  type EmInput,
  type EmResult,
  type PatternTable,
} from './em.js';
export {
  trainUnsupervised,
  trainingPairs,
  randomTrainingPairs,
  fitOnLevels,
  settleTraining,
  randomSource,
  type EmFit,
  type RandomPairs,
  type TrainingOptions,
  type TrainingPairs,
  type TrainingReport,
} from './train.js';
export { trainFromDecisions, type LabelledPair } from './decisions.js';
