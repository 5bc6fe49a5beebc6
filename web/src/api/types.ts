/** The shapes of the API's answers that the application reads (see GET /api/openapi.json). */

export interface PartialDate {
  year: number;
  month?: number;
  day?: number;
  about?: boolean;
}

export type ClaimValue = string | PartialDate | { years: number; asOf: string };

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface Me {
  user: { id: string; username: string | null; displayName: string | null };
  role: string;
  via: string;
  capabilities: string[];
  csrfToken: string | null;
}

export interface PersonSummary {
  id: string;
  version?: number;
  fields: Record<string, string>;
  state: string;
  placeId?: string | null;
  /** Present when the result came from the ranked search. */
  probability?: number;
}

export interface SearchResult {
  items: PersonSummary[];
  modelVersion?: string;
}

export interface FieldValue {
  value: ClaimValue;
  confidence: string;
  claimIds: string[];
  sourceIds: string[];
}

export interface Retraction {
  reason: string;
  recordedAt: string;
  recordedBy: string;
}

export interface Claim {
  id: string;
  field: string;
  value: ClaimValue;
  confidence: string;
  sensitivity: string;
  sourceId: string;
  assertedAt: string | null;
  recordedAt: string;
  supersedes: string | null;
  reason: string | null;
  retraction: Retraction | null;
}

export interface StatusEvent {
  id: string;
  kind: string;
  date: PartialDate | null;
  placeId: string | null;
  placeText: string | null;
  fromPlaceId: string | null;
  severity: string | null;
  details: string | null;
  confidence: string;
  sourceId: string;
  recordedAt: string;
  retraction: Retraction | null;
}

export interface Merge {
  id: string;
  survivorId: string;
  mergedId: string;
  reason: string;
  recordedAt: string;
  undoneAt: string | null;
  undoReason: string | null;
}

export interface PersonDetail {
  person: { id: string; version: number; mergedInto: string | null; createdAt: string; updatedAt: string };
  view: { id: string; fields: Record<string, { best: FieldValue; conflicts: FieldValue[] }> };
  claims: Claim[];
  timeline: StatusEvent[];
  status: {
    state: string;
    since: PartialDate | null;
    placeId: string | null;
    placeText: string | null;
    wounded: boolean;
  };
  sources: { id: string; title: string; kind: string; reliability: string; published: string | null }[];
  merges: Merge[];
  hiddenFields: number;
}

export interface Source {
  id: string;
  kind: string;
  title: string;
  publisher: string | null;
  published: string | null;
  language: string | null;
  reliability: string;
  url: string | null;
  notes: string | null;
  createdAt: string;
  version: number;
}

export interface Place {
  id: string;
  name: string;
  kind: string;
  parentId: string | null;
  variants: string[];
  latitude: number | null;
  longitude: number | null;
  version: number;
}

export interface User {
  id: string;
  username: string;
  displayName: string;
  role: string;
  disabled: boolean;
  createdAt: string;
}

export interface AuditEntry {
  seq: number;
  at: string;
  actorId: string;
  action: string;
  subjectType: string;
  subjectId: string | null;
  details: Record<string, unknown>;
  hash: string;
}

export interface Verification {
  ok: boolean;
  entries: number;
  head: { seq: number; hash: string } | null;
  break: { seq: number; reason: string } | null;
  anchorMismatch: boolean;
}

export interface Stats {
  persons: number;
  byState: Record<string, number>;
  byPlace: { placeId: string | null; placeName: string | null; state: string; count: number }[];
  eventsByMonth: { month: string; kind: string; count: number }[];
}

