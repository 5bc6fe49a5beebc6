/**
 * Table types for Kysely. Columns are portable across SQLite and PostgreSQL: text ids and ISO
 * timestamps, integers for booleans, JSON as text. Append-only tables are marked; the database
 * rejects UPDATE and DELETE on them (see migrations/0001-initial.ts).
 */
import type { Generated } from 'kysely';

export interface PersonsTable {
  id: string;
  /** A small integer given once (nextPersonSeqs), by which the key tables name the person. */
  seq: number;
  version: number;
  merged_into: string | null;
  created_at: string;
  updated_at: string;
}

export interface SourcesTable {
  id: string;
  kind: string;
  title: string;
  publisher: string | null;
  published: string | null;
  language: string | null;
  reliability: string;
  url: string | null;
  notes: string | null;
  created_at: string;
  created_by: string;
  version: number;
}

/** Append-only. */
export interface ClaimsTable {
  id: string;
  person_id: string;
  field: string;
  value: string; // JSON
  confidence: string;
  sensitivity: string;
  source_id: string;
  batch_id: string | null;
  asserted_at: string | null;
  recorded_at: string;
  recorded_by: string;
  supersedes: string | null;
  reason: string | null;
  /** Identity of the source row this claim came from (imports), for idempotency. */
  row_ref: string | null;
}

/** Append-only. */
export interface ClaimRetractionsTable {
  claim_id: string;
  reason: string;
  recorded_at: string;
  recorded_by: string;
}

/** Append-only. */
export interface StatusEventsTable {
  id: string;
  person_id: string;
  kind: string;
  date: string | null; // canonical partial date ("2022-05", "~2022")
  date_from: string | null; // earliest day it may stand for, for ordering and filters
  date_to: string | null;
  place_id: string | null;
  place_text: string | null;
  from_place_id: string | null;
  severity: string | null;
  details: string | null;
  confidence: string;
  source_id: string;
  batch_id: string | null;
  recorded_at: string;
  recorded_by: string;
  row_ref: string | null;
}

/** Append-only. */
export interface EventRetractionsTable {
  event_id: string;
  reason: string;
  recorded_at: string;
  recorded_by: string;
}

export interface PlacesTable {
  id: string;
  name: string;
  kind: string;
  parent_id: string | null;
  variants: string; // JSON array
  latitude: number | null;
  longitude: number | null;
  version: number;
}

/** Derived: folded names and variants of places, for lookups. */
export interface PlaceNamesTable {
  place_id: string;
  folded: string;
}

/** Append-only. */
export interface MergesTable {
  id: string;
  survivor_id: string;
  merged_id: string;
  reason: string;
  model_version: string | null;
  evidence: string | null; // JSON
  recorded_at: string;
  recorded_by: string;
}

/** Append-only. */
export interface MergeUndosTable {
  merge_id: string;
  reason: string;
  recorded_at: string;
  recorded_by: string;
}

export interface UsersTable {
  id: string;
  username: string;
  display_name: string;
  role: string;
  password_hash: string;
  disabled: number;
  created_at: string;
  version: number;
}

export interface SessionsTable {
  id_hash: string;
  user_id: string;
  csrf_token: string;
  created_at: string;
  expires_at: string;
}

export interface ApiTokensTable {
  id: string;
  user_id: string;
  name: string;
  token_hash: string;
  created_at: string;
  expires_at: string | null;
  revoked_at: string | null;
}

