/**
 * Synthetic data for matching: a population of Ukrainian soldiers and civilians and the lists that
 * different sources write of it (Ukrainian and Russian Cyrillic, several romanisations, typical
 * errors), with the truth. Deterministic for a seed.
 */
export { generatePopulation, lazyPopulation, personAt, personId } from './population.js';
export type { PopulationOptions } from './population.js';
export { renderSource, resolveStyle, sourceInfo } from './render-source.js';
export type { RenderOptions, SourceInfo } from './render-source.js';
export { TRUTH_HEADER, datasetFiles, datasetSources, generate } from './dataset.js';
export { chunksInWorker } from './parallel.js';
export type { DatasetFile, GenerateOptions, GeneratedDataset, GeneratedSource, TruthRow } from './dataset.js';
export { STYLES, STYLE_ORDER, fieldMapping, styleForSource } from './styles.js';
export type { ColumnSpec, NoiseSettings, SourceStyle, StyleName } from './styles.js';
export { DATE_FORMATS, ageAt, formatDate, parseFormattedDate } from './dates.js';
export type { DateFormat } from './dates.js';
export { csvLine } from './csv-line.js';
export type {
  CivilDate,
  FieldType,
  Lookalike,
  Person,
  PlaceRef,
  PopulationLike,
  SourceRecord,
  UnitRef,
} from './types.js';