/** The domain's vocabularies, as the server's schemas list them. */
export const STATES = [
  'unknown',
  'missing',
  'in_custody',
  'hospitalised',
  'released',
  'at_large',
  'dead',
  'in_contact',
] as const;
export const EVENT_KINDS = [
  'surrendered',
  'captured',
  'evacuated',
  'wounded',
  'hospitalised',
  'interned',
  'transferred',
  'visited',
  'tried',
  'sentenced',
  'released',
  'exchanged',
  'repatriated',
  'escaped',
  'died',
  'missing',
  'sighted',
  'contact_restored',
] as const;
export const CONFIDENCE = ['confirmed', 'probable', 'unconfirmed', 'disputed'] as const;
export const SEVERITY = ['light', 'moderate', 'serious', 'critical'] as const;
export const SOURCE_KINDS = ['list', 'capture_card', 'enquiry', 'report', 'officer', 'interchange'] as const;
export const RELIABILITY = ['A', 'B', 'C', 'D', 'E', 'F'] as const;
export const PLACE_KINDS = [
  'country',
  'region',
  'district',
  'town',
  'facility',
  'hospital',
  'detention_site',
  'other',
] as const;
export const ROLES = ['admin', 'registrar', 'tracing_officer', 'analyst', 'auditor'] as const;
export const SEX = ['male', 'female', 'other', 'unknown'] as const;
export const CLAIM_FIELDS = [
  'given_name',
  'family_name',
  'patronymic',
  'name_original',
  'sex',
  'date_of_birth',
  'age',
  'place_of_birth',
  'nationality',
  'rank',
  'unit',
  'service_number',
  'id_number',
  'father_name',
  'mother_name',
  'person_to_inform',
  'address',
  'phone',
  'email',
  'description',
  'health',
  'notes',
] as const;

/** One field's part in a match score. */
export interface Contribution {
  comparison: string;
  level: number;
  label: string;
  weight: number;
  tfAdjustment: number;
}

export interface Explanation {
  weight: number;
  probability: number;
  prior: number;
  contributions: Contribution[];
}

export interface ReviewItem {
  id: string;
  kind: string;
  leftId: string;
  rightId: string;
  probability: number;
  weight: number;
  modelVersion: string;
  status: string;
  createdAt: string;
}

export interface ReviewSide {
  id: string;
  version: number;
  mergedInto: string | null;
  view: { id: string; fields: Record<string, { best: FieldValue; conflicts: FieldValue[] }> };
}

export interface ReviewDetail {
  id: string;
  kind: string;
  status: string;
  stored: { probability: number; weight: number; modelVersion: string; explanation: unknown };
  current: { probability: number; weight: number; modelVersion: string; explanation: Explanation } | null;
  left: ReviewSide;
  right: ReviewSide;
  /** The enquiry of an enquiry candidate (its sought person is `left`); null for a duplicate pair. */
  enquiry: { id: string; status: string; version: number } | null;
}

/** Kinds of review items the queue shows. */
export const REVIEW_KINDS = ['person_person', 'enquiry_person'] as const;

export const REVIEW_STATUSES = ['open', 'unsure', 'accepted', 'rejected', 'stale'] as const;

/** Fields a list column can be mapped to on import. */
export const IMPORT_FIELDS = [
  'given_name',
  'family_name',
  'patronymic',
  'full_name',
  'name_original',
  'date_of_birth',
  'year_of_birth',
  'age',
  'sex',
  'place_of_birth',
  'nationality',
  'rank',
  'unit',
  'service_number',
  'id_number',
  'father_name',
  'mother_name',
  'address',
  'phone',
  'email',
  'status',
  'status_date',
  'place',
  'notes',
  'source_record_id',
] as const;
export const IMPORT_FORMATS = ['csv', 'hxl', 'xlsx', 'pfif', 'jsonl'] as const;

export interface RowProblem {
  row: number;
  column?: string | number;
  code: string;
  message: string;
  /** The cell at fault as written, when one cell is. */
  value?: string;
}

export interface ImportReport {
  batchId: string;
  sourceId: string;
  fileName: string;
  format: string;
  encoding: string;
  dryRun: boolean;
  mapping: Record<string, string>;
  unmappedColumns: string[];
  dateOrder: string;
  ambiguousDates: number;
  rows: number;
  created: number;
  linked: number;
  queued: number;
  enquiryCandidates: number;
  updated: number;
  unchanged: number;
  rejectedCount: number;
  rejected: RowProblem[];
  warnings: RowProblem[];
}

