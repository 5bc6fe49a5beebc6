/**
 * The level tests, each compiled from its spec into a predicate over two records (record i of set
 * A, record j of set B). Predicates allocate nothing: they read feature columns and the string table.
 */
import { damerauLevenshtein, jaroWinkler } from '../strings/index.js';
import type { ListFeature, PreparedSet, StringFeature } from '../record/index.js';
import type { LevelTest } from './level-spec.js';

/** A level test bound to two sets: does record i of A and record j of B pass it? */
export type BoundPredicate = (i: number, j: number) => boolean;

/**
 * A compiled level test. Binding it to two sets resolves their feature columns once, so that the
 * function run per pair reads typed arrays only.
 */
export type PairPredicate = (A: PreparedSet, B: PreparedSet) => BoundPredicate;

/** Equality of two feature values; ids compare directly inside one set. */
function same(A: PreparedSet, a: number, B: PreparedSet, b: number): boolean {
  if (a < 0 || b < 0) return false;
  return A === B ? a === b : A.strings[a] === B.strings[b];
}

function exact(f: StringFeature): PairPredicate {
  return (A, B) => {
    const ca = A.str[f];
    const cb = B.str[f];
    if (A === B)
      return (i, j) => {
        const a = ca[i]!;
        return a >= 0 && a === cb[j];
      };
    return (i, j) => same(A, ca[i]!, B, cb[j]!);
  };
}

/** A similarity in [0,1] of two records (0 when a value is missing), bound to two sets. */
export type BoundScore = (i: number, j: number) => number;
/** A compiled similarity, bound to two sets like a PairPredicate. */
export type PairScore = (A: PreparedSet, B: PreparedSet) => BoundScore;

/**
 * A memo of similarities per pair of string ids, as an open-addressing hash table on typed
 * arrays: looking up a pair allocates nothing (a Map keyed by a combined double boxes every key,
 * which cost more than the similarity it saved). When it fills up it starts again.
 */
class PairMemo {
  private readonly left: Int32Array;
  private readonly right: Int32Array;
  // Doubles, as computed: a similarity rounded to a float would fall below a threshold it meets
  // (Jaro–Winkler 0.9 against "≥ 0.9") only when it comes from the memo.
  private readonly values: Float64Array;
  private readonly mask: number;
  private size = 0;
  /** The empty slot found by the last missed lookup, where `store` puts its value. */
  private slot = 0;

  constructor(bits: number) {
    const capacity = 1 << bits;
    this.left = new Int32Array(capacity).fill(-1);
    this.right = new Int32Array(capacity);
    this.values = new Float64Array(capacity);
    this.mask = capacity - 1;
  }

  /** The similarity of strings a < b, or -1 when it is not known yet (then call `store`). */
  lookup(a: number, b: number): number {
    let h = (Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca6b)) & this.mask;
    for (;;) {
      const l = this.left[h]!;
      if (l === -1) break;
      if (l === a && this.right[h] === b) return this.values[h]!;
      h = (h + 1) & this.mask;
    }
    this.slot = h;
    return -1;
  }

  /** Keeps the similarity of the pair the last `lookup` missed. */
  store(a: number, b: number, v: number): void {
    if (this.size > (this.mask * 7) >> 3) {
      this.clear();
      return;
    }
    const h = this.slot;
    this.left[h] = a;
    this.right[h] = b;
    this.values[h] = v;
    this.size++;
  }

  clear(): void {
    this.left.fill(-1);
    this.size = 0;
  }
}

/**
 * Jaro–Winkler on a feature, memoised per pair of string ids inside one set: towns, units, ranks and
 * names come from small vocabularies, so the same two strings meet again and again.
 */
