/**
 * Blocking keys. A rule names key parts (`family`, `given:1` for the first letter, `familyCodes[0]`
 * for the first value of a list, `dobY` for a number); a record has the rule's key only when every
 * part is present. Keys are plain strings (`family_year:kovalchuk|1994`) so that a registry can keep
 * them in an indexed table.
 */
import {
  LIST_FEATURES,
  NUMBER_FEATURES,
  STRING_FEATURES,
  prepare,
  type ListFeature,
  type MatchRecord,
  type NumberFeature,
  type PreparedSet,
  type StringFeature,
} from '../record/index.js';
import { DomainError } from '../../domain/errors.js';
import { defaultModel, type BlockingRuleSpec, type MatchModel } from '../model/match-model.js';

type PartReader = (S: PreparedSet, i: number) => string | null;

const STR: ReadonlySet<string> = new Set(STRING_FEATURES);
const LIST: ReadonlySet<string> = new Set(LIST_FEATURES);
const NUM: ReadonlySet<string> = new Set(NUMBER_FEATURES);

function partReader(part: string): PartReader {
  const m = /^(\w+)(?::(\d+)|\[0\])?$/.exec(part);
  const f = m?.[1] ?? '';
  if (m && STR.has(f)) {
    const sf = f as StringFeature;
    const len = m[2] ? Number(m[2]) : 0;
    return (S, i) => {
      const id = S.str[sf][i]!;
      if (id < 0) return null;
      const s = S.strings[id]!;
      return len > 0 ? s.slice(0, len) : s;
    };
  }
  if (m && LIST.has(f) && part.endsWith('[0]')) {
    const lf = f as ListFeature;
    return (S, i) => {
      const c = S.list[lf];
      return c.offsets[i + 1]! > c.offsets[i]! ? S.strings[c.values[c.offsets[i]!]!]! : null;
    };
  }
  if (m && NUM.has(f) && !m[2]) {
    const nf = f as NumberFeature;
    return (S, i) => (S.num[nf][i] === 0 ? null : String(S.num[nf][i]));
  }
  throw new DomainError('VALIDATION_FAILED', `blocking key part "${part}" names no feature`, {
    issues: [{ path: 'blocking.rules', message: `unknown key part ${part}` }],
  });
}

/** Computes one rule's key for record i as a string, or null when a part is missing. */
export function compileRule(rule: BlockingRuleSpec): (S: PreparedSet, i: number) => string | null {
  const readers = rule.keys.map(partReader);
  return (S, i) => {
    let key = `${rule.name}:`;
    for (let k = 0; k < readers.length; k++) {
      const v = readers[k]!(S, i);
      if (v === null) return null;
      key += k === 0 ? v : `|${v}`;
    }
    return key;
  };
}

const compiledRules = new WeakMap<MatchModel, ((S: PreparedSet, i: number) => string | null)[]>();

/** A model's rules compiled once (models are immutable documents). */
function rulesOf(model: MatchModel): ((S: PreparedSet, i: number) => string | null)[] {
  let rules = compiledRules.get(model);
  if (!rules) compiledRules.set(model, (rules = model.blocking.rules.map(compileRule)));
  return rules;
}

/** Every rule's key for record i of a prepared set. */
export function preparedBlockingKeys(S: PreparedSet, i: number, model: MatchModel): string[] {
  const out: string[] = [];
  for (const rule of rulesOf(model)) {
    const k = rule(S, i);
    if (k !== null) out.push(k);
  }
  return out;
}

/** The blocking keys of many records, prepared together (much cheaper than one by one). */
export function blockingKeysMany(
  records: readonly MatchRecord[],
  model: MatchModel = defaultModel(),
): string[][] {
  const S = prepare(records);
  return records.map((_, i) => preparedBlockingKeys(S, i, model));
}

/**
 * The blocking keys of one record under a model's rules: what a registry stores per person and
 * looks up (`WHERE key IN (...)`) to find candidates without scanning.
 * @example blockingKeys({ id: 'p1', fields: { full_name: 'Kovalchuk Andrii', date_of_birth: '1994-03-05' } }, model)
 *   // ['family_year:kovalcuk|1994', 'given_family:andrij|kovalcuk', 'dob:19940305', ...]
 */
export function blockingKeys(record: MatchRecord, model: MatchModel = defaultModel()): string[] {
  return preparedBlockingKeys(prepare([record]), 0, model);
}

