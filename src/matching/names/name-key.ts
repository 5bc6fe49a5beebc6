/**
 * The cross-convention key of one name token. Every script and romanisation is first reduced to
 * plain lower-case Latin (Cyrillic by a fixed internal table, Latin by folding diacritics with their
 * phonetic value), then read through one set of digraph rules into a small alphabet where the
 * letters that conventions write differently fall together:
 *   vowels      a · o (ou → u) · u · i  (i y e и і ы є ї й j all i)
 *   hushers     š  (ш ж ч щ х: sh zh ch kh sch tsch tch cz sz szcz shch ž š č ż x-in-scholarly)
 *   sibilants   s  (с з ц: s z c ts tz ß)
 *   others      b p v(w) f(ph) g(h gh) d t(th) k(q) l(ł) m n r
 * (c is ц, as in every Slavic Latin spelling: Lewicki, so ck is ц+к, not German k).
 * Runs of one letter are collapsed, the i of a soft l before a back vowel is dropped (Polish
 * writes Лящук Laszczuk, Журавльов Żurawlow), and the adjectival endings -skyi/-skiy/-ski/-skij meet
 * as -ski. Deterministic and idempotent: nameKey(nameKey(x)) === nameKey(x).
 */
import anyAscii from 'any-ascii';
import { cyrillicToPlain } from './name-key-tables.js';
import { foldLatin } from './name-key-tables.js';

const CACHE_LIMIT = 262_144;
/**
 * A bounded two-generation cache: when the young map is full it becomes the old one, so the
 * tokens seen recently stay cached and memory stays under two maps of CACHE_LIMIT entries.
 */
class KeyCache {
  private young = new Map<string, string>();
  private old = new Map<string, string>();
  get(token: string): string | undefined {
    const hit = this.young.get(token);
    if (hit !== undefined) return hit;
    const aged = this.old.get(token);
    if (aged !== undefined) this.set(token, aged);
    return aged;
  }
  set(token: string, key: string): void {
    if (this.young.size >= CACHE_LIMIT) {
      this.old = this.young;
      this.young = new Map();
    }
    this.young.set(token, key);
  }
}

const cache = new KeyCache();

// Scratch buffers for the two passes; names longer than this are cut (no real name is).
const MAX = 128;
const plain = new Uint16Array(MAX * 4);
const out = new Uint16Array(MAX * 4);

const HUSHER = 0x161; // š
// One-letter strings by code, so that building a key allocates no intermediate arrays.
const CHARS: readonly string[] = Array.from({ length: HUSHER + 1 }, (_, c) => String.fromCharCode(c));
const KEEP_E = 4; // mode bit: the given-name key
const FRENCH_J = 8; // mode bit: a token written the French way (ou for у), where j is ж
const ISO9_MARKS = new Set([0xec, 0xcc, 0xea, 0xca, 0xe2, 0xc2, 0xfb, 0xdb, 0x15d, 0x15c, 0xe8, 0xc8]);
const HACEK_MARKS = new Set([
  0x10d, 0x10c, 0x161, 0x160, 0x17e, 0x17d, 0x2b9, 0x2ba, 0x11b, 0x11a, 0x159, 0x158,
]);

/**
 * One key for one name token in any script or romanisation, so that its variants meet:
 * Samoylenko, Samojlenko, Samoilenko, Самойленко → `samoilinko`;
 * Kovalchuk, Kowaltschuk, Kovaltchouk, Kowalczuk, Ковальчук → `kovalšuk`.
 * Returns '' for a token without letters.
 */
export function nameKey(token: string): string {
  const hit = cache.get(token);
  if (hit !== undefined) return hit;
  const key = computeKey(token);
  cache.set(token, key);
  return key;
}

const givenCache = new KeyCache();

/**
 * A finer key for given names: as `nameKey`, but e stays apart from i (Yehor/Ihor, Elina/Ilina,
 * Ella/Illia are different names) and e absorbs the iotation before it (Yevhen, Jewhen, Ievhen →
 * evgen). The given-name classes are indexed by it.
 */
export function givenNameKey(token: string): string {
  const hit = givenCache.get(token);
  if (hit !== undefined) return hit;
  const key = computeKey(token, KEEP_E);
  givenCache.set(token, key);
  return key;
}