function jwScore(f: StringFeature): PairScore {
  return (A, B) => {
    const ca = A.str[f];
    const cb = B.str[f];
    if (A !== B)
      return (i, j) => {
        const a = ca[i]!;
        const b = cb[j]!;
        return a < 0 || b < 0 ? 0 : jaroWinkler(A.strings[a]!, B.strings[b]!);
      };
    // One memo per binding, sized to the set's vocabulary (at most 2^20 pairs).
    const m = new PairMemo(Math.min(20, Math.max(8, Math.ceil(Math.log2(A.strings.length + 1)) + 2)));
    const strings = A.strings;
    return (i, j) => {
      let a = ca[i]!;
      let b = cb[j]!;
      if (a < 0 || b < 0) return 0;
      if (a === b) return 1;
      if (a > b) [a, b] = [b, a];
      let v = m.lookup(a, b);
      if (v < 0) {
        v = jaroWinkler(strings[ca[i]!]!, strings[cb[j]!]!);
        m.store(a, b, v);
      }
      return v;
    };
  };
}

/**
 * Threshold tests share one similarity per pair: "JW ≥ 0.92" then "JW ≥ 0.8" on the same feature
 * compute it once. Returns the score's cache key and function, or null for other tests.
 */
export function compileScore(t: LevelTest): { key: string; score: PairScore; threshold: number } | null {
  if (t.test === 'jaroWinkler')
    return { key: `jw:${t.feature}`, score: jwScore(t.feature), threshold: t.threshold };
  if (t.test === 'tokenSimilarity')
    return {
      key: `ts:${t.feature}`,
      score: (A, B) => (i, j) => listSimilarity(A, i, B, j, t.feature),
      threshold: t.threshold,
    };
  return null;
}

/** Whether a[from..] equals b[from + shift..] to the end of a (b has a.length + shift characters). */
function tailEqual(a: string, b: string, from: number, shift: number): boolean {
  for (let k = from; k < a.length; k++) if (a.charCodeAt(k) !== b.charCodeAt(k + shift)) return false;
  return true;
}

/** At most one substitution, insertion, deletion or adjacent transposition, in one linear pass. */
export function withinOneEdit(a: string, b: string): boolean {
  const la = a.length;
  const lb = b.length;
  if (la - lb > 1 || lb - la > 1) return false;
  let k = 0;
  const n = la < lb ? la : lb;
  while (k < n && a.charCodeAt(k) === b.charCodeAt(k)) k++;
  if (k === n) return true;
  if (la === lb) {
    if (tailEqual(a, b, k + 1, 0)) return true;
    return (
      k + 1 < la &&
      a.charCodeAt(k) === b.charCodeAt(k + 1) &&
      a.charCodeAt(k + 1) === b.charCodeAt(k) &&
      tailEqual(a, b, k + 2, 0)
    );
  }
  return la > lb ? tailEqual(b, a, k, 1) : tailEqual(a, b, k, 1);
}

/** The text of record i's feature (undefined when missing), from a column bound to its set. */
function textOf(S: PreparedSet, col: Int32Array, i: number): string | undefined {
  const id = col[i]!;
  return id < 0 ? undefined : S.strings[id];
}

function edit(f: StringFeature, max: number): PairPredicate {
  return (A, B) => {
    const ca = A.str[f];
    const cb = B.str[f];
    return (i, j) => {
      const a = textOf(A, ca, i);
      const b = textOf(B, cb, j);
      if (a === undefined || b === undefined) return false;
      return max === 1 ? withinOneEdit(a, b) : damerauLevenshtein(a, b, max) <= max;
    };
  };
}

function initial(f: StringFeature): PairPredicate {
  return (A, B) => {
    const ca = A.str[f];
    const cb = B.str[f];
    return (i, j) => {
      const a = textOf(A, ca, i);
      const b = textOf(B, cb, j);
      if (a === undefined || b === undefined || (a.length !== 1 && b.length !== 1)) return false;
      return a.charCodeAt(0) === b.charCodeAt(0);
    };
  };
}

function swapped(f: StringFeature, other: StringFeature): PairPredicate {
  return (A, B) => {
    const fa = A.str[f];
    const oa = A.str[other];
    const fb = B.str[f];
    const ob = B.str[other];
    return (i, j) => same(A, fa[i]!, B, ob[j]!) && same(A, oa[i]!, B, fb[j]!);
  };
}

