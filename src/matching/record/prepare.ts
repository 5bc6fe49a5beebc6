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

  /** Adds a string the table does not hold yet (the caller knows), without looking it up. */
  push(s: string): number {
    return this.strings.push(s) - 1;
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

/** Prepares records [from, to) as a part (see `prepareParts`); `caches` as for `prepare`. */
export function preparePart(
  records: readonly MatchRecord[],
  from = 0,
  to = records.length,
  caches?: FeatureCaches,
): PreparedPart {
  const b = new SetBuilder(to - from);
  fill(b, records, from, to, 0, undefined, caches);
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

/** Columns records are copied from into a PreparedStore: its own (retain) or a prepared set's. */
interface ColumnSource {
  readonly n: number;
  readonly strings: readonly string[];
  readonly str: Readonly<Record<StringFeature, Int32Array>>;
  readonly num: Readonly<Record<NumberFeature, Int32Array>>;
  readonly offsets: Readonly<Record<ListFeature, Int32Array>>;
  readonly values: Readonly<Record<ListFeature, Int32Array>>;
}

/** The columns of a prepared set or part, as a PreparedStore copies them. */
function partColumns(part: PreparedPart | PreparedSet): ColumnSource {
  const offsets = {} as Record<ListFeature, Int32Array>;
  const values = {} as Record<ListFeature, Int32Array>;
  for (const f of LIST_FEATURES) {
    offsets[f] = part.list[f].offsets;
    values[f] = part.list[f].values;
  }
  return { n: part.n, strings: part.strings, str: part.str, num: part.num, offsets, values };
}

/**
 * Records prepared once and kept, for a caller that needs overlapping subsets of them again and
 * again (an import's candidates, chunk after chunk: the same persons come back for every row of a
 * common name). `add` prepares records into the store; `gather` makes the prepared set of some of
 * them by copying their columns, which costs a fraction of preparing them again. A gathered set
 * holds what `prepare` makes of the same records in the same order (string ids may be numbered
 * otherwise; term frequencies are those of the gathered records, as in `prepare`).
 */
export class PreparedStore {
  private n = 0;
  private capacity = 0;
  private readonly strings: string[] = [];
  private readonly stringIds = new Map<string, number>();
  private recordIds: string[] = [];
  private str = {} as Record<StringFeature, Int32Array>;
  private num = {} as Record<NumberFeature, Int32Array>;
  private offsets = {} as Record<ListFeature, Int32Array>;
  private values = {} as Record<ListFeature, Int32Array>;
  private readonly valueCount = {} as Record<ListFeature, number>;
  /** For gather: the gathered set's id of each store string id, valid where stamp = generation. */
  private remap = new Int32Array(0);
  private stamp = new Int32Array(0);
  private generation = 0;

  constructor() {
    this.clear();
  }

  /** Records kept. */
  get size(): number {
    return this.n;
  }

  /** Strings kept (interned once across every record). */
  get stringCount(): number {
    return this.strings.length;
  }

  /** Forgets every record: places given out before are no longer valid. */
  clear(): void {
    this.n = 0;
    this.capacity = 1024;
    this.strings.length = 0;
    this.stringIds.clear();
    this.recordIds = [];
    for (const f of STRING_FEATURES) this.str[f] = new Int32Array(this.capacity);
    for (const f of NUMBER_FEATURES) this.num[f] = new Int32Array(this.capacity);
    for (const f of LIST_FEATURES) {
      this.offsets[f] = new Int32Array(this.capacity + 1);
      this.values[f] = new Int32Array(this.capacity);
      this.valueCount[f] = 0;
    }
    this.remap = new Int32Array(0);
    this.stamp = new Int32Array(0);
  }

  /**
   * Keeps only the records at `places`, in that order, and the strings they use; returns their
   * new places (the i-th record kept is at place i). Places given out before are no longer valid.
   * Nothing is prepared again: the columns are copied.
   */
  retain(places: readonly number[]): number[] {
    for (const p of places) if (p < 0 || p >= this.n) throw new RangeError(`no record kept at ${p}`);
    const old: ColumnSource = {
      n: this.n,
      strings: [...this.strings],
      // Copies of the column records: clear() replaces their columns in place.
      str: { ...this.str },
      num: { ...this.num },
      offsets: { ...this.offsets },
      values: { ...this.values },
    };
    const ids = places.map((p) => this.recordIds[p]!);
    this.clear();
    return this.copy(old, places, ids);
  }

  /**
   * Keeps records of a prepared set, as they are (rows `rows` of `set`, with the record ids `ids`);
   * returns the place of each, in order. The same as adding the records themselves (`add`) with
   * those ids, without preparing them again: `set` must have been prepared from the same fields.
   */
  addFrom(set: PreparedSet, rows: readonly number[], ids: readonly string[]): number[] {
    if (rows.length !== ids.length) throw new RangeError('addFrom: one id a row');
    return this.copy(partColumns(set), rows, ids);
  }

  /**
   * Appends the records at `places` of `from` (their strings interned here), with ids `ids`: the one
   * copying loop of `add`, `addFrom` and `retain`. The columns are looked up once, as in `gather`.
   */
  private copy(from: ColumnSource, places: readonly number[], ids: readonly string[]): number[] {
    for (const p of places) if (p < 0 || p >= from.n) throw new RangeError(`no record at ${p}`);
    this.reserve(this.n + places.length);
    const map = new Int32Array(from.strings.length).fill(-1);
    const local = (id: number): number => {
      if (id < 0) return -1;
      if (map[id] === -1) map[id] = this.intern(from.strings[id]!);
      return map[id]!;
    };
    const strFrom = STRING_FEATURES.map((f) => from.str[f]);
    const strTo = STRING_FEATURES.map((f) => this.str[f]);
    const numFrom = NUMBER_FEATURES.map((f) => from.num[f]);
    const numTo = NUMBER_FEATURES.map((f) => this.num[f]);
    const out: number[] = new Array(places.length);
    for (let k = 0; k < places.length; k++) {
      const p = places[k]!;
      const q = this.n++;
      out[k] = q;
      this.recordIds[q] = ids[k]!;
      for (let f = 0; f < strFrom.length; f++) strTo[f]![q] = local(strFrom[f]![p]!);
      for (let f = 0; f < numFrom.length; f++) numTo[f]![q] = numFrom[f]![p]!;
    }
    // List columns one at a time: their values arrays may grow (and be replaced) as they fill.
    for (const f of LIST_FEATURES) {
      const offsets = from.offsets[f];
      const values = from.values[f];
      let count = this.valueCount[f];
      let need = count;
      for (const p of places) need += offsets[p + 1]! - offsets[p]!;
      if (need > this.values[f].length) this.values[f] = grown(this.values[f], need);
      const to = this.values[f];
      const toOffsets = this.offsets[f];
      const base = this.n - places.length;
      for (let k = 0; k < places.length; k++) {
        const p = places[k]!;
        for (let x = offsets[p]!; x < offsets[p + 1]!; x++) to[count++] = local(values[x]!);
        toOffsets[base + k + 1] = count;
      }
      this.valueCount[f] = count;
    }
    return out;
  }

  /** Prepares records and keeps them; returns the place of each, in order. */
  add(records: readonly MatchRecord[], caches?: FeatureCaches): number[] {
    // A part: the columns without the term frequencies a set computes, which a gathered set redoes.
    const S = preparePart(records, 0, records.length, caches);
    return this.copy(
      partColumns(S),
      Array.from({ length: S.n }, (_, i) => i),
      records.map((r) => r.id),
    );
  }

  /** The prepared set of the records at `places`, in that order. */
  gather(places: readonly number[]): PreparedSet {
    const b = new SetBuilder(places.length);
    if (this.stamp.length < this.strings.length) {
      this.remap = new Int32Array(Math.max(1024, this.strings.length * 2));
      this.stamp = new Int32Array(this.remap.length);
      this.generation = 0;
    }
    const generation = ++this.generation;
    const { remap, stamp, strings } = this;
    // The store's strings are distinct and none is empty: each is new to the set when first met.
    const local = (id: number): number => {
      if (id < 0) return -1;
      if (stamp[id] !== generation) {
        stamp[id] = generation;
        remap[id] = b.push(strings[id]!);
      }
      return remap[id]!;
    };
    // The columns in arrays, looked up once: looked up by feature name for every record, they
    // cost more than the copying.
    const strFrom = STRING_FEATURES.map((f) => this.str[f]);
    const strTo = STRING_FEATURES.map((f) => b.str[f]);
    const numFrom = NUMBER_FEATURES.map((f) => this.num[f]);
    const numTo = NUMBER_FEATURES.map((f) => b.num[f]);
    const listOffsets = LIST_FEATURES.map((f) => this.offsets[f]);
    const listValues = LIST_FEATURES.map((f) => this.values[f]);
    const listTo = LIST_FEATURES.map((f) => b.lists[f]);
    const ids: string[] = new Array(places.length);
    for (let k = 0; k < places.length; k++) {
      const p = places[k]!;
      if (p < 0 || p >= this.n) throw new RangeError(`no record kept at ${p}`);
      ids[k] = this.recordIds[p]!;
      for (let f = 0; f < strFrom.length; f++) strTo[f]![k] = local(strFrom[f]![p]!);
      for (let f = 0; f < numFrom.length; f++) numTo[f]![k] = numFrom[f]![p]!;
      for (let f = 0; f < listTo.length; f++) {
        const col = listTo[f]!;
        const offsets = listOffsets[f]!;
        const values = listValues[f]!;
        for (let x = offsets[p]!; x < offsets[p + 1]!; x++) col.values.push(local(values[x]!));
        col.offsets[k + 1] = col.values.length;
      }
    }
    return b.finish(ids);
  }

  private intern(s: string): number {
    let id = this.stringIds.get(s);
    if (id === undefined) {
      id = this.strings.push(s) - 1;
      this.stringIds.set(s, id);
    }
    return id;
  }

  /** Makes room for `n` records. */
  private reserve(n: number): void {
    if (n <= this.capacity) return;
    let capacity = this.capacity;
    while (capacity < n) capacity *= 2;
    for (const f of STRING_FEATURES) this.str[f] = grown(this.str[f], capacity);
    for (const f of NUMBER_FEATURES) this.num[f] = grown(this.num[f], capacity);
    for (const f of LIST_FEATURES) this.offsets[f] = grown(this.offsets[f], capacity + 1);
    this.capacity = capacity;
  }
}

/** A copy of `a` with room for at least `n` values (doubling). */
function grown(a: Int32Array, n: number): Int32Array {
  const out = new Int32Array(Math.max(n, a.length * 2));
  out.set(a);
  return out;
}
