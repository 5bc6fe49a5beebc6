/**
 * One table row to the claims and status events it asserts, with its source-row reference and a
 * hash of its normalised content (so a re-import recognises it). Pure: places are resolved later,
 * per chunk, against the gazetteer.
 */
import { createHash } from 'node:crypto';
import {
  CLAIM_FIELDS,
  type ClaimField,
  type ClaimInput,
  type EventInput,
  type PartialDate,
} from '../../domain/index.js';
import {
  parseListDate,
  restoreFormula,
  type DateOrder,
  type FieldName,
  type TableRow,
} from '../../interchange/index.js';
import { parseName } from '../../matching/index.js';
import { VALUE_SHOWN, type PreparedRow, type RowReject } from './types.js';
import { readAge, readSex, readStatus } from './values.js';

/** Everything a row needs besides its cells. */
export interface RowContext {
  /** Field → column. */
  readonly columns: ReadonlyMap<FieldName, string>;
  /** Order ambiguous numeric dates are read in (the file's dominant order). */
  readonly dateOrder: DateOrder;
  /** True when the caller fixed the order: every numeric date is read in it. */
  readonly orderForced: boolean;
  /** assertedAt of the claims (the source's date), if known. */
  readonly assertedAt: string | null;
  /** The day ages are "as of" when the source has no date. */
  readonly today: string;
}

/** A row's facts, or why it was rejected. */
export type RowOutcome =
  | { readonly ok: true; readonly row: PreparedRow; readonly ambiguous: number }
  | { readonly ok: false; readonly reject: RowReject };

/** Fields copied as text claims when mapped. */
const TEXT_FIELDS: ReadonlyArray<FieldName & ClaimField> = [
  'family_name',
  'given_name',
  'patronymic',
  'name_original',
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
  'notes',
];

const NAME_FIELDS = new Set<ClaimField>(['family_name', 'given_name', 'patronymic', 'name_original']);

class Reject extends Error {
  constructor(readonly reject: RowReject) {
    super(reject.message);
  }
}

/** Reads one row. Never throws for bad cells: the outcome says which cell and why. */
export function rowFacts(row: TableRow, rc: RowContext): RowOutcome {
  try {
    return readRow(row, rc);
  } catch (e) {
    if (e instanceof Reject) return { ok: false, reject: e.reject };
    throw e;
  }
}

