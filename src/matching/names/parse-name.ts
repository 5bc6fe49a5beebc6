/**
 * Parsing a full name into given names, patronymic and family names, whatever the order:
 * official surname-first lists ("КОВАЛЬЧУК Андрій Миколайович"), Western order ("Andrii
 * Kovalchuk"), comma forms ("Kowaltschuk, Andrij"), initials ("A. M. Kovalchuk", "Kovalchuk A.M."),
 * double surnames and particles. The order is decided by evidence, strongest first: a comma,
 * capitals used for the surname only, patronymics, then the given-name classes, and only then the
 * script's usual order.
 */
import { givenNameClass, patronymicInfo } from './given-names.js';
import { nameKey } from './name-key.js';
import { detectScript } from './script.js';
import type { Script } from './script.js';

/** A full name split into its parts; tokens keep their original spelling. */
export interface ParsedName {
  given: string[];
  patronymic: string | null;
  family: string[];
  initials: string[];
  script: Script;
  original: string;
}

// Particles that belong to the family name that follows them.
// prettier-ignore
const PARTICLES = new Set([
  'de', 'da', 'di', 'do', 'dos', 'das', 'du', 'del', 'della', 'der', 'den', 'des', 'la', 'le', 'van',
  'von', 'zu', 'ter', 'ten', 'ibn', 'bin', 'ben', 'bint', 'al', 'el', 'abu', 'st', 'san', 'mac',
]);
// Family-name endings common in the region, in key space (after nameKey): -enko, -uk/-iuk/-čuk,
// -ov/-ev/-iv/-in, -ski/-ska, -ovyč/-evyč, -ko, -yn/-ina, -ova/-eva.
const SURNAME_ENDINGS = [
  'inko',
  'uk',
  'ov',
  'ova',
  'iv',
  'in',
  'ina',
  'ski',
  'ska',
  'viš',
  'ko',
  'iak',
  'nik',
  'šik',
];

interface Token {
  text: string;
  initials: string[] | null;
  upper: boolean;
  patronymic: boolean;
  given: boolean;
  surnameLike: boolean;
}

/**
 * Splits a full name into its parts. Never throws; an empty name gives empty parts.
 * @example parseName('Kovalchuk A.M.') // { family: ['Kovalchuk'], initials: ['A', 'M'], given: [], ... }
 */
