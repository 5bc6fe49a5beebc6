/**
 * Similarity of two full names across scripts, conventions, languages and name orders. Both names
 * are parsed; their tokens are paired by the best one-to-one assignment regardless of order; each
 * pair is scored by what it is (given names by class, patronymics by the father's class, initials
 * by compatibility, family names by key); then the pair scores are averaged with weights by part,
 * and a contradiction anywhere pulls the whole score down while a missing part costs little.
 */
import { damerauLevenshtein, jaroWinkler } from '../strings/index.js';
import { givenNameClass, givenNameInitials, givenNameKeys, patronymicInfo } from './given-names.js';
import type { PatronymicInfo } from './given-names.js';
import { givenNameKey, nameKey } from './name-key.js';
import { parseName } from './parse-name.js';
import type { ParsedName } from './parse-name.js';
import { assignPairs } from './assign-pairs.js';

/** The role a token plays in an aligned pair. */
export type NamePartKind = 'family' | 'given' | 'patronymic' | 'initial';

/** One aligned pair of tokens (or a token without partner) with its score in [0,1]. */
export interface AlignedPart {
  kind: NamePartKind;
  left: string | null;
  right: string | null;
  score: number;
  reason: string;
}

/** Why two names scored as they did: the parts as parsed, then each aligned pair. */
export interface NameExplanation {
  left: ParsedName;
  right: ParsedName;
  parts: AlignedPart[];
}

interface Part {
  kind: NamePartKind;
  text: string;
  key: string;
  /** The finer key given names are classed by (also for initials); '' for other parts. */
  gkey: string;
  cls: string | null;
  pat: PatronymicInfo | null;
  /** Written in a script without vowel letters (Arabic, Hebrew): compare consonants only. */
  abjad: boolean;
  /** The key with the letters conventions still disagree on merged (see `coarse`). */
  coarse: string;
}

// How much each kind of part counts, and how much an unpaired one costs.
const WEIGHT: Record<NamePartKind, number> = { family: 1, given: 0.8, patronymic: 0.5, initial: 0.4 };
const ABSENT_COST = 0.3; // the other name has no part of this kind at all
const EXTRA_COST = 0.5; // the other name has such parts, but fewer (a second given name)
const CROSS_KIND = 0.9; // pairing a family name with a given name: allowed, parsing may be wrong

// Arabic, Hebrew, Syriac, Thaana and their presentation forms.
const ABJAD = /[\u0590-\u07bf\u0860-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]/u;
const PARTICLE =
  /^(?:de|da|di|do|dos|das|du|del|della|der|den|des|la|le|van|von|zu|ter|ten|ibn|bin|ben|bint|al|el|abu)$/iu;

/**
 * Compares two full names in any script, convention and order; 1 for the same name, near 0 for
 * unrelated ones. Missing parts (no patronymic on one side) cost less than contradicting ones.
 * @example nameSimilarity('КОВАЛЬЧУК Андрій Миколайович', 'Kowaltschuk, Andrij').score // > 0.9
 */
export function nameSimilarity(a: string, b: string): { score: number; explanation: NameExplanation } {
  const { parsed: left, parts: pa } = prepared(a);
  const { parsed: right, parts: pb } = prepared(b);
  if (pa.length === 0 || pb.length === 0) {
    return { score: 0, explanation: { left: copy(left), right: copy(right), parts: [] } };
  }
  explaining = false;
  const sims: number[] = [];
  for (const x of pa) for (const y of pb) sims.push(partSimilarity(x, y));
  const pairs = assignPairs(pa.length, pb.length, (i, j) => sims[i * pb.length + j]!);
  const parts: AlignedPart[] = [];
  let num = 0;
  let den = 0;
  let worst = 1;
  const usedA = new Set<number>();
  const usedB = new Set<number>();
  for (const [i, j] of pairs) {
    const x = pa[i]!;
    const y = pb[j]!;
    explaining = true;
    const score = partSimilarity(x, y);
    const kind = x.kind === 'initial' ? y.kind : x.kind;
    const w = Math.max(WEIGHT[x.kind], WEIGHT[y.kind]);
    num += w * score;
    den += w;
    if (x.kind !== 'initial' && y.kind !== 'initial') worst = Math.min(worst, score);
    else worst = Math.min(worst, 0.5 + score / 2);
    usedA.add(i);
    usedB.add(j);
    parts.push({ kind, left: x.text, right: y.text, score, reason });
    explaining = false;
  }
  den += unpaired(pa, usedA, pb, parts, 'left') + unpaired(pb, usedB, pa, parts, 'right');
  const mean = den === 0 ? 0 : num / den;
  let score = round(mean * (0.5 + 0.5 * worst));
  if (pa.length !== pb.length) {
    // Tokenised differently (Chinese WangXiaoMing against Wang Xiaoming): compare the whole names.
    const joined = joinedSimilarity(pa, pb);
    if (joined > score) {
      score = round(joined);
      parts.push({ kind: 'family', left: a, right: b, score: joined, reason: 'whole names compared as one' });
    }
  }
  return { score, explanation: { left: copy(left), right: copy(right), parts } };
}