function shareAny(f: ListFeature): PairPredicate {
  return (A, B) => {
    const ca = A.list[f];
    const cb = B.list[f];
    return (i, j) => {
      for (let x = ca.offsets[i]!, xe = ca.offsets[i + 1]!; x < xe; x++)
        for (let y = cb.offsets[j]!, ye = cb.offsets[j + 1]!; y < ye; y++)
          if (same(A, ca.values[x]!, B, cb.values[y]!)) return true;
      return false;
    };
  };
}

// Best match of each token on either side, from one pass over the token matrix.
let rowBest = new Float64Array(32);
let colBest = new Float64Array(32);

/** Mean over both lists of each token's best Jaro–Winkler match in the other list. */
export function listSimilarity(A: PreparedSet, i: number, B: PreparedSet, j: number, f: ListFeature): number {
  const ca = A.list[f];
  const cb = B.list[f];
  const a0 = ca.offsets[i]!;
  const la = ca.offsets[i + 1]! - a0;
  const b0 = cb.offsets[j]!;
  const lb = cb.offsets[j + 1]! - b0;
  if (la === 0 || lb === 0) return 0;
  if (rowBest.length < la) rowBest = new Float64Array(la * 2);
  if (colBest.length < lb) colBest = new Float64Array(lb * 2);
  rowBest.fill(0, 0, la);
  colBest.fill(0, 0, lb);
  for (let x = 0; x < la; x++) {
    const s = A.strings[ca.values[a0 + x]!]!;
    for (let y = 0; y < lb; y++) {
      const v =
        A === B && ca.values[a0 + x] === cb.values[b0 + y]
          ? 1
          : jaroWinkler(s, B.strings[cb.values[b0 + y]!]!);
      if (v > rowBest[x]!) rowBest[x] = v;
      if (v > colBest[y]!) colBest[y] = v;
    }
  }
  let total = 0;
  for (let x = 0; x < la; x++) total += rowBest[x]!;
  for (let y = 0; y < lb; y++) total += colBest[y]!;
  return total / (la + lb);
}

function inList(f: StringFeature, list: ListFeature): PairPredicate {
  const contains = (S: PreparedSet, i: number, T: PreparedSet, id: number): boolean => {
    const c = S.list[list];
    for (let x = c.offsets[i]!, xe = c.offsets[i + 1]!; x < xe; x++)
      if (same(S, c.values[x]!, T, id)) return true;
    return false;
  };
  return (A, B) => {
    const ca = A.str[f];
    const cb = B.str[f];
    return (i, j) => {
      const a = ca[i]!;
      const b = cb[j]!;
      return (a >= 0 && contains(B, j, A, a)) || (b >= 0 && contains(A, i, B, b));
    };
  };
}

function affix(f: StringFeature, length: number, fromEnd: boolean): PairPredicate {
  return (A, B) => {
    const ca = A.str[f];
    const cb = B.str[f];
    return (i, j) => {
      const a = textOf(A, ca, i);
      const b = textOf(B, cb, j);
      if (a === undefined || b === undefined || a.length < length || b.length < length) return false;
      const oa = fromEnd ? a.length - length : 0;
      const ob = fromEnd ? b.length - length : 0;
      for (let k = 0; k < length; k++) if (a.charCodeAt(oa + k) !== b.charCodeAt(ob + k)) return false;
      return true;
    };
  };
}

const emailLocal: PairPredicate = (A, B) => {
  const ca = A.str.email;
  const cb = B.str.email;
  return (i, j) => {
    const a = textOf(A, ca, i);
    const b = textOf(B, cb, j);
    if (a === undefined || b === undefined) return false;
    const ka = a.indexOf('@');
    const kb = b.indexOf('@');
    if (ka <= 0 || ka !== kb) return false;
    for (let k = 0; k < ka; k++) if (a.charCodeAt(k) !== b.charCodeAt(k)) return false;
    return true;
  };
};

