/** The record model: field types, raw records, prepared feature columns, header mapping. */
export { FIELD_TYPES, isFieldType, type FieldType, type MatchRecord } from './field-types.js';
export {
  STRING_FEATURES,
  LIST_FEATURES,
  NUMBER_FEATURES,
  TF_FEATURES,
  type StringFeature,
  type ListFeature,
  type NumberFeature,
  type ListColumn,
  type PreparedSet,
  type PreparedRecord,
} from './features.js';
export { FeatureCaches, PreparedStore, prepare, preparedRecords } from './prepare.js';
export { prepareInParallel, type PrepareOptions } from './prepare-parallel.js';
export { parseDate, birthYearsFromAge, type ParsedDate } from './parse-date.js';
export { autoMapHeaders, fieldTypeForHeader, headerKey } from './header-map.js';
export { normaliseSex, normaliseText, normalisePlace, normaliseId, normalisePhone } from './normalise.js';