/** The keys of every token of a full name, in order, without empty ones. */
export function nameKeys(fullName: string): string[] {
  const keys: string[] = [];
  for (const token of fullName.split(TOKEN_SEPARATORS)) {
    if (token === '') continue;
    const k = nameKey(token);
    if (k !== '') keys.push(k);
  }
  return keys;
}

/** What separates the tokens of a full name. */
export const TOKEN_SEPARATORS = /[\s,.;:/()[\]{}"«»„“”\-‐‑–—_]+/u;

function computeKey(token: string, extraMode = 0): string {
  // Other scripts are romanised a whole token at a time: any-ascii reads some letters by context.
  if (hasOtherScript(token)) token = anyAscii(greekDigraphs(token));
  let n = toPlain(token);
  // French writes the Russian surname ending -ин as -ine (Poutine, Pouchkine): drop that e.
  if ((extraMode & KEEP_E) === 0 && n >= 5 && plain[n - 1] === E && plain[n - 2] === N && plain[n - 3] === I)
    n--;
  const m = readDigraphs(n, modes(token) | extraMode);
  return finish(m);
}

// Greek vowel digraphs as Greek names are romanised (Papadopoulou, Evangelos), which any-ascii,
// going letter by letter, does not do.
const GREEK_DIGRAPHS: Record<string, string> = { ου: 'ou', αυ: 'av', ευ: 'ev', αι: 'e', ει: 'i', οι: 'i' };
function greekDigraphs(token: string): string {
  return token.replace(/γγ/gu, 'ng').replace(/[οαεΟΑΕ][υιΥΙύίΎΊ]/gu, (d) => {
    const plain = d.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '');
    const latin = GREEK_DIGRAPHS[plain];
    if (latin === undefined) return d;
    return d[0] === d[0]!.toLowerCase() ? latin : latin[0]!.toUpperCase() + latin.slice(1);
  });
}

function hasOtherScript(token: string): boolean {
  for (let i = 0; i < token.length; i++) {
    const c = token.charCodeAt(i);
    if (c >= 0x370 && c < 0x400) return true; // Greek
    if (c >= 0x530 && (c < 0x1e00 || c > 0x1eff) && (c < 0x2b0 || c > 0x2ff) && c !== 0x2019) return true;
  }
  return false;
}

/** Which ambiguous letters the token's own marks decide: ISO 9 writes х as h, Slavists as x. */
function modes(token: string): number {
  let m = 0;
  let ou = false;
  for (let i = 0; i < token.length; i++) {
    const c = token.charCodeAt(i);
    if ((c | 0x20) === 0x6f && (token.charCodeAt(i + 1) | 0x20) === 0x75) ou = true; // "ou", any case
    if (c < 0xc0) continue;
    if (ISO9_MARKS.has(c)) m |= 1;
    if (HACEK_MARKS.has(c)) m |= 2;
  }
  // French writes у as ou and ж as j (Joukov, Jouravliov); no other convention in use writes both.
  if (ou && (m & 2) === 0) m |= FRENCH_J;
  return m;
}

/** Pass 1: any script to plain lower-case Latin letters and š, into `plain`; returns the length. */
function toPlain(token: string): number {
  let n = 0;
  const len = Math.min(token.length, MAX);
  for (let i = 0; i < len; i++) {
    let c = token.charCodeAt(i);
    if (c >= 0x41 && c <= 0x5a) c += 32;
    if (c >= 0x61 && c <= 0x7a) {
      plain[n++] = c;
      continue;
    }
    if (c < 0xc0) continue; // digits, apostrophes, punctuation
    const s =
      c >= 0x400 && c <= 0x4ff
        ? cyrillicToPlain(c, token.charCodeAt(i - 1) | 0, token.charCodeAt(i + 1) | 0)
        : foldLatin(c);
    for (let k = 0; k < s.length; k++) plain[n++] = s.charCodeAt(k);
  }
  return n;
}

let outLen = 0;
let keepE = false;

