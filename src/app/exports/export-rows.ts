/** Exported persons as flat rows (CSV, XLSX, JSON Lines) and as PFIF 1.4 records. */
import {
  claimValueText,
  formatPartialDate,
  orderTimeline,
  type ClaimField,
  type EventKind,
  type StatusEvent,
} from '../../domain/index.js';
import type { OutCell, PfifOutRecord } from '../../interchange/index.js';
import { PFIF_NOTE_TAG, PFIF_PERSON_TAG, noteEventKind, parseRecord } from '../imports/index.js';
import type { ExportedPerson } from './person-pages.js';
import type { ExportField } from './types.js';

/** The event that set the current state (the one a one-line list shows as the status). */
function statusEvent(p: ExportedPerson): StatusEvent | null {
  if (!p.status.lastEventId) return null;
  const live = orderTimeline(p.events);
  let setter: StatusEvent | null = null;
  for (const e of live) if (e.kind !== 'wounded' && e.kind !== 'sighted') setter = e;
  return setter ?? live[live.length - 1] ?? null;
}

/** One flat row with the chosen fields. */
export function flatRow(
  p: ExportedPerson,
  fields: readonly ExportField[],
  placeNames: ReadonlyMap<string, string>,
): Record<string, OutCell> {
  const out: Record<string, OutCell> = {};
  const ev = fields.some((f) => f === 'status' || f === 'status_date' || f === 'place')
    ? statusEvent(p)
    : null;
  for (const f of fields) {
    switch (f) {
      case 'source_record_id':
        out[f] = p.id;
        break;
      case 'state':
        out[f] = p.status.state;
        break;
      case 'status':
        out[f] = ev?.kind ?? '';
        break;
      case 'status_date':
        out[f] = ev?.date ? formatPartialDate(ev.date) : '';
        break;
      case 'place':
        out[f] = ev ? (ev.placeText ?? (ev.placeId ? (placeNames.get(ev.placeId) ?? '') : '')) : '';
        break;
      case 'age': {
        const a = p.view.fields.age?.best.value as { years: number } | undefined;
        out[f] = a ? a.years : '';
        break;
      }
      default: {
        const fv = p.view.fields[f as ClaimField];
        out[f] = fv ? claimValueText(f as ClaimField, fv.best.value) : '';
      }
    }
  }
  return out;
}

const PFIF_STATUS: Partial<Record<EventKind, string>> = {
  missing: 'believed_missing',
  died: 'believed_dead',
  sighted: 'believed_alive',
  contact_restored: 'believed_alive',
  released: 'believed_alive',
  exchanged: 'believed_alive',
  repatriated: 'believed_alive',
};

function iso(recordedOrDay: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(recordedOrDay)
    ? `${recordedOrDay}T00:00:00Z`
    : recordedOrDay.replace(/\.\d{3}Z$/, 'Z');
}

/**
 * A person as PFIF 1.4 records: the person (from its kept PFIF record when it came from PFIF, with
 * the registry's current values over it) and its notes (kept ones verbatim, others made from events).
 */
export function pfifRecords(p: ExportedPerson, domain: string): PfifOutRecord[] {
  const text = (f: ClaimField) => {
    const fv = p.view.fields[f];
    return fv ? claimValueText(f, fv.best.value) : undefined;
  };
  let kept: Record<string, string> | null = null;
  const notes: Record<string, string>[] = [];
  for (const c of p.claims) {
    if (c.field !== 'notes') continue;
    kept ??= parseRecord(PFIF_PERSON_TAG, String(c.value));
    const n = parseRecord(PFIF_NOTE_TAG, String(c.value));
    if (n) notes.push(n);
  }
  const id = kept?.['person_record_id'] ?? `${domain}/person.${p.id}`;
  const latest = p.claims.reduce((m, c) => (c.recordedAt > m ? c.recordedAt : m), '');
  const person: Record<string, string | undefined> = {
    ...kept,
    person_record_id: id,
    source_date: kept?.['source_date'] ?? (latest ? iso(latest) : ''),
    entry_date: kept?.['entry_date'] ?? (latest ? iso(latest) : undefined),
    full_name:
      kept?.['full_name'] ??
      text('name_original') ??
      ([text('given_name'), text('family_name')].filter(Boolean).join(' ') || undefined),
    given_name: text('given_name') ?? kept?.['given_name'],
    family_name: text('family_name') ?? kept?.['family_name'],
    sex:
      ((s) => (s === 'male' || s === 'female' || s === 'other' ? s : undefined))(text('sex')) ??
      kept?.['sex'],
    date_of_birth: kept?.['date_of_birth'] ?? text('date_of_birth')?.replace(/^~/, ''),
    description: text('description') ?? kept?.['description'],
  };
  if (!kept) {
    const a = p.view.fields.age?.best.value as { years: number } | undefined;
    if (a) person['age'] = String(a.years);
  }
  const out: PfifOutRecord[] = [{ kind: 'person', fields: person }];
  for (const n of notes) out.push({ kind: 'note', fields: { ...n, person_record_id: id } });
  // Events that no kept note stands for become notes of their own.
  const fromNotes = new Set(
    notes.map((n) => `${noteEventKind(n) ?? ''}|${(n['source_date'] ?? '').slice(0, 10)}`),
  );
  for (const e of orderTimeline(p.events)) {
    const day = e.date ? formatPartialDate(e.date) : '';
    if (fromNotes.has(`${e.kind}|${day}`)) continue;
    out.push({
      kind: 'note',
      fields: {
        note_record_id: `${domain}/note.${e.id}`,
        person_record_id: id,
        author_name: 'whereabouts registry',
        source_date: /^\d{4}-\d{2}-\d{2}$/.test(day) ? `${day}T00:00:00Z` : iso(e.recordedAt),
        entry_date: iso(e.recordedAt),
        ...(e.kind === 'contact_restored' && { author_made_contact: 'true' }),
        ...(PFIF_STATUS[e.kind] && { status: PFIF_STATUS[e.kind] }),
        ...(e.placeText && { last_known_location: e.placeText }),
        text: [e.kind, day, e.details].filter(Boolean).join(': '),
      },
    });
  }
  return out;
}