export interface ImportJob {
  id: string;
  state: 'queued' | 'running' | 'done' | 'failed' | 'cancelled';
  progress: { rows: number; bytesRead: number; totalBytes: number };
  report: ImportReport | null;
  error: { code: string; message: string; issues: unknown[] } | null;
  createdAt: string;
}

export const ENQUIRY_STATUSES = [
  'open',
  'searching',
  'candidate_found',
  'confirmed',
  'family_informed',
  'closed',
] as const;
export const ENQUIRY_OUTCOMES = ['found', 'not_found', 'withdrawn'] as const;
/** The steps allowed from each status (as the server's domain rules say). */
export const ENQUIRY_TRANSITIONS: Record<string, readonly string[]> = {
  open: ['searching', 'closed'],
  searching: ['candidate_found', 'closed'],
  candidate_found: ['searching', 'confirmed', 'closed'],
  confirmed: ['family_informed', 'searching', 'closed'],
  family_informed: ['closed'],
  closed: [],
};

export interface EnquirySummary {
  id: string;
  status: string;
  outcome: string | null;
  sought: Record<string, unknown>;
  personId: string | null;
  newCandidates: number;
  version: number;
  createdAt: string;
}

export interface EnquiryDetail extends EnquirySummary {
  enquirer: { name?: string; relationship?: string; phone?: string | null; email?: string | null } | null;
  consent: { tracing?: boolean; shareWithAuthorities?: boolean; givenOn?: string } | null;
  circumstances: {
    lastSeenPlace?: string | null;
    lastSeenDate?: PartialDate | null;
    description?: string | null;
  } | null;
  steps: {
    from: string | null;
    to: string;
    outcome: string | null;
    note: string | null;
    at: string;
    by: string;
  }[];
  candidates: { id: string; personId: string; probability: number; modelVersion: string; status: string }[];
}

export const EXCHANGE_KINDS = ['exchange', 'release', 'repatriation'] as const;
export const ENTRY_STATUSES = [
  'proposed',
  'verified',
  'agreed',
  'completed',
  'refused',
  'withdrawn',
] as const;
/** The steps allowed from each entry status (as the server's domain rules say). */
export const ENTRY_TRANSITIONS: Record<string, readonly string[]> = {
  proposed: ['verified', 'refused', 'withdrawn'],
  verified: ['agreed', 'proposed', 'refused', 'withdrawn'],
  agreed: ['completed', 'refused', 'withdrawn'],
  completed: [],
  refused: ['proposed'],
  withdrawn: ['proposed'],
};
/** Formats a list can be exported in. */
export const EXPORT_FORMATS = ['csv', 'xlsx', 'pfif', 'jsonl'] as const;

export interface ExchangeListSummary {
  id: string;
  name: string;
  kind: string;
  counterpart: string | null;
  createdAt: string;
  /** Entries by status. */
  entries: Record<string, number>;
}

/** What verification found about an entry. */
export interface VerificationFinding {
  code: string;
  field?: string;
}

export interface EntryVerification {
  identity: { probability: number; candidates: { personId: string; probability: number }[] };
  status: {
    state: string;
    since: PartialDate | null;
    placeId: string | null;
    placeText: string | null;
    wounded: boolean;
  } | null;
  /** Absent in verifications recorded before findings had codes. */
  findings?: VerificationFinding[];
  problems: string[];
  checkedAt: string;
}

/** An entry as the other side's list writes it. */
export interface SubmittedEntry {
  full_name?: string | null;
  given_name?: string | null;
  family_name?: string | null;
  patronymic?: string | null;
  date_of_birth?: string | null;
  service_number?: string | null;
  rank?: string | null;
  unit?: string | null;
}

export interface ExchangeEntry {
  id: string;
  position: number;
  personId: string | null;
  name: string | null;
  submitted: SubmittedEntry | null;
  status: string;
  verification: EntryVerification | null;
  location: string | null;
  candidates: { personId: string; probability: number; name: string | null }[];
  steps: { from: string | null; to: string; note: string | null; at: string; by: string }[];
  eventId: string | null;
  event: { kind: string; date: string | null } | null;
  version: number;
}

