/**
 * PFIF as a table, so an import treats it like any list: one row per person keyed by the 1.4 person
 * fields, with the person's notes on the row. readPfif is the lossless record stream underneath.
 */
import type { Readable } from 'node:stream';
import type { TableReader, TableRow } from '../table.js';
import { metered } from '../stream/peek.js';
import { PERSON_FIELDS } from './fields.js';
import { readPfif } from './read-pfif.js';
import type { PfifReadOptions, PfifRecord } from './read-pfif.js';

/** Opens a PFIF document as a table of persons. */
export async function readPfifTable(
  input: Readable | Buffer,
  opts: PfifReadOptions = {},
): Promise<TableReader> {
  const looseNotes: Array<Record<string, string>> = [];
  const header: string[] = [...PERSON_FIELDS];
  const meter = metered(input);
  return {
    header,
    encoding: 'utf-8',
    delimiter: '',
    issues: [],
    looseNotes,
    rows: personRows(readPfif(meter.input, opts), header, looseNotes),
    bytesRead: meter.bytesRead,
  };
}

async function* personRows(
  records: AsyncIterable<PfifRecord>,
  header: readonly string[],
  looseNotes: Array<Record<string, string>>,
): AsyncGenerator<TableRow> {
  let person: PfifRecord | null = null;
  let notes: Array<Record<string, string>> = [];
  for await (const rec of records) {
    if (rec.kind === 'note') {
      const mine = person !== null && rec.fields.person_record_id === person.fields.person_record_id;
      if (mine) notes.push(rec.fields);
      else looseNotes.push(rec.fields);
      continue;
    }
    if (person) yield personRow(person, notes, header);
    person = rec;
    notes = [];
  }
  if (person) yield personRow(person, notes, header);
}

function personRow(p: PfifRecord, notes: Array<Record<string, string>>, header: readonly string[]): TableRow {
  const values: Record<string, string> = {};
  for (const h of header) values[h] = p.fields[h] ?? '';
  for (const [k, v] of Object.entries(p.fields)) if (!Object.hasOwn(values, k)) values[k] = v;
  return { line: p.line, values, cells: header.map((h) => p.fields[h] ?? ''), notes };
}
