/**
 * PFIF 1.4 writer: records in, XML bytes out, as a stream. Fields are written in 1.4 order under
 * 1.4 names (older names are renamed), mandatory fields are always present, notes that follow their
 * person are nested in it. Fields that PFIF 1.4 does not define are not written.
 */
import { Readable } from 'node:stream';
import { DomainError } from '../../domain/index.js';
import { escapeXmlText } from '../write/escape.js';
import { MANDATORY, NOTE_FIELDS, PERSON_FIELDS, PFIF_NS, RENAMED_FIELDS } from './fields.js';

/** What the writer takes: a person or a note with its fields (as readPfif produces them). */
export interface PfifOutRecord {
  readonly kind: 'person' | 'note';
  readonly fields: Readonly<Record<string, string | undefined>>;
}

/**
 * Writes a PFIF 1.4 document. A note is nested in the person written just before it when its
 * person_record_id names that person; other notes are written at the top level where they come.
 * Throws VALIDATION_FAILED (through the stream) for a record without its record id.
 *
 * @example
 * writePfif(readPfif(input)).pipe(createWriteStream('out.pfif.xml'));
 */
export function writePfif(records: AsyncIterable<PfifOutRecord> | Iterable<PfifOutRecord>): Readable {
  return Readable.from(pfifChunks(records), { objectMode: false });
}

async function* pfifChunks(
  records: AsyncIterable<PfifOutRecord> | Iterable<PfifOutRecord>,
): AsyncGenerator<Buffer> {
  yield Buffer.from(`<?xml version="1.0" encoding="UTF-8"?>\n<pfif:pfif xmlns:pfif="${PFIF_NS}">\n`);
  let openPerson: string | null = null;
  let count = 0;
  let out = '';
  for await (const rec of records) {
    count++;
    const fields = upgrade(rec.fields);
    if (rec.kind === 'person') {
      requireId(fields, 'person_record_id', count);
      if (openPerson !== null) out += '  </pfif:person>\n';
      out += '  <pfif:person>\n' + fieldsXml(fields, PERSON_FIELDS, MANDATORY.person, '    ');
      openPerson = fields.person_record_id as string;
    } else {
      requireId(fields, 'note_record_id', count);
      const nested = openPerson !== null && fields.person_record_id === openPerson;
      if (!nested && openPerson !== null) {
        out += '  </pfif:person>\n';
        openPerson = null;
      }
      const indent = nested ? '    ' : '  ';
      out += `${indent}<pfif:note>\n${fieldsXml(fields, NOTE_FIELDS, MANDATORY.note, indent + '  ')}${indent}</pfif:note>\n`;
    }
    if (out.length >= 1 << 16) {
      yield Buffer.from(out);
      out = '';
    }
  }
  if (openPerson !== null) out += '  </pfif:person>\n';
  yield Buffer.from(out + '</pfif:pfif>\n');
}

/** Older field names to 1.4 ones (when the 1.4 field is not set too). */
function upgrade(fields: Readonly<Record<string, string | undefined>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(fields)) if (v !== undefined && k !== '__proto__') out[k] = v;
  for (const [old, now] of Object.entries(RENAMED_FIELDS))
    if (out[old] !== undefined && (out[now] === undefined || out[now] === '')) out[now] = out[old] as string;
  return out;
}

function requireId(fields: Record<string, string>, id: string, index: number): void {
  if (!fields[id])
    throw new DomainError('VALIDATION_FAILED', `record ${index} has no ${id}`, {
      issues: [{ row: index, path: id, code: 'REQUIRED', message: `${id} is required in PFIF` }],
    });
}

function fieldsXml(
  fields: Record<string, string>,
  order: readonly string[],
  mandatory: readonly string[],
  indent: string,
): string {
  let s = '';
  for (const name of order) {
    const v = fields[name];
    if (v === undefined && !mandatory.includes(name)) continue;
    s += `${indent}<pfif:${name}>${escapeXmlText(v ?? '')}</pfif:${name}>\n`;
  }
  return s;
}