type PartId = (S: PreparedSet, i: number) => number;

/** A numeric id per key part (-1 when missing): interned ids, prefix ids or numbers as they are. */
function partId(part: string, S: PreparedSet): PartId {
  const m = /^(\w+)(?::(\d+)|\[0\])?$/.exec(part);
  const f = m?.[1] ?? '';
  if (m && STR.has(f) && m[2]) {
    const col = S.str[f as StringFeature];
    const len = Number(m[2]);
    const table = new Int32Array(S.strings.length).fill(-2);
    const prefixes = new Map<string, number>();
    return (T, i) => {
      const id = col[i]!;
      if (id < 0) return -1;
      let p = table[id]!;
      if (p === -2) {
        const key = T.strings[id]!.slice(0, len);
        p = prefixes.get(key) ?? prefixes.size;
        prefixes.set(key, p);
        table[id] = p;
      }
      return p;
    };
  }
  if (m && STR.has(f)) {
    const col = S.str[f as StringFeature];
    return (_T, i) => col[i]!;
  }
  if (m && LIST.has(f) && part.endsWith('[0]')) {
    const c = S.list[f as ListFeature];
    return (_T, i) => (c.offsets[i + 1]! > c.offsets[i]! ? c.values[c.offsets[i]!]! : -1);
  }
  if (m && NUM.has(f) && !m[2]) {
    const col = S.num[f as NumberFeature];
    return (_T, i) => (col[i] === 0 ? -1 : col[i]!);
  }
  partReader(part); // throws the located error for an unknown part
  return () => -1;
}

/**
 * A map from pairs of non-negative ints to ints, open addressing on typed arrays: a key chained
 * from a part id allocates nothing (a Map keyed by a combined double boxes most keys).
 */
class PairIndex {
  private left = new Int32Array(1 << 12).fill(-1);
  private right = new Int32Array(1 << 12);
  private values = new Int32Array(1 << 12);
  private slot = 0;
  size = 0;

  /** The value of (a, b), or -1 when absent (then `add` may store it). */
  get(a: number, b: number): number {
    const mask = this.left.length - 1;
    let h = (Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca6b)) & mask;
    for (;;) {
      const l = this.left[h]!;
      if (l === -1) break;
      if (l === a && this.right[h] === b) return this.values[h]!;
      h = (h + 1) & mask;
    }
    this.slot = h;
    return -1;
  }

  /** Stores (a, b) → v; the pair must be the one the last `get` missed. */
  add(a: number, b: number, v: number): void {
    this.left[this.slot] = a;
    this.right[this.slot] = b;
    this.values[this.slot] = v;
    if (++this.size * 2 > this.left.length) this.grow();
  }

  private grow(): void {
    const { left, right, values } = this;
    this.left = new Int32Array(left.length * 2).fill(-1);
    this.right = new Int32Array(left.length * 2);
    this.values = new Int32Array(left.length * 2);
    for (let h = 0; h < left.length; h++)
      if (left[h] !== -1) {
        this.get(left[h]!, right[h]!);
        this.left[this.slot] = left[h]!;
        this.right[this.slot] = right[h]!;
        this.values[this.slot] = values[h]!;
      }
  }
}

/**
 * Key ids of one rule for every record (-1 when the record has no key). Keys are chained from
 * numeric part ids (the first part's id, then the pair of the chain so far and the next part's
 * id), so no key string is built: the same grouping as `compileRule`'s strings. Ids are numbered
 * in order of first appearance.
 */
export function ruleKeyIds(S: PreparedSet, rule: BlockingRuleSpec): { ids: Int32Array; count: number } {
  const parts = rule.keys.map((k) => partId(k, S));
  const ids = new Int32Array(S.n);
  const chains = parts.map(() => new PairIndex());
  const last = parts.length - 1;
  let count = 0;
  for (let i = 0; i < S.n; i++) {
    let key = 0;
    for (let k = 0; k <= last; k++) {
      const p = parts[k]!(S, i);
      if (p < 0) {
        key = -1;
        break;
      }
      const map = chains[k]!;
      let next = map.get(key, p);
      if (next < 0) {
        next = k === last ? count++ : map.size;
        map.add(key, p, next);
      }
      key = next;
    }
    ids[i] = key;
  }
  return { ids, count };
}
