/**
 * `prepare` computes every record's matching features once and stores them column by column, with
 * text interned into one string table. Names repeat heavily in real lists, so name features are
 * cached per distinct set of name columns.
 */
import type { MatchRecord } from './field-types.js';
import type {
  ListColumn,
  ListFeature,
  NumberFeature,
  PreparedRecord,
  PreparedSet,
  StringFeature,
} from './features.js';
import { LIST_FEATURES, NUMBER_FEATURES, STRING_FEATURES, TF_FEATURES } from './features.js';
import { NameTokenCache, nameFeatures, type NameFeatures } from './name-features.js';
import { birthYearsFromAge, parseDate } from './parse-date.js';
import {
  normaliseEmail,
  normaliseId,
  normalisePhone,
  normalisePostcode,
  normaliseSex,
  TextCache,
} from './normalise.js';

function sharedInt32(n: number): Int32Array {
  return new Int32Array(new SharedArrayBuffer(Math.max(1, n) * 4));
}

/** Accumulates columns while records are read; `finish` freezes them into a PreparedSet. */
class SetBuilder {
  readonly strings: string[] = [];
  private readonly ids = new Map<string, number>();
  readonly str: Record<StringFeature, Int32Array>;
  readonly num: Record<NumberFeature, Int32Array>;
  readonly lists: Record<ListFeature, { offsets: Int32Array; values: number[] }>;

  constructor(readonly n: number) {
    this.str = Object.fromEntries(STRING_FEATURES.map((f) => [f, sharedInt32(n).fill(-1)])) as never;
    this.num = Object.fromEntries(NUMBER_FEATURES.map((f) => [f, sharedInt32(n)])) as never;
    this.lists = Object.fromEntries(
      LIST_FEATURES.map((f) => [f, { offsets: sharedInt32(n + 1), values: [] as number[] }]),
    ) as never;
  }

  intern(s: string): number {
    if (s === '') return -1;
    let id = this.ids.get(s);
    if (id === undefined) {
      id = this.strings.length;
      this.strings.push(s);
      this.ids.set(s, id);
    }
    return id;
  }

  setStr(f: StringFeature, i: number, s: string): void {
    this.str[f][i] = this.intern(s);
  }

  setList(f: ListFeature, i: number, items: readonly string[]): void {
    const col = this.lists[f];
    for (const s of items) if (s !== '') col.values.push(this.intern(s));
    col.offsets[i + 1] = col.values.length;
  }

  /** Copies a part into rows `offset ..`, its string ids mapped to this builder's table. */
  append(offset: number, part: PreparedPart): void {
    const map = new Int32Array(part.strings.length);
    for (let k = 0; k < part.strings.length; k++) map[k] = this.intern(part.strings[k]!);
    for (const f of STRING_FEATURES) {
      const from = part.str[f];
      const to = this.str[f];
      for (let i = 0; i < part.n; i++) {
        const id = from[i]!;
        to[offset + i] = id < 0 ? -1 : map[id]!;
      }
    }
    for (const f of NUMBER_FEATURES) this.num[f].set(part.num[f].subarray(0, part.n), offset);
    for (const f of LIST_FEATURES) {
      const col = this.lists[f];
      const { offsets, values } = part.list[f];
      const base = col.values.length;
      for (let x = 0; x < values.length; x++) col.values.push(map[values[x]!]!);
      for (let i = 1; i <= part.n; i++) col.offsets[offset + i] = base + offsets[i]!;
    }
  }

  finish(ids: string[]): PreparedSet {
    const list = {} as Record<ListFeature, ListColumn>;
    for (const f of LIST_FEATURES) {
      const values = sharedInt32(this.lists[f].values.length);
      values.set(this.lists[f].values);
      list[f] = { offsets: this.lists[f].offsets, values };
    }
    const tf: Partial<Record<StringFeature, Float64Array>> = {};
    const tfTotal: Partial<Record<StringFeature, number>> = {};
    for (const f of TF_FEATURES) {
      const r = termFrequencies(this.str[f], this.strings.length, this.n);
      tf[f] = r.freqs;
      tfTotal[f] = r.present;
    }
    return { n: this.n, ids, strings: this.strings, str: this.str, num: this.num, list, tf, tfTotal };
  }
}