export interface SetupTokensTable {
  token_hash: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

/** Append-only, hash-chained. */
export interface AuditLogTable {
  seq: number;
  at: string;
  actor_id: string;
  action: string;
  subject_type: string;
  subject_id: string | null;
  details: string; // JSON
  prev_hash: string;
  hash: string;
}

export interface ImportBatchesTable {
  id: string;
  source_id: string;
  file_name: string;
  format: string;
  file_sha256: string;
  mapping: string; // JSON
  state: string;
  counts: string; // JSON
  created_at: string;
  created_by: string;
  /** JSON: the import report (rejected rows capped). */
  report: string | null;
  finished_at: string | null;
}

/** Named column mappings for imports. */
export interface ImportPresetsTable {
  id: string;
  name: string;
  mapping: string; // JSON
  options: string; // JSON
  created_at: string;
  created_by: string;
  version: number;
}

/** Derived: the last content imported per source row, for idempotent re-imports. */
export interface ImportRowsTable {
  source_id: string;
  row_ref: string;
  content_hash: string;
  person_id: string;
  batch_id: string;
}

/**
 * Derived: blocking keys per person, maintained on every write, so a search never scans. Ordered
 * by key; `person_keys` holds the same rows ordered by person (see src/app/key-rows.ts). Persons
 * are named by `persons.seq`, which keeps the rows small (migration 0014).
 */
export interface BlockingKeysTable {
  person_seq: number;
  key: string;
}

/** Derived: the rows of `blocking_keys`, ordered by (person_seq, key), for reads by person. */
export type PersonKeysTable = BlockingKeysTable;

/** Derived: an unmerged person's match records as JSON, rebuilt with its blocking keys. */
export interface MatchRecordsTable {
  person_id: string;
  records: string;
}

/** Derived: current status per person, maintained on every event write, for filters and counts. */
export interface PersonStatusTable {
  person_id: string;
  state: string;
  place_id: string | null;
  since_from: string | null;
  wounded: number;
}

/** Scored pairs waiting for (or having had) an officer's decision: the review queue. */
export interface MatchCandidatesTable {
  id: string;
  kind: string;
  left_id: string;
  right_id: string;
  probability: number;
  weight: number;
  explanation: string; // JSON
  model_version: string;
  status: string;
  created_at: string;
  updated_at: string;
}

/** Append-only. */
export interface MatchDecisionsTable {
  id: string;
  candidate_id: string;
  decision: string;
  reason: string | null;
  model_version: string;
  probability: number;
  explanation: string;
  merge_id: string | null;
  recorded_at: string;
  recorded_by: string;
}

/** Matching models: every stored version; at most one has active = 1. */
export interface MatchModelsTable {
  version: string;
  json: string;
  created_at: string;
  created_by: string;
  how: string; // default | em | decisions
  metrics: string; // JSON
  active: number;
}

export interface EnquiriesTable {
  id: string;
  status: string;
  outcome: string | null;
  enquirer: string;
  consent: string;
  sought: string;
  circumstances: string;
  person_id: string | null;
  new_candidates: number;
  version: number;
  created_at: string;
  created_by: string;
  updated_at: string;
}

/** Append-only. */
export interface EnquiryStepsTable {
  id: string;
  enquiry_id: string;
  from_status: string | null;
  to_status: string;
  outcome: string | null;
  note: string | null;
  recorded_at: string;
  recorded_by: string;
}

/** Derived: blocking keys of the sought person, so new registry data finds open enquiries by index. */
export interface EnquiryKeysTable {
  enquiry_id: string;
  key: string;
}

export interface ExchangeListsTable {
  id: string;
  name: string;
  kind: string;
  counterpart: string | null;
  notes: string | null;
  source_id: string;
  created_at: string;
  created_by: string;
  version: number;
}

export interface ExchangeEntriesTable {
  id: string;
  list_id: string;
  position: number;
  person_id: string | null;
  submitted: string | null;
  status: string;
  verification: string | null;
  event_id: string | null;
  version: number;
  updated_at: string;
}

/** Append-only. */
export interface ExchangeEntryStepsTable {
  id: string;
  entry_id: string;
  from_status: string | null;
  to_status: string;
  note: string | null;
  recorded_at: string;
  recorded_by: string;
}

export interface ReportsTable {
  id: string;
  source_id: string;
  title: string | null;
  published: string | null;
  publisher: string | null;
  language: string | null;
  url: string | null;
  content_sha256: string;
  extraction: string;
  created_at: string;
  created_by: string;
}

export interface ReportLeadsTable {
  id: string;
  report_id: string;
  mention_index: number;
  name: string;
  candidates: string;
  status: string;
  person_id: string | null;
  decided_at: string | null;
  decided_by: string | null;
  version: number;
}

export interface DB {
  reports: ReportsTable;
  report_leads: ReportLeadsTable;
  enquiries: EnquiriesTable;
  enquiry_steps: EnquiryStepsTable;
  enquiry_keys: EnquiryKeysTable;
  exchange_lists: ExchangeListsTable;
  exchange_entries: ExchangeEntriesTable;
  exchange_entry_steps: ExchangeEntryStepsTable;
  match_candidates: MatchCandidatesTable;
  match_decisions: MatchDecisionsTable;
  match_models: MatchModelsTable;
  persons: PersonsTable;
  sources: SourcesTable;
  claims: ClaimsTable;
  claim_retractions: ClaimRetractionsTable;
  status_events: StatusEventsTable;
  event_retractions: EventRetractionsTable;
  places: PlacesTable;
  place_names: PlaceNamesTable;
  merges: MergesTable;
  merge_undos: MergeUndosTable;
  users: UsersTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  setup_tokens: SetupTokensTable;
  audit_log: AuditLogTable;
  import_batches: ImportBatchesTable;
  import_presets: ImportPresetsTable;
  import_rows: ImportRowsTable;
  blocking_keys: BlockingKeysTable;
  person_keys: PersonKeysTable;
  match_records: MatchRecordsTable;
  person_status: PersonStatusTable;
}

/** Tables whose rows the database refuses to update or delete. */
export const APPEND_ONLY_TABLES = [
  'claims',
  'claim_retractions',
  'status_events',
  'event_retractions',
  'merges',
  'merge_undos',
  'audit_log',
  'match_decisions',
  'enquiry_steps',
  'exchange_entry_steps',
] as const;

export type { Generated };
