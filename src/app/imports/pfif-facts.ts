/**
 * PFIF person records and their notes as claims and status events. Structured fields become claims
 * (names, sex, birth date, age, description, address); every field, structured or not, is also kept
 * verbatim in a claim of kind notes (one per record), so nothing is lost and an export can write the
 * record back. Notes become status events by their status:
 *   believed_alive → contact_restored when the author made contact, else sighted;
 *   believed_missing → missing; believed_dead → died; is_note_author → contact_restored;
 *   information_sought → no event (the note claim is the enquiry); author_made_contact alone → contact_restored.
 * The PFIF record id (with its domain) is the row reference, so a re-import from the same repository
 * updates rather than duplicates.
 */
import {
  CLAIM_FIELDS,
  type ClaimField,
  type ClaimInput,
  type EventInput,
  type EventKind,
  type PartialDate,
} from '../../domain/index.js';
import type { TableRow } from '../../interchange/index.js';
import { parseName } from '../../matching/index.js';
import { contentHash } from './row-facts.js';
import { VALUE_SHOWN, type PreparedRow, type RowReject } from './types.js';

/** First line of a notes claim that holds a PFIF person record. */
export const PFIF_PERSON_TAG = 'pfif.person';
/** First line of a notes claim that holds a PFIF note. */
export const PFIF_NOTE_TAG = 'pfif.note';

const HOME = [
  'home_street',
  'home_neighborhood',
  'home_city',
  'home_state',
  'home_postal_code',
  'home_country',
];

/** A record as text: a tag line, then `field=value` lines with \ and newlines escaped. */
export function serialiseRecord(tag: string, fields: Readonly<Record<string, string>>): string {
  const lines = [tag];
  for (const [k, v] of Object.entries(fields))
    if (v !== '') lines.push(`${k}=${v.replace(/\\/g, '\\\\').replace(/\r?\n/g, '\\n')}`);
  return lines.join('\n');
}

/** The fields of a serialised record, or null when the text is not one with this tag. */
export function parseRecord(tag: string, text: string): Record<string, string> | null {
  const lines = text.split('\n');
  if (lines[0] !== tag) return null;
  const out: Record<string, string> = {};
  for (const line of lines.slice(1)) {
    const eq = line.indexOf('=');
    if (eq <= 0) continue;
    out[line.slice(0, eq)] = line
      .slice(eq + 1)
      .replace(/\\(\\|n)/g, (_, c: string) => (c === 'n' ? '\n' : '\\'));
  }
  return out;
}

/** "2000-01-16T04:05:06Z" → { year, month, day }; null when absent or malformed. */
export function pfifDay(ts: string | undefined): PartialDate | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(ts ?? '');
  return m ? { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) } : null;
}

function isoDayOf(ts: string | undefined): string | null {
  const m = /^(\d{4}-\d{2}-\d{2})/.exec(ts ?? '');
  return m ? m[1]! : null;
}

/** The event a PFIF note stands for, if any. */
export function noteEventKind(note: Readonly<Record<string, string>>): EventKind | null {
  const contact = note['author_made_contact'] === 'true';
  switch (note['status']) {
    case 'believed_alive':
      return contact ? 'contact_restored' : 'sighted';
    case 'believed_missing':
      return 'missing';
    case 'believed_dead':
      return 'died';
    case 'is_note_author':
      return 'contact_restored';
    case 'information_sought':
      return null;
    default:
      return contact ? 'contact_restored' : null;
  }
}

/** One PFIF person row (with its notes) as a prepared row, or why it cannot be read. */
export function pfifFacts(row: TableRow): { ok: true; row: PreparedRow } | { ok: false; reject: RowReject } {
  const v = row.values;
  const ref = (v['person_record_id'] ?? '').trim();
  if (ref === '')
    return {
      ok: false,
      reject: {
        row: row.line,
        column: 'person_record_id',
        code: 'VALUE_INVALID',
        message: 'a PFIF person needs its person_record_id',
      },
    };
  const assertedAt = isoDayOf(v['source_date']);
  const claims: ClaimInput[] = [];
  const problems: RowReject[] = [];
  const add = (field: ClaimField, value: unknown, column: string): void => {
    const parsed = CLAIM_FIELDS[field].value.safeParse(value);
    if (!parsed.success) {
      problems.push({
        row: row.line,
        column,
        code: 'VALUE_INVALID',
        message: `${field}: ${parsed.error.issues[0]?.message ?? 'invalid'}`,
        ...(v[column] && { value: v[column].trim().slice(0, VALUE_SHOWN) }),
      });
      return;
    }
    claims.push({
      field,
      value: parsed.data as ClaimInput['value'],
      confidence: 'unconfirmed',
      sensitivity: CLAIM_FIELDS[field].sensitivity,
      assertedAt,
    });
  };
  personClaims(v, add);
  const record: Record<string, string> = {};
  for (const [k, val] of Object.entries(v)) if (val !== '') record[k] = val;
  add('notes', serialiseRecord(PFIF_PERSON_TAG, record), 'person_record_id');
  const events: EventInput[] = [];
  for (const note of row.notes ?? []) noteFacts(note, add, events);
  if (problems.length > 0) return { ok: false, reject: problems[0]! };
  return {
    ok: true,
    row: { line: row.line, rowRef: ref, hash: contentHash(claims, events), claims, events },
  };
}

function personClaims(
  v: Readonly<Record<string, string>>,
  add: (f: ClaimField, value: unknown, col: string) => void,
): void {
  const text = (k: string) => (v[k] ?? '').trim();
  if (text('given_name')) add('given_name', text('given_name'), 'given_name');
  if (text('family_name')) add('family_name', text('family_name'), 'family_name');
  const full = text('full_name').split('\n')[0]!.trim();
  if (full) {
    add('name_original', full, 'full_name');
    if (!text('given_name') && !text('family_name')) {
      const p = parseName(full);
      if (p.family.length) add('family_name', p.family.join(' '), 'full_name');
      if (p.given.length) add('given_name', p.given.join(' '), 'full_name');
    }
  }
  const sex = text('sex');
  if (sex === 'male' || sex === 'female' || sex === 'other') add('sex', sex, 'sex');
  const dob = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(text('date_of_birth'));
  if (dob)
    add(
      'date_of_birth',
      {
        year: Number(dob[1]),
        ...(dob[2] && { month: Number(dob[2]) }),
        ...(dob[3] && { day: Number(dob[3]) }),
      },
      'date_of_birth',
    );
  const asOf = isoDayOf(v['source_date']);
  if (/^\d{1,3}$/.test(text('age')) && asOf) add('age', { years: Number(text('age')), asOf }, 'age');
  if (text('description')) add('description', text('description'), 'description');
  const home = HOME.map(text).filter((s) => s !== '');
  if (home.length) add('address', home.join(', '), 'home_city');
}

function noteFacts(
  note: Readonly<Record<string, string>>,
  add: (f: ClaimField, value: unknown, col: string) => void,
  events: EventInput[],
): void {
  add('notes', serialiseRecord(PFIF_NOTE_TAG, note), 'note');
  const kind = noteEventKind(note);
  if (!kind) return;
  const place = (note['last_known_location'] ?? '').trim();
  const text = (note['text'] ?? '').trim();
  events.push({
    kind,
    date: pfifDay(note['source_date']),
    placeId: null,
    placeText: place ? place.slice(0, 300) : null,
    fromPlaceId: null,
    severity: null,
    details: text ? text.slice(0, 5000) : null,
    confidence: 'unconfirmed',
  });
}