function termFrequencies(col: Int32Array, size: number, n: number): { freqs: Float64Array; present: number } {
  const counts = new Float64Array(new SharedArrayBuffer(Math.max(1, size) * 8));
  let present = 0;
  for (let i = 0; i < n; i++) {
    const id = col[i]!;
    if (id >= 0) {
      counts[id]! += 1;
      present++;
    }
  }
  if (present > 0) for (let k = 0; k < size; k++) counts[k] = counts[k]! / present;
  return { freqs: counts, present };
}

function setDates(b: SetBuilder, i: number, r: MatchRecord): void {
  const f = r.fields;
  const d = f.date_of_birth ? parseDate(f.date_of_birth) : null;
  if (d) {
    b.num.dobY[i] = d.year;
    b.num.dobM[i] = d.month;
    b.num.dobD[i] = d.day;
    b.num.dobAltM[i] = d.altMonth;
    b.num.dobAltD[i] = d.altDay;
    if (d.day > 0) b.setStr('dob', i, `${d.year}${pad(d.month)}${pad(d.day)}`);
  }
  let range: [number, number] | null = d ? [d.year, d.year] : null;
  if (!range && f.year_of_birth) {
    const y = parseDate(f.year_of_birth);
    if (y) range = [y.year, y.year];
  }
  if (!range && f.age) range = birthYearsFromAge(f.age, r.age_as_of);
  if (range) {
    b.num.yearLo[i] = range[0];
    b.num.yearHi[i] = range[1];
  }
}

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

function setNames(b: SetBuilder, i: number, nf: NameFeatures): void {
  b.setStr('given', i, nf.given);
  b.setStr('givenLatin', i, nf.givenLatin);
  b.setStr('familyLatin', i, nf.familyLatin);
  b.setStr('given2', i, nf.given2);
  b.setStr('givenClass', i, nf.givenClass);
  b.setStr('family', i, nf.family);
  b.setStr('nameSet', i, nf.given && nf.family ? [nf.given, nf.family].sort().join(' ') : '');
  b.setStr('patronymic', i, nf.patronymic);
  b.setStr('patronymicClass', i, nf.patronymicClass);
  b.setList('nameTokens', i, nf.tokens);
  b.setList('familyCodes', i, nf.familyCodes);
}

function setOthers(b: SetBuilder, i: number, f: MatchRecord['fields'], norm: Normalisers): void {
  b.setStr('sex', i, f.sex ? normaliseSex(f.sex) : '');
  b.setStr('place', i, norm.place(f.place_of_birth));
  const address = norm.text(f.address);
  b.setStr('address', i, address);
  b.setList('addressTokens', i, address === '' ? [] : address.split(' '));
  b.setStr('streetNumber', i, norm.text(f.street_number));
  b.setStr('city', i, norm.place(f.city));
  b.setStr('region', i, norm.place(f.region));
  b.setStr('postcode', i, f.postcode ? normalisePostcode(f.postcode) : '');
  b.setStr('country', i, norm.place(f.country));
  b.setStr('idNumber', i, f.id_number ? normaliseId(f.id_number) : '');
  b.setStr('serviceNumber', i, f.service_number ? normaliseId(f.service_number) : '');
  b.setStr('rank', i, norm.place(f.rank));
  b.setStr('unit', i, norm.text(f.unit));
  b.setStr('phone', i, f.phone ? normalisePhone(f.phone) : '');
  const email = f.email ? normaliseEmail(f.email) : '';
  b.setStr('email', i, email);
  b.setStr('emailUser', i, email.includes('@') ? email.slice(0, email.indexOf('@')) : '');
  b.setStr('other', i, norm.text(f.other));
}