export interface ExchangeList {
  id: string;
  name: string;
  kind: string;
  counterpart: string | null;
  notes: string | null;
  sourceId: string;
  createdAt: string;
  entries: ExchangeEntry[];
}

/** Categories of announced figures and reported statuses, as the reports engine names them. */
export const REPORT_CATEGORIES = [
  'surrendered',
  'captured',
  'evacuated',
  'wounded',
  'seriously wounded',
  'killed',
  'dead',
  'detained',
  'released',
  'exchanged',
  'missing',
  'transferred',
  'hospitalised',
  'sentenced',
] as const;

export interface FigureWindow {
  from: string | null;
  to: string | null;
  kind: 'cumulative' | 'period' | 'as_of';
}

/** One figure a report announced. */
export interface ReportFigure {
  count: number;
  max: number | null;
  qualifier: string;
  category: string;
  population: string | null;
  includedIn: number | null;
  window: FigureWindow;
  attributedTo: string | null;
  hedged: boolean;
  sentence?: string;
  text?: string;
  /** The time words, when the window is left open for want of a publication date. */
  relative?: string | null;
}

export interface ReportPersonMention {
  name: string;
  variants: string[];
  age: number | null;
  rank: string | null;
  role: string | null;
  unit: string | null;
  side: string | null;
  statuses: { type: string; date: string | null; place: string | null; hedged: boolean }[];
  attributedTo: string | null;
}

/** What the engine read from one report (stored with it). */
export interface ReportExtraction {
  published: string | null;
  /** Absent on reports stored before it was recorded. */
  dating?: { source: 'given' | 'page' | 'text' | null; text: string | null; note: string | null };
  publisher: string | null;
  language: string;
  title: string | null;
  figures: ReportFigure[];
  persons: ReportPersonMention[];
  places: { name: string; kind: string }[];
  organizations: { name: string; kind: string }[];
  quotes: { text: string; speaker: string | null; truncated: boolean }[];
  authors: string[];
  framing: { term: string; for: string }[];
  truncated: string[];
  skipped: { text: string; reason: string; sentence: string }[];
  reason: string | null;
}

export interface ReportSummary {
  id: string;
  title: string | null;
  published: string | null;
  publisher: string | null;
  language: string | null;
  url: string | null;
  createdAt: string;
  figures: number;
  persons: number;
  reason: string | null;
  leads: Record<string, number>;
}

/** A registry person a lead may be. `fields` is null for roles that may not read persons. */
export interface LeadCandidate {
  personId: string;
  probability: number;
  weight?: number;
  explanation?: Explanation;
  fields?: Record<string, string> | null;
}

export interface ReportLead {
  id: string;
  mentionIndex: number;
  name: string;
  candidates: LeadCandidate[];
  status: 'open' | 'accepted' | 'dismissed';
  personId: string | null;
  version: number;
}

export interface ReportDetail {
  id: string;
  sourceId: string;
  title: string | null;
  published: string | null;
  publisher: string | null;
  language: string | null;
  url: string | null;
  createdAt: string;
  extraction: ReportExtraction;
  leads: ReportLead[];
}

export interface SubmittedReport {
  id: string;
  duplicate: boolean;
  figures: number;
  leads: number;
  reason: string | null;
}

/** A finding across reports; `figures` are [report index, figure index] into `reports`. */
export interface ReconciliationFinding {
  kind: 'sum' | 'consistent' | 'conflict';
  figures: [number, number][];
  explanation: string;
  /** Absent from engines that did not name the check. */
  rule?: string;
}

export interface ReportsReconciliation {
  reports: {
    id: string;
    title: string | null;
    publisher: string | null;
    published: string | null;
    figures: ReportFigure[];
  }[];
  reconciliation: ReconciliationFinding[];
  series: {
    source: string;
    category: string;
    population: string | null;
    points: { date: string | null; count: number; kind: string; figure: [number, number] }[];
  }[];
  framingDifferences: { for: string; terms: { report: number; terms: string[] }[]; explanation: string }[];
  registry: {
    figure: [number, number];
    category: string;
    announced: number;
    window: FigureWindow;
    registryCount: number | null;
    difference: number | null;
  }[];
}
