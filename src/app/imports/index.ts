/**
 * Imports: lists in, through one flow for every format (see README.md). The public surface of
 * app/imports; create-app.ts binds these use cases as `app.imports`.
 */
export { runImport, counts as reportCounts } from './run-import.js';
export { savePreset, listPresets, buildMapping } from './mapping.js';
export type { ImportPreset, ColumnMapping } from './mapping.js';
export { listBatches, getBatchReport } from './batches.js';
export type { BatchSummary } from './batches.js';
export { IMPORT_PROBLEM_CODES, ImportOptions, REPORT_LIST_LIMIT } from './types.js';
export type { ImportReport, RowReject, ImportProgress, ImportControl } from './types.js';
export { ImportJobs } from './jobs.js';
export type { ImportJob, JobState } from './jobs.js';
export { PFIF_PERSON_TAG, PFIF_NOTE_TAG, parseRecord, serialiseRecord, noteEventKind } from './pfif-facts.js';