/** The two names as single strings of keys, each in either order; 0.95 at most. */
function joinedSimilarity(pa: Part[], pb: Part[]): number {
  const named = (ps: Part[]): string[] => ps.filter((p) => p.kind !== 'initial').map((p) => p.key);
  const ka = named(pa);
  const kb = named(pb);
  if (ka.length === 0 || kb.length === 0) return 0;
  let best = 0;
  for (const a of [ka.join(''), [...ka].reverse().join('')]) {
    for (const b of [kb.join(''), [...kb].reverse().join('')]) {
      best = Math.max(best, a === b ? 1 : rawKeySimilarity(a, b) ** 2);
    }
  }
  return 0.95 * best;
}

/** Adds the unpaired parts to the explanation and returns what they cost in the denominator. */
function unpaired(
  own: Part[],
  used: Set<number>,
  other: Part[],
  out: AlignedPart[],
  side: 'left' | 'right',
): number {
  let cost = 0;
  own.forEach((p, i) => {
    if (used.has(i)) return;
    const absent = !other.some((q) => q.kind === p.kind || (p.kind === 'given' && q.kind === 'initial'));
    const c = WEIGHT[p.kind] * (absent ? ABSENT_COST : EXTRA_COST);
    cost += c;
    const reason = absent ? `no ${p.kind} on the other side` : `extra ${p.kind}`;
    out.push({
      kind: p.kind,
      left: side === 'left' ? p.text : null,
      right: side === 'right' ? p.text : null,
      score: 0,
      reason,
    });
  });
  return cost;
}

// Names recur across comparisons (one record against many candidates): parse each once.
const PREPARED_LIMIT = 100_000;
const preparedCache = new Map<string, { parsed: ParsedName; parts: Part[] }>();

function prepared(name: string): { parsed: ParsedName; parts: Part[] } {
  let hit = preparedCache.get(name);
  if (hit === undefined) {
    const parsed = parseName(name);
    hit = { parsed, parts: partsOf(parsed) };
    if (preparedCache.size >= PREPARED_LIMIT) preparedCache.clear();
    preparedCache.set(name, hit);
  }
  return hit;
}

function partsOf(n: ParsedName): Part[] {
  const parts: Part[] = [];
  const add = (kind: NamePartKind, text: string): void => {
    const key = nameKey(text);
    if (key === '') return;
    const named = kind === 'given' || kind === 'family';
    const cls = named ? givenNameClass(text) : null;
    const keyed = named || kind === 'initial';
    const pat = kind === 'patronymic' ? patronymicInfo(text) : null;
    const gkey = keyed ? givenNameKey(text) : '';
    parts.push({ kind, text, key, gkey, cls, pat, abjad: ABJAD.test(text), coarse: coarse(key) });
  };
  for (const f of n.family) for (const t of f.split(/[\s\-‐]+/u)) if (!PARTICLE.test(t)) add('family', t);
  for (const g of n.given) for (const t of g.split(/[\s\-‐]+/u)) add('given', t);
  if (n.patronymic !== null) add('patronymic', n.patronymic);
  for (const i of n.initials) add('initial', i);
  return parts;
}

// Reasons are built only for the pairs shown in the explanation, not for every candidate pair.
let explaining = false;
let reason = '';
function say(score: number, why: () => string): number {
  reason = explaining ? why() : '';
  return score;
}

/** The score of one pair of parts; sets `reason` when explaining. */
function partSimilarity(x: Part, y: Part): number {
  if (x.kind === 'initial' || y.kind === 'initial') return initialSimilarity(x, y);
  if (x.kind === 'patronymic' || y.kind === 'patronymic') {
    if (x.kind !== y.kind) return say(0, () => 'patronymic against another part');
    return patronymicSimilarity(x, y);
  }
  const cross = x.kind !== y.kind ? CROSS_KIND : 1;
  // Classes decide given names before keys do: Yehor and Ihor share a surname key, not a class.
  if (x.cls !== null && x.cls === y.cls) return say(cross, () => `same given-name class (${x.cls})`);
  if (x.kind === 'given' && y.kind === 'given' && x.cls !== null && y.cls !== null) {
    return say(0.1, () => `different given names (${x.cls} / ${y.cls})`);
  }
  if (x.key === y.key) return say(cross, () => 'same name key');
  if (x.abjad !== y.abjad) {
    // محمد is mhmd in Latin letters: only the consonants can agree with Muhammad.
    const s = skeletonSimilarity(x.key, y.key);
    return say(cross * s, () => `same consonants (${s.toFixed(2)})`);
  }
  const s = keySimilarity(x, y);
  return say(cross * s, () => `similar spelling (${s.toFixed(2)})`);
}