/** Appends one key letter, collapsing runs, and folding t+s and t+š (ts, tsch) and s+š (сч). */
function push(c: number): void {
  if (outLen > 0) {
    const last = out[outLen - 1]!;
    if (last === c) return;
    // Polish writes ля, лю, льо as la, lu, lo (the softness is in the l): drop the i after l.
    // Given-name key: Ye, Je, Ie, Є at the start or after a vowel are one e; Emilie keeps its i.
    if (keepE && c === E && last === I && (outLen === 1 || isVowel(out[outLen - 2]!))) {
      out[outLen - 1] = E;
      return;
    }
    if (!keepE && last === I && outLen > 1 && out[outLen - 2] === L && (c === A || c === O || c === U)) {
      out[outLen - 1] = c;
      return;
    }
    if ((c === S || c === HUSHER) && (last === T || (last === S && c === HUSHER))) {
      outLen--;
      if (outLen > 0 && out[outLen - 1] === c) return;
    }
  }
  out[outLen++] = c;
}

// prettier-ignore
const A = 0x61, B = 0x62, C = 0x63, D = 0x64, E = 0x65, F = 0x66, G = 0x67, H = 0x68, I = 0x69;
// prettier-ignore
const K = 0x6b, L = 0x6c, N = 0x6e, O = 0x6f, P = 0x70, S = 0x73, T = 0x74, U = 0x75, V = 0x76, Z = 0x7a;

function isVowel(c: number): boolean {
  return c === A || c === O || c === U || c === I || c === E;
}

/** Pass 2: reads `plain` through the digraph rules into `out`; returns the key's length. */
function readDigraphs(n: number, mode: number): number {
  outLen = 0;
  keepE = (mode & KEEP_E) !== 0;
  let i = 0;
  while (i < n) {
    const c = plain[i]!;
    const c1 = i + 1 < n ? plain[i + 1]! : 0;
    const c2 = i + 2 < n ? plain[i + 2]! : 0;
    i += readOne(c, c1, c2, i + 3 < n ? plain[i + 3]! : 0, i + 2 === n, mode);
  }
  return outLen;
}

/** Emits the key letter(s) for the digraph starting with `c`; returns how many letters it used. */
// prettier-ignore
function readOne(c: number, c1: number, c2: number, c3: number, lastTwo: boolean, mode: number): number {
  switch (c) {
    case E: push(keepE ? E : I); return 1;
    case 0x6a: push(mode & FRENCH_J ? HUSHER : I); return 1; // j
    case I: case 0x79: push(I); return 1; // i y
    case O: if (c1 === U) { push(U); return 2; } push(O); return 1;
    case 0x77: push(V); return 1; // w
    case 0x71: push(K); return 1; // q
    case C:
      if (c1 === H || c1 === Z) { push(HUSHER); return 2; }
      push(S); return 1;
    case F: if (c1 === F && lastTwo) { push(V); return 2; } push(F); return 1; // Iwanoff
    case G:
      if (c1 === H) { push(G); return 2; }
      if (c1 === U && (c2 === E || c2 === I)) { push(G); return 2; } // Spanish gue, gui
      push(G); return 1;
    case H: push(mode & 1 ? HUSHER : G); return 1;
    case K: if (c1 === H) { push(HUSHER); return 2; } push(K); return 1;
    case P: if (c1 === H) { push(F); return 2; } push(P); return 1;
    case S:
      if (c1 === C && c2 === H) { push(HUSHER); return 3; }
      if (c1 === H || c1 === Z) { push(HUSHER); return 2; }
      push(S); return 1;
    case T:
      if (c1 === S && c2 === C && c3 === H) { push(HUSHER); return 4; }
      if (c1 === C && c2 === H) { push(HUSHER); return 3; }
      if (c1 === S || c1 === Z) { push(S); return 2; }
      if (c1 === H) { push(T); return 2; }
      push(T); return 1;
    case 0x78: if (mode & 2) { push(HUSHER); return 1; } push(K); push(S); return 1; // x
    case Z: if (c1 === H) { push(HUSHER); return 2; } push(S); return 1;
    case A: case B: case D: case L: case 0x6d: case 0x6e: case 0x72: case U: case V: case HUSHER:
      push(c); return 1;
    default:
      return 1;
  }
}

/** Pass 3: word-final folds, then the key as a string. */
function finish(m: number): string {
  // Russian feminine adjectival -aya/-aja/-ая meets the Ukrainian and Polish -a (Kovalskaya, Kovalska).
  if (m >= 6 && out[m - 1] === A && out[m - 2] === I && out[m - 3] === A) m -= 2;
  let key = '';
  for (let i = 0; i < m; i++) key += CHARS[out[i]!]!;
  return key;
}