export function parseName(full: string): ParsedName {
  const original = full;
  const script = detectScript(full);
  const text = full
    .replace(/[()[\]{}"«»„“”]/gu, ' ')
    .replace(/\s+/gu, ' ')
    .trim();
  const result: ParsedName = { given: [], patronymic: null, family: [], initials: [], script, original };
  if (text === '') return result;
  const comma = text.indexOf(',');
  if (comma >= 0) {
    const before = toTokens(text.slice(0, comma), false);
    const after = toTokens(text.slice(comma + 1).replace(/,/g, ' '), false);
    for (const t of before) if (t.initials) result.initials.push(...t.initials);
    result.family.push(...before.filter((t) => !t.initials).map((t) => t.text));
    assignGiven(after, result);
    return result;
  }
  const tokens = toTokens(text, isAllCaps(text));
  const family = chooseFamily(tokens, script);
  result.family.push(...tokens.filter((t) => family.has(t)).map((t) => t.text));
  assignGiven(
    tokens.filter((t) => !family.has(t)),
    result,
  );
  return result;
}

/** Given names, patronymic and initials from tokens that are known not to be the family name. */
function assignGiven(tokens: Token[], result: ParsedName): void {
  for (const t of tokens) {
    if (t.initials) result.initials.push(...t.initials);
    else if (t.patronymic && result.patronymic === null && !t.given) result.patronymic = t.text;
    else result.given.push(t.text);
  }
}

function toTokens(text: string, allCaps: boolean): Token[] {
  const raw = text.split(' ').filter(Boolean);
  const tokens: Token[] = [];
  for (let i = 0; i < raw.length; i++) {
    let word = raw[i]!;
    // A particle joins the word after it: "van der Berg" is one family name.
    while (PARTICLES.has(word.toLowerCase()) && i + 1 < raw.length && !initialsOf(raw[i + 1]!)) {
      word = `${word} ${raw[++i]!}`;
    }
    tokens.push(describe(word, allCaps));
  }
  return tokens;
}

function describe(text: string, allCaps: boolean): Token {
  const initials = initialsOf(text);
  const last = text.split(/[\s-]/u).pop() ?? text;
  const key = nameKey(last);
  const pat = initials ? null : patronymicInfo(text);
  return {
    text,
    initials,
    upper:
      !allCaps && !initials && text.length > 1 && text === text.toUpperCase() && text !== text.toLowerCase(),
    patronymic: pat !== null && key.length >= 6,
    given: !initials && text.split('-').every((p) => givenNameClass(p) !== null),
    surnameLike: !initials && SURNAME_ENDINGS.some((e) => key.endsWith(e) && key.length > e.length + 2),
  };
}

/** "A.", "A", "A.M.", "А.-М." → their letters; null for anything else. */
function initialsOf(word: string): string[] | null {
  const letters = word.split(/[.\-‐]+/u).filter(Boolean);
  if (letters.length === 0 || !letters.every((l) => /^\p{Lu}\p{Ll}?$/u.test(l) && [...l].length <= 2))
    return null;
  const dotted = word.includes('.');
  if (!dotted && !(letters.length === 1 && [...letters[0]!].length === 1)) return null;
  // Latin digraph initials (Yu., Ya., Zh., Ch.) are kept whole: they say more than one letter.
  return letters;
}

function isAllCaps(text: string): boolean {
  return text === text.toUpperCase() && text !== text.toLowerCase();
}

/** Picks the family-name tokens by the strongest evidence available. */
function chooseFamily(tokens: Token[], script: Script): Set<Token> {
  const words = tokens.filter((t) => !t.initials);
  if (words.length <= 1) return new Set(words);
  const upper = words.filter((t) => t.upper);
  if (upper.length > 0 && upper.length < words.length) return new Set(upper);
  const patIndex = words.findIndex((t) => t.patronymic && !t.given);
  // "Tetiana Oleksandrivna": a given name and a patronymic, no family name.
  if (patIndex >= 0 && words.length === 2 && words[1 - patIndex]!.given) return new Set();
  if (patIndex >= 0 && words.length >= 3) return familyAroundPatronymic(words, patIndex);
  const candidates = words.filter((t) => !t.patronymic || t.given);
  return familyByClass(candidates, script, tokens[0]?.initials != null);
}

/** Slavic order puts the patronymic right after the given name: F G P, or G P F. */
function familyAroundPatronymic(words: Token[], p: number): Set<Token> {
  const others = words.filter((_, i) => i !== p);
  if (p === words.length - 1) return new Set(others.slice(0, Math.max(1, others.length - 1)));
  if (p === 1) return new Set(words.slice(2));
  // Patronymic in the middle of a longer name: the token before it is the given name.
  return new Set(others.filter((_, i) => i !== p - 1));
}

/** Without stronger evidence, tokens that are not known given names are the family name. */
function familyByClass(words: Token[], script: Script, initialsFirst: boolean): Set<Token> {
  const notGiven = words.filter((t) => !t.given);
  if (notGiven.length > 0 && notGiven.length < words.length) return new Set(notGiven);
  const surnames = words.filter((t) => t.surnameLike);
  if (surnames.length > 0 && surnames.length < words.length) return new Set(surnames);
  // Nothing decides: Cyrillic lists write the surname first, Latin text writes it last, and a
  // name that starts with initials ends with the surname.
  if (script === 'cyrillic' && !initialsFirst) return new Set([words[0]!]);
  return new Set([words[words.length - 1]!]);
}