/** Spelling similarity of two keys, made strict: JW alone rates Ivanenko/Ivanov 0.89. */
function keySimilarity(x: Part, y: Part): number {
  let best = rawKeySimilarity(x.key, y.key);
  // An unknown spelling against a known given name: compare with every spelling of that class.
  const cls = x.cls ?? y.cls;
  if (cls !== null && (x.cls === null || y.cls === null)) {
    const other = x.cls === null ? x.gkey : y.gkey;
    // Typos rarely touch the first letter: compare only with spellings that share it.
    for (const k of givenNameKeys(cls)) {
      if (k[0] === other[0] && Math.abs(k.length - other.length) <= 2)
        best = Math.max(best, rawKeySimilarity(other, k));
    }
  }
  const s = best * best;
  return s < COARSE_MATCH && x.coarse === y.coarse ? COARSE_MATCH : s;
}

/**
 * Edit ratio first, Jaro–Winkler second: JW forgives different endings too much (it rates
 * Ivanenko/Ivanov 0.89), the edit ratio does not (0.5).
 */
function rawKeySimilarity(a: string, b: string): number {
  const n = Math.max(a.length, b.length);
  if (n === 0) return 0;
  // Beyond half the length the exact distance does not matter: stop counting there.
  const ratio = 1 - Math.min(n, damerauLevenshtein(a, b, n >> 1)) / n;
  return 0.25 * jaroWinkler(a, b) + 0.75 * ratio;
}

function skeletonSimilarity(a: string, b: string): number {
  // Vowel letters are matres lectionis or absent, and b/v is one letter (Hebrew ב): drop them.
  const sa = a.replace(/[aouivb]/g, '');
  const sb = b.replace(/[aouivb]/g, '');
  if (sa === '' || sb === '') return 0;
  return sa === sb ? 0.9 : rawKeySimilarity(sa, sb) ** 2 * 0.9;
}

// Letters that a few conventions still write apart after keying: х as h (ISO 9), x (Slavists)
// or j (Spanish), ж as j (French), and ё written as е. Keys equal up to these are likely the
// same name.
const COARSE_MATCH = 0.85;
function coarse(key: string): string {
  // ё is often written е (Фёдоров, Федоров; Хрущёв, Khrushchev): io and šo read as e would.
  let k = key.replace(/io/g, 'i').replace(/šo/g, 'ši').replace(/[gš]/g, 'x');
  if (k.length > 1 && k[0] === 'i') k = `x${k.slice(1)}`; // Spanish Jmelnitski, French Jouk
  return k;
}

function patronymicSimilarity(x: Part, y: Part): number {
  const px = x.pat;
  const py = y.pat;
  if (x.key === y.key) return say(1, () => 'same name key');
  if (px && py && px.sex !== py.sex) return say(0.1, () => 'patronymics of different sex');
  if (px?.fatherClass && px.fatherClass === py?.fatherClass) {
    return say(1, () => `same father's name (${px.fatherClass})`);
  }
  if (px?.fatherClass && py?.fatherClass) {
    return say(0.1, () => `different father's names (${px.fatherClass} / ${py.fatherClass})`);
  }
  const s = rawKeySimilarity(x.key, y.key) ** 2;
  return say(s, () => `similar spelling (${s.toFixed(2)})`);
}

/** An initial agrees with a name when some form of that name (in any language) starts with it. */
function initialSimilarity(x: Part, y: Part): number {
  if (x.kind === 'initial' && y.kind === 'initial') {
    return x.key[0] === y.key[0] ? say(0.9, () => 'same initial') : say(0, () => 'different initials');
  }
  const ini = x.kind === 'initial' ? x : y;
  const full = ini === x ? y : x;
  // An initial written with two letters (Ю = Yu, Я = Ya, Zh) must match both.
  const ok =
    full.kind === 'patronymic'
      ? full.key.startsWith(ini.key)
      : full.gkey.startsWith(ini.gkey) || (full.cls !== null && givenNameInitials(full.cls).has(ini.gkey));
  return ok ? say(0.85, () => 'initial agrees') : say(0, () => 'initial disagrees');
}

/** Parses are cached and shared: callers get their own copy. */
function copy(p: ParsedName): ParsedName {
  return { ...p, given: [...p.given], family: [...p.family], initials: [...p.initials] };
}

function round(x: number): number {
  return Math.round(x * 10000) / 10000;
}
