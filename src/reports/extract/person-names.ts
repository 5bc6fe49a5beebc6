/**
 * Where people are named in a sentence. A run of capitalised words is a person when the clues
 * agree: a known given name, a rank or role title before it, an age next to it, a speech verb after
 * it. A lone family name counts once the report has named that person in full.
 */
import type { Token } from '../text/tokens.js';
import { givenNameClass, nameKey } from '../../matching/names/index.js';
import { GIVEN_NAMES, NOT_NAME, RANK_CUES, ROLE_CUES, SIDES, UNIT_NOUNS } from '../lexicon/people-lexicon.js';
import { FACILITY_NOUNS, ORG_ACRONYMS, ORG_HEADS, PLACE_HEADS } from '../lexicon/places-lexicon.js';
import { SPEECH_VERBS } from '../lexicon/figures-lexicon.js';
import { textOf } from '../text/numbers.js';

/** A person's name in a sentence: tokens [start, end). */
export interface NameSpan {
  readonly start: number;
  readonly end: number;
  readonly name: string;
  /** The family-name key (cross-spelling), used to link later mentions. */
  readonly familyKey: string;
  readonly givenKey: string | null;
}

const NAME_TOKEN = /^\p{Lu}[\p{Ll}'’]+(?:-\p{Lu}?[\p{Ll}'’]+)?$/u;

function nameToken(t: Token | undefined): boolean {
  return Boolean(
    t &&
    t.k === 'word' &&
    NAME_TOKEN.test(t.t) &&
    !NOT_NAME.has(t.l) &&
    !SIDES.has(t.l) &&
    !ORG_HEADS.has(t.l) &&
    !UNIT_NOUNS.has(t.l) &&
    !PLACE_HEADS.has(t.l),
  );
}

/** True for a known given name in any common romanisation. */
export function isGivenName(word: string): boolean {
  return GIVEN_NAMES.has(word.toLowerCase()) || givenNameClass(word) !== null;
}

/** Names of people in one sentence; `known` holds family keys of people already named in full. */
export function findNames(
  tokens: readonly Token[],
  known: ReadonlySet<string>,
  authors: ReadonlySet<string>,
): NameSpan[] {
  const out: NameSpan[] = [];
  // Full names earlier in the same sentence make a later bare family name recognisable.
  const local = new Set(known);
  for (let i = 0; i < tokens.length; i++) {
    const title = RANK_CUES.at(tokens, i) ?? ROLE_CUES.at(tokens, i);
    if (title) {
      i = title.end - 1;
      continue;
    }
    if (!nameToken(tokens[i])) continue;
    let j = i;
    while (
      j < tokens.length &&
      j - i < 4 &&
      nameToken(tokens[j]) &&
      !(j > i && (RANK_CUES.at(tokens, j) ?? ROLE_CUES.at(tokens, j)))
    )
      j++;
    const span = judge(tokens, i, j, local, authors);
    if (span) {
      out.push(span);
      if (span.givenKey !== null) local.add(span.familyKey);
    }
    i = j - 1;
  }
  return out;
}

function judge(
  tokens: readonly Token[],
  s: number,
  e: number,
  known: ReadonlySet<string>,
  authors: ReadonlySet<string>,
): NameSpan | null {
  const next = tokens[e];
  if (
    next &&
    (UNIT_NOUNS.has(next.l) ||
      ORG_HEADS.has(next.l) ||
      PLACE_HEADS.has(next.l) ||
      FACILITY_NOUNS.at(tokens, e))
  )
    return null;
  if (tokens[s - 1]?.l === 'the' && e - s === 1) return null;
  const name = textOf(tokens, s, e);
  if (authors.has(name.toLowerCase()) || ORG_ACRONYMS.has(name)) return null;
  const family = tokens[e - 1]!.t;
  const familyKey = nameKey(family);
  const givenKey = e - s > 1 ? nameKey(tokens[s]!.t) : null;
  if (e - s === 1) {
    if (known.has(familyKey) || titled(tokens, s)) return { start: s, end: e, name, familyKey, givenKey };
    return null;
  }
  const given = isGivenName(tokens[s]!.t);
  const clue = titled(tokens, s) || aged(tokens, s, e) || speaks(tokens, e) || known.has(familyKey);
  if (given || clue) return { start: s, end: e, name, familyKey, givenKey };
  return null;
}

/** A rank or role word right before the name ("Lieutenant Colonel X", "commander X", "32-year-old X"). */
function titled(tokens: readonly Token[], s: number): boolean {
  for (let k = s - 1; k >= Math.max(0, s - 4); k--) {
    const rank = RANK_CUES.at(tokens, k);
    if (rank && rank.end === s) return true;
    const role = ROLE_CUES.at(tokens, k);
    if (role && role.end === s) return true;
  }
  const prev = tokens[s - 1];
  return Boolean(prev && (/-year-old$/.test(prev.l) || /^(mr|mrs|ms|dr)\.?$/.test(prev.l)));
}

function aged(tokens: readonly Token[], s: number, e: number): boolean {
  const a = tokens[e];
  const b = tokens[e + 1];
  if (
    a?.t === ',' &&
    b?.k === 'num' &&
    Number(b.t) < 100 &&
    (tokens[e + 2]?.t === ',' || tokens[e + 2]?.k === 'punct')
  )
    return true;
  if (a?.t === '(' && b?.k === 'num' && tokens[e + 2]?.t === ')') return true;
  if (a?.t === ',' && (b?.l === 'aged' || /-year-old$/.test(tokens[e + 2]?.l ?? ''))) return true;
  return /-year-old$/.test(tokens[s - 1]?.l ?? '');
}

function speaks(tokens: readonly Token[], e: number): boolean {
  const next = tokens[e];
  return Boolean(next && SPEECH_VERBS.has(next.l));
}