/** Day and month agree, under either reading of an ambiguous date. */
function dmAgree(A: PreparedSet, i: number, B: PreparedSet, j: number, swap: boolean): boolean {
  const am = A.num.dobM[i]!;
  const ad = A.num.dobD[i]!;
  const bm = swap ? B.num.dobD[j]! : B.num.dobM[j]!;
  const bd = swap ? B.num.dobM[j]! : B.num.dobD[j]!;
  if (am === bm && ad === bd) return true;
  const aam = A.num.dobAltM[i]!;
  const bam = swap ? B.num.dobAltD[j]! : B.num.dobAltM[j]!;
  const bad = swap ? B.num.dobAltM[j]! : B.num.dobAltD[j]!;
  if (aam > 0 && aam === bm && A.num.dobAltD[i] === bd) return true;
  return bam > 0 && am === bam && ad === bad;
}

const dateExact: PairPredicate = (A, B) => (i, j) =>
  A.num.dobD[i]! > 0 && B.num.dobD[j]! > 0 && A.num.dobY[i] === B.num.dobY[j] && dmAgree(A, i, B, j, false);

const dateTransposed: PairPredicate = (A, B) => (i, j) =>
  A.num.dobD[i]! > 0 && B.num.dobD[j]! > 0 && A.num.dobY[i] === B.num.dobY[j] && dmAgree(A, i, B, j, true);

const dateSameMonth: PairPredicate = (A, B) => (i, j) => {
  if (A.num.dobY[i] !== B.num.dobY[j] || A.num.dobM[i] === 0 || B.num.dobM[j] === 0) return false;
  const bm = B.num.dobM[j]!;
  const bam = B.num.dobAltM[j]!;
  const am = A.num.dobM[i]!;
  const aam = A.num.dobAltM[i]!;
  return am === bm || (aam > 0 && aam === bm) || (bam > 0 && (bam === am || bam === aam));
};

const dateSameYear: PairPredicate = (A, B) => {
  const loA = A.num.yearLo;
  const hiA = A.num.yearHi;
  const loB = B.num.yearLo;
  const hiB = B.num.yearHi;
  return (i, j) => {
    const lo = loA[i]!;
    return lo > 0 && lo === hiA[i] && lo === loB[j] && lo === hiB[j];
  };
};

function yearWithin(years: number): PairPredicate {
  return (A, B) => {
    const loA = A.num.yearLo;
    const hiA = A.num.yearHi;
    const loB = B.num.yearLo;
    const hiB = B.num.yearHi;
    return (i, j) => {
      if (loA[i] === 0 || loB[j] === 0) return false;
      const gap = Math.max(loA[i]!, loB[j]!) - Math.min(hiA[i]!, hiB[j]!);
      return gap <= years;
    };
  };
}

const pass: BoundPredicate = () => true;
const always: PairPredicate = () => pass;

/** Compiles one level test. */
export function compileTest(t: LevelTest): PairPredicate {
  switch (t.test) {
    case 'exact':
      return exact(t.feature);
    case 'jaroWinkler': {
      const score = jwScore(t.feature);
      return (A, B) => {
        const s = score(A, B);
        return (i, j) => s(i, j) >= t.threshold;
      };
    }
    case 'editDistance':
      return edit(t.feature, t.max);
    case 'initial':
      return initial(t.feature);
    case 'swapped':
      return swapped(t.feature, t.other);
    case 'shareAny':
      return shareAny(t.feature);
    case 'tokenSimilarity':
      return (A, B) => (i, j) => listSimilarity(A, i, B, j, t.feature) >= t.threshold;
    case 'inList':
      return inList(t.feature, t.list);
    case 'prefix':
      return affix(t.feature, t.length, false);
    case 'suffix':
      return affix(t.feature, t.length, true);
    case 'dateExact':
      return dateExact;
    case 'dateTransposed':
      return dateTransposed;
    case 'dateSameMonth':
      return dateSameMonth;
    case 'dateSameYear':
      return dateSameYear;
    case 'yearWithin':
      return yearWithin(t.years);
    case 'emailLocal':
      return emailLocal;
    case 'else':
      return always;
  }
}
