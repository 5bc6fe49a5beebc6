/**
 * Reports: news and official statements turned into attributed figures, person mentions, places,
 * quotes and framing, reconciled across reports. Pure: no database, no network, no file system.
 * See README.md for the map of files and docs/reports.md for the pipeline and grammar.
 */
export type {
  CountQualifier,
  Figure,
  FigureCategory,
  FramingTerm,
  OrganizationMention,
  PersonMention,
  PersonStatus,
  PlaceKind,
  PlaceMention,
  PublicationDating,
  Quote,
  ReportExtraction,
  ReportInput,
  SkippedNumber,
  TimeWindow,
  WindowKind,
} from './types.js';
export { extractReport } from './extract/extract-report.js';
export { reconcile } from './reconcile/index.js';
export type {
  FigureSeries,
  FramingDifference,
  PersonAcrossReports,
  ReconciledReports,
  Reconciliation,
} from './reconcile/index.js';
export { buildReportsDocument, extractReportFromBytes } from './document.js';
export type { ReportsDocument } from './document.js';
export { MAX_INPUT_BYTES } from './input/guard.js';
