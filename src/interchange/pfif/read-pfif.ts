/**
 * Streaming PFIF reader (saxes). Persons and notes come out as plain records with every field kept,
 * 1.1–1.3 names renamed to 1.4. A DOCTYPE is refused outright: with no DTD there are no entity
 * declarations, so no entity expansion ("billion laughs") and no external entity can be reached.
 */
import { Readable } from 'node:stream';
import { SaxesParser } from 'saxes';
import type { SaxesTagNS } from 'saxes';
import { inputError } from '../issues.js';
import { peek } from '../stream/peek.js';
import { PFIF_NAMESPACES, RENAMED_FIELDS } from './fields.js';
import { xmlTextDecoder } from './xml-decode.js';

/** A person or note record. `fields` holds every field read, trimmed, keyed by its 1.4 name. */
export interface PfifRecord {
  readonly kind: 'person' | 'note';
  /** Line of the record's opening tag. */
  readonly line: number;
  readonly fields: Record<string, string>;
  /** For notes: true when the note was nested in its person. */
  readonly nested?: boolean;
}

/** Options of readPfif. */
export interface PfifReadOptions {
  fileName?: string;
  /** Longest field accepted, in characters (default 1 MiB). */
  maxFieldChars?: number;
  /** Most notes nested in one person (they are held until the person closes; default 10,000). */
  maxNotesPerPerson?: number;
  /** Deepest element nesting accepted (default 32). */
  maxDepth?: number;
}

interface Open {
  kind: 'person' | 'note';
  line: number;
  depth: number;
  fields: Record<string, string>;
  nested: boolean;
}

/**
 * Streams the records of a PFIF 1.1–1.4 document (also inside Atom or RSS feeds). A person comes
 * first, followed by its nested notes (which get the person's person_record_id when they lack one);
 * top-level notes come where they stand.
 */
export async function* readPfif(
  input: Readable | Buffer | AsyncIterable<Buffer>,
  opts: PfifReadOptions = {},
): AsyncGenerator<PfifRecord> {
  const source = Buffer.isBuffer(input) || input instanceof Readable ? input : Readable.from(input);
  const { head, chunks } = await peek(source, 1024);
  const decode = xmlTextDecoder(head, opts.fileName);
  const state = new PfifState(opts);
  const parser = new SaxesParser({ xmlns: true, position: true });
  state.attach(parser);
  for await (const chunk of chunks) {
    parser.write(decode(chunk));
    yield* state.drain();
  }
  parser.write(decode(null));
  parser.close();
  yield* state.drain();
  if (!state.sawPfif)
    throw inputError('UNSUPPORTED_FORMAT', opts.fileName, { message: 'no PFIF person or note element' });
}

class PfifState {
  sawPfif = false;
  private readonly out: PfifRecord[] = [];
  private depth = 0;
  private person: Open | null = null;
  private note: Open | null = null;
  private personNotes: PfifRecord[] = [];
  private field: { name: string; depth: number; text: string } | null = null;
  private readonly maxField: number;
  private readonly maxNotes: number;
  private readonly maxDepth: number;

  constructor(private readonly opts: PfifReadOptions) {
    this.maxField = opts.maxFieldChars ?? 1024 * 1024;
    this.maxNotes = opts.maxNotesPerPerson ?? 10_000;
    this.maxDepth = opts.maxDepth ?? 32;
  }

  attach(p: SaxesParser<{ xmlns: true; position: true }>): void {
    p.on('doctype', () =>
      this.fail(p.line, 'XML_DOCTYPE', 'DOCTYPE declarations are refused (no entities in PFIF)'),
    );
    p.on('error', (e) =>
      this.fail(p.line, /unclosed|end of/i.test(e.message) ? 'TRUNCATED' : 'BAD_XML', e.message),
    );
    p.on('opentag', (t) => this.open(t, p.line));
    p.on('closetag', () => this.close());
    p.on('text', (s) => this.text(s, p.line));
    p.on('cdata', (s) => this.text(s, p.line));
  }

  *drain(): Generator<PfifRecord> {
    const ready = this.out.splice(0);
    yield* ready;
  }

  private fail(line: number, code: string, message: string): never {
    throw inputError('INPUT_INVALID', this.opts.fileName, { row: line, code, message });
  }

  private open(t: SaxesTagNS, line: number): void {
    this.depth++;
    if (this.depth > this.maxDepth)
      this.fail(line, 'BAD_XML', `elements nested deeper than ${this.maxDepth}`);
    const pfif = PFIF_NAMESPACES.has(t.uri);
    if (pfif && t.local === 'person' && !this.person && !this.note) {
      this.sawPfif = true;
      this.person = { kind: 'person', line, depth: this.depth, fields: {}, nested: false };
      this.personNotes = [];
    } else if (pfif && t.local === 'note' && !this.note && !this.field) {
      this.sawPfif = true;
      this.note = { kind: 'note', line, depth: this.depth, fields: {}, nested: this.person !== null };
    } else if (!this.field && this.current()?.depth === this.depth - 1) {
      // A direct child of a record is a field; foreign-namespace fields keep their prefixed name.
      this.field = { name: pfif ? t.local : t.name, depth: this.depth, text: '' };
    }
  }

  private current(): Open | null {
    return this.note ?? this.person;
  }

  private text(s: string, line: number): void {
    if (!this.field) return;
    if (this.field.text.length + s.length > this.maxField)
      this.fail(
        line,
        'RECORD_TOO_LONG',
        `field ${this.field.name} is longer than ${this.maxField} characters`,
      );
    this.field.text += s;
  }

  private close(): void {
    const depth = this.depth--;
    if (this.field && this.field.depth === depth) {
      const rec = this.current() as Open;
      putField(rec.fields, this.field.name, this.field.text.trim());
      this.field = null;
    } else if (this.note && this.note.depth === depth) {
      this.closeNote(this.note);
      this.note = null;
    } else if (this.person && this.person.depth === depth) {
      this.closePerson(this.person);
      this.person = null;
    }
  }

  private closeNote(n: Open): void {
    const rec: PfifRecord = { kind: 'note', line: n.line, fields: n.fields, nested: n.nested };
    if (!n.nested) {
      this.out.push(rec);
      return;
    }
    if (this.personNotes.length >= this.maxNotes)
      this.fail(n.line, 'RECORD_TOO_LONG', `more than ${this.maxNotes} notes in one person`);
    this.personNotes.push(rec);
  }

  private closePerson(p: Open): void {
    this.out.push({ kind: 'person', line: p.line, fields: p.fields });
    const id = p.fields.person_record_id;
    for (const n of this.personNotes) {
      if (id !== undefined && !n.fields.person_record_id) n.fields.person_record_id = id;
      this.out.push(n);
    }
    this.personNotes = [];
  }
}

/** Stores a field under its 1.4 name; an old name whose new name is already set keeps its own name. */
function putField(fields: Record<string, string>, name: string, value: string): void {
  const renamed = RENAMED_FIELDS[name];
  const key = renamed !== undefined && !Object.hasOwn(fields, renamed) ? renamed : name;
  if (key === '__proto__') return;
  // A repeated element (not allowed by the schema) is joined rather than lost.
  fields[key] = Object.hasOwn(fields, key) && fields[key] !== '' ? `${fields[key]}\n${value}` : value;
}
