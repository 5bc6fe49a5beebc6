/**
 * interchange/: lists in and out. Pure readers and writers of CSV, HXL, XLSX, PFIF 1.4 and JSON Lines
 * as streams of plain records, with located row-level errors. No database, no HTTP.
 */
export type { TableReader, TableRow, ReadOptions, OnError } from './table.js';
export type { RowIssueCode } from './issues.js';
export { readCsv, MAX_RECORD_CHARS } from './csv/read-csv.js';
export type { CsvReadOptions } from './csv/read-csv.js';
export { detectEncoding } from './csv/encoding.js';
export type { DetectedEncoding } from './csv/encoding.js';
export { sniffDelimiter, DELIMITERS } from './csv/delimiter.js';
export type { Delimiter } from './csv/delimiter.js';
