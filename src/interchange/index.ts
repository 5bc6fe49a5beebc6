/**
 * interchange/: lists in and out. Pure readers and writers of CSV, HXL, XLSX, PFIF 1.4 and JSON Lines
 * as streams of plain records, with located row-level errors; header mapping and list-date parsing.
 * No database, no HTTP. See README.md for the map of files and docs/interchange.md for the formats.
 */
export type { TableReader, TableRow, ReadOptions, OnError } from './table.js';
export type { RowIssueCode } from './issues.js';

// Detection and the one entry point
export { detectFormat, FORMATS } from './format/detect-format.js';
export type { Format } from './format/detect-format.js';
export { openTable } from './format/open-table.js';
export type { OpenTableOptions, OpenedTable } from './format/open-table.js';

// CSV
export { readCsv, MAX_RECORD_CHARS } from './csv/read-csv.js';
export type { CsvReadOptions } from './csv/read-csv.js';
export { detectEncoding } from './csv/encoding.js';
export type { DetectedEncoding } from './csv/encoding.js';
export { sniffDelimiter, DELIMITERS } from './csv/delimiter.js';
export type { Delimiter } from './csv/delimiter.js';

// HXL
export { readHxl } from './hxl/read-hxl.js';
export { parseHashtag, formatHashtag, isHashtagRow } from './hxl/hashtags.js';
export type { Hashtag } from './hxl/hashtags.js';

// XLSX
export { readXlsx, readXlsxSheets, MAX_XLSX_BYTES } from './xlsx/read-xlsx.js';
export type { XlsxReadOptions } from './xlsx/read-xlsx.js';
export { inspectZip, ZIP_LIMITS } from './xlsx/zip-guard.js';
export type { ZipLimits, ZipSummary } from './xlsx/zip-guard.js';

// PFIF
export { readPfif } from './pfif/read-pfif.js';
export type { PfifRecord, PfifReadOptions } from './pfif/read-pfif.js';
export { readPfifTable } from './pfif/pfif-table.js';
export { writePfif } from './pfif/write-pfif.js';
export type { PfifOutRecord } from './pfif/write-pfif.js';
export {
  PFIF_NS,
  PERSON_FIELDS,
  NOTE_FIELDS,
  NOTE_STATUSES,
  RENAMED_FIELDS as PFIF_RENAMED_FIELDS,
} from './pfif/fields.js';
export type { PfifPersonField, PfifNoteField } from './pfif/fields.js';

// JSON Lines
export { readJsonl, readJsonlTable, MAX_LINE_CHARS } from './jsonl/read-jsonl.js';
export type { JsonlReadOptions, JsonlRecord } from './jsonl/read-jsonl.js';
export { writeJsonl } from './jsonl/write-jsonl.js';

// Writers
export { writeCsv } from './write/write-csv.js';
export type { CsvWriteOptions } from './write/write-csv.js';
export { writeXlsx } from './write/write-xlsx.js';
export type { XlsxWriteOptions } from './write/write-xlsx.js';
export { neutraliseFormula, restoreFormula, looksLikeFormula, escapeXmlText } from './write/escape.js';
export type { OutRow, OutRows, OutCell } from './write/rows.js';

// Header mapping and list dates (pure helpers for imports)
export { FIELD_NAMES, isFieldName } from './mapping/field-names.js';
export type { FieldName } from './mapping/field-names.js';
export { suggestMapping, normaliseHeader } from './mapping/suggest-mapping.js';
export { hxlField } from './mapping/hxl-fields.js';
export { parseListDate } from './dates/parse-list-date.js';
export type { ListDateOptions, ListDateResult, DateOrder } from './dates/parse-list-date.js';
export { monthNumber } from './dates/month-names.js';