interface Normalisers {
  text: (s: string | undefined) => string;
  place: (s: string | undefined) => string;
}

/**
 * What `prepare` remembers of names and texts it has seen. One call keeps its own; a caller that
 * prepares record after record of the same kind (an import, chunk by chunk) passes one to every
 * call, so that a name met in an earlier chunk is not analysed again.
 */
export class FeatureCaches {
  readonly names = new NameTokenCache();
  readonly text: Normalisers = new TextCache();
}

/** Fills rows `offset ..` of a builder with records [from, to), in order. */
function fill(
  b: SetBuilder,
  records: readonly MatchRecord[],
  from: number,
  to: number,
  offset: number,
  onProgress?: (done: number) => void,
  caches = new FeatureCaches(),
): void {
  const { names, text: norm } = caches;
  for (let k = from; k < to; k++) {
    const r = records[k]!;
    const i = offset + k - from;
    setNames(b, i, nameFeatures(r.fields, names));
    setDates(b, i, r);
    setOthers(b, i, r.fields, norm);
    if (onProgress && (k + 1 - from) % 50_000 === 0) onProgress(k + 1 - from);
  }
}

/**
 * Prepares records for matching. `onProgress(done, total)` is called every 50,000 records;
 * `caches` carries what earlier calls learnt (see FeatureCaches).
 * @example const set = prepare([{ id: '1', fields: { full_name: 'КОВАЛЬЧУК Андрій', date_of_birth: '05.03.1994' } }]);
 */
export function prepare(
  records: readonly MatchRecord[],
  onProgress?: (done: number, total: number) => void,
  caches?: FeatureCaches,
): PreparedSet {
  const b = new SetBuilder(records.length);
  fill(b, records, 0, records.length, 0, onProgress && ((d) => onProgress(d, records.length)), caches);
  return b.finish(records.map((r) => r.id));
}

/**
 * A run of records prepared on its own (a worker's share): strings interned in a table of its
 * own, in order of first appearance, and columns of local ids, ready to be merged by `prepareParts`.
 */
export interface PreparedPart {
  readonly n: number;
  readonly strings: readonly string[];
  readonly str: Readonly<Record<StringFeature, Int32Array>>;
  readonly num: Readonly<Record<NumberFeature, Int32Array>>;
  readonly list: Readonly<Record<ListFeature, ListColumn>>;
}

/** Prepares records [from, to) as a part (see `prepareParts`). */
export function preparePart(records: readonly MatchRecord[], from = 0, to = records.length): PreparedPart {
  const b = new SetBuilder(to - from);
  fill(b, records, from, to, 0);
  const list = {} as Record<ListFeature, ListColumn>;
  for (const f of LIST_FEATURES)
    list[f] = { offsets: b.lists[f].offsets, values: Int32Array.from(b.lists[f].values) };
  return { n: b.n, strings: b.strings, str: b.str, num: b.num, list };
}

/**
 * Prepares records in consecutive runs whose parts are computed elsewhere (worker threads): the
 * first run here, while `later` yields the parts of the runs after it, in order. The result equals
 * `prepare(records)`, string ids included: a part's new strings follow the earlier ones in the order
 * they first appear, as they would when interned record by record.
 */
export async function prepareParts(
  records: readonly MatchRecord[],
  firstRun: number,
  later: Promise<PreparedPart>[],
): Promise<PreparedSet> {
  const b = new SetBuilder(records.length);
  fill(b, records, 0, firstRun, 0);
  let offset = firstRun;
  for (const pending of later) {
    b.append(offset, await pending);
    offset += (await pending).n;
  }
  if (offset !== records.length) throw new Error(`prepared ${offset} of ${records.length} records`);
  return b.finish(records.map((r) => r.id));
}

/** Views of every record of a set, for ranked search. */
export function preparedRecords(set: PreparedSet): PreparedRecord[] {
  return Array.from({ length: set.n }, (_, index) => ({ set, index }));
}