function readRow(row: TableRow, rc: RowContext): RowOutcome {
  const cell = (f: FieldName): string => {
    const col = rc.columns.get(f);
    // Cells this project exported carry an apostrophe before = + - @; read them back as written.
    return col === undefined ? '' : restoreFormula((row.values[col] ?? '').trim());
  };
  const fail = (f: FieldName, code: string, message: string): never => {
    const value = cell(f).slice(0, VALUE_SHOWN);
    throw new Reject({
      row: row.line,
      column: rc.columns.get(f) ?? f,
      code,
      message,
      ...(value && { value }),
    });
  };
  const claims: ClaimInput[] = [];
  const add = (field: ClaimField, value: unknown, from: FieldName): void => {
    const parsed = CLAIM_FIELDS[field].value.safeParse(value);
    if (!parsed.success)
      fail(from, 'VALUE_INVALID', `${field}: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
    claims.push({
      field,
      value: parsed.data as ClaimInput['value'],
      confidence: 'unconfirmed',
      sensitivity: CLAIM_FIELDS[field].sensitivity,
      assertedAt: rc.assertedAt,
    });
  };
  for (const f of TEXT_FIELDS) {
    const v = cell(f);
    if (v !== '') add(f, v, f);
  }
  const full = cell('full_name');
  if (full !== '') splitFullName(full, claims, add);
  let ambiguous = 0;
  const date = (f: FieldName): PartialDate | null => {
    const text = cell(f);
    if (text === '') return null;
    const r = parseListDate(text, rc.orderForced ? { order: rc.dateOrder } : {});
    if (!r.date) return fail(f, 'DATE_INVALID', r.problem ?? `"${text}" is not a date`);
    if (!r.ambiguous) return r.date;
    ambiguous++;
    // Read day-first by default; a file that is month-first elsewhere is read month-first here too.
    return rc.dateOrder === 'MDY' && r.date.day !== undefined && r.date.month !== undefined
      ? { ...r.date, month: r.date.day, day: r.date.month }
      : r.date;
  };
  const dob = date('date_of_birth');
  if (dob) add('date_of_birth', dob, 'date_of_birth');
  else {
    const y = cell('year_of_birth');
    if (y !== '') {
      if (!/^\d{4}$/.test(y)) fail('year_of_birth', 'DATE_INVALID', `"${y}" is not a year`);
      add('date_of_birth', { year: Number(y) }, 'year_of_birth');
    }
  }
  const sexText = cell('sex');
  if (sexText !== '')
    add('sex', readSex(sexText) ?? fail('sex', 'VALUE_INVALID', `"${sexText}" is not a sex`), 'sex');
  const ageText = cell('age');
  if (ageText !== '') {
    const years = readAge(ageText) ?? fail('age', 'VALUE_INVALID', `"${ageText}" is not an age in years`);
    add('age', { years, asOf: rc.assertedAt ?? rc.today }, 'age');
  }
  const events = statusEvents(cell, date, fail);
  if (!claims.some((c) => NAME_FIELDS.has(c.field)))
    fail('family_name', 'NAME_MISSING', 'the row names nobody (no name column has a value)');
  const ref = cell('source_record_id');
  const hash = contentHash(claims, events);
  return {
    ok: true,
    row: { line: row.line, rowRef: ref !== '' ? ref : `h:${hash}`, hash, claims, events },
    ambiguous,
  };
}

/** Fills the name parts the list did not give separately from a full name. */
function splitFullName(
  full: string,
  claims: readonly ClaimInput[],
  add: (field: ClaimField, value: unknown, from: FieldName) => void,
): void {
  const has = (f: ClaimField) => claims.some((c) => c.field === f);
  const p = parseName(full);
  if (!has('name_original')) add('name_original', full, 'full_name');
  const family = p.family.join(' ');
  const given = p.given.join(' ');
  if (family !== '' && !has('family_name')) add('family_name', family, 'full_name');
  if (given !== '' && !has('given_name')) add('given_name', given, 'full_name');
  if (p.patronymic && !has('patronymic')) add('patronymic', p.patronymic, 'full_name');
}

function statusEvents(
  cell: (f: FieldName) => string,
  date: (f: FieldName) => PartialDate | null,
  fail: (f: FieldName, code: string, message: string) => never,
): EventInput[] {
  const statusText = cell('status');
  const when = date('status_date');
  const place = cell('place');
  if (statusText === '') return [];
  const kind =
    readStatus(statusText) ?? fail('status', 'VALUE_INVALID', `"${statusText}" is not a known status`);
  if (kind === 'transferred' && place === '')
    fail('place', 'VALUE_INVALID', 'a transfer needs the place it went to');
  return [
    {
      kind,
      date: when,
      placeId: null,
      placeText: place === '' ? null : place.slice(0, 300),
      fromPlaceId: null,
      severity: null,
      details: null,
      confidence: 'unconfirmed',
    },
  ];
}

/** A short hash of what a row asserts (not of when it was imported or asserted). */
export function contentHash(claims: readonly ClaimInput[], events: readonly EventInput[]): string {
  // One text hashed at once: the digest of the parts in turn, as stored by earlier imports, for a
  // fraction of the calls into the hash.
  let text = '';
  for (const c of claims) text += `${c.field}\u0000${JSON.stringify(c.value)}\u0001`;
  for (const e of events)
    text += `${e.kind}\u0000${JSON.stringify(e.date ?? null)}\u0000${e.placeText ?? ''}\u0000${e.details ?? ''}\u0001`;
  return createHash('sha256').update(text).digest('base64url').slice(0, 27);
}
