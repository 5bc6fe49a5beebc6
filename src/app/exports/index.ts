/** Exports: persons out as CSV, XLSX, PFIF 1.4 or JSON Lines (see README.md). */
export { exportPersons } from './run-export.js';
export type { ExportStream } from './run-export.js';
export { ExportOptions, EXPORT_FORMATS, EXPORT_FIELDS, DEFAULT_EXPORT_FIELDS } from './types.js';
export type { ExportFormat, ExportField } from './types.js';
export { exportExchangeList, ExchangeExportOptions, EXCHANGE_EXPORT_FIELDS } from './exchange-list.js';
