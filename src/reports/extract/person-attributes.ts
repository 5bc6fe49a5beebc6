/**
 * What a sentence says about a named person: rank and role (as a title before the name or in
 * apposition after it), age ("41-year-old", ", 41,", "(41)", "aged 41"), unit, side, and reported
 * statuses with date, place and hedging.
 */
import type { PersonStatus } from '../types.js';
import type { Token } from '../text/tokens.js';
import { parseDigits, textOf } from '../text/numbers.js';
import { CATEGORY_CUES, SPEECH_VERBS } from '../lexicon/figures-lexicon.js';
import { RANK_CUES, ROLE_CUES, SIDES, UNIT_NOUNS } from '../lexicon/people-lexicon.js';
import { FACILITY_NOUNS, PLACE_HEADS } from '../lexicon/places-lexicon.js';
import { PhraseMatcher } from '../text/phrases.js';
import type { SentenceContext } from './context.js';
import type { NameSpan } from './person-names.js';
import { placesIn } from './places.js';

/** Attributes found around one name. */
export interface LocalAttributes {
  age: number | null;
  rank: string | null;
  role: string | null;
  unit: string | null;
  side: string | null;
}

const UNIT_WORDS = new Set(
  'separate marine mechanized mechanised motorized motorised assault special operations purpose national guard territorial defence defense airborne air tank artillery infantry naval rifle border reconnaissance intelligence operational mountain jaeger presidential'.split(
    ' ',
  ),
);
const EXTRA_STATUS = new PhraseMatcher<PersonStatus['type']>([
  ['hospitalised', 'hospitalised'],
  ['hospitalized', 'hospitalised'],
  ['in hospital', 'hospitalised'],
  ['being treated', 'hospitalised'],
  ['sentenced', 'sentenced'],
  ['convicted', 'sentenced'],
]);
const NEGATION = new Set(['not', 'never', "didn't", "wasn't", "hasn't", 'no']);

/** The apposition after a name: tokens up to the next comma-closed phrase or sentence end. */
function appositionEnd(tokens: readonly Token[], e: number): number {
  if (tokens[e]?.t !== ',' && tokens[e]?.t !== '(') return e;
  let k = e + 1;
  while (
    k < tokens.length &&
    k - e < 14 &&
    tokens[k]!.t !== ',' &&
    tokens[k]!.t !== ')' &&
    tokens[k]!.t !== '.'
  )
    k++;
  // "X, 44, commander of ...": an age alone is followed by the real apposition.
  if (k === e + 2 && tokens[e + 1]?.k === 'num' && (tokens[k]?.t === ',' || tokens[k]?.t === ')'))
    return appositionEnd(tokens, tokens[k]?.t === ')' ? k + 1 : k);
  return k;
}

/**
 * Start of the noun-phrase apposition ("X, 44, commander of ...", "X, a 29-year-old medic"); a clause
 * ("X, 52, last heard from her son") is no apposition and gives an empty range.
 */
function appositionStart(tokens: readonly Token[], e: number, appEnd: number): number {
  let k = e;
  while (
    k < appEnd &&
    (tokens[k]!.t === ',' || tokens[k]!.t === '(' || tokens[k]!.t === ')' || tokens[k]!.k === 'num')
  )
    k++;
  const first = tokens[k];
  if (!first) return appEnd;
  const np =
    /^(a|an|the|his|her|their|its|aged)$/.test(first.l) ||
    first.cap ||
    SIDES.has(first.l) ||
    RANK_CUES.at(tokens, k) ||
    ROLE_CUES.at(tokens, k) ||
    /-year-old$/.test(first.l);
  return np ? k : appEnd;
}

/** Rank, role, age, unit and side of the person named at `span`. */
export function localAttributes(
  tokens: readonly Token[],
  span: NameSpan,
  others: readonly NameSpan[],
): LocalAttributes {
  const appEnd = appositionEnd(tokens, span.end);
  const before = Math.max(0, span.start - 9, ...others.filter((o) => o.end <= span.start).map((o) => o.end));
  const appStart = appositionStart(tokens, span.end, appEnd);
  const rank = titleBefore(RANK_CUES, tokens, span.start, 1) ?? firstIn(RANK_CUES, tokens, appStart, appEnd);
  const role =
    appositionHead(tokens, span.start, before) ??
    titleBefore(ROLE_CUES, tokens, span.start, 9, before) ??
    firstIn(ROLE_CUES, tokens, appStart, appEnd) ??
    whoCommands(tokens, appEnd);
  const unit = nearestUnit(tokens, span, others);
  let side: string | null = null;
  for (let k = Math.max(before, span.start - 5); k < appEnd; k++)
    if (SIDES.has(tokens[k]!.l) && (k < span.start || k >= span.end)) side ??= SIDES.get(tokens[k]!.l)!;
  if (!side && unit) for (const w of unit.toLowerCase().split(' ')) side ??= SIDES.get(w) ?? null;
  return { age: ageOf(tokens, span), rank, role, unit, side };
}

/** A title ending at the name; ranks take the longest ("Lieutenant Colonel", not "Colonel"). */
function titleBefore<V>(
  m: PhraseMatcher<V>,
  tokens: readonly Token[],
  s: number,
  reach: number,
  floor = 0,
): V | null {
  const low = Math.max(floor, s - reach - 3);
  const order = reach === 1 ? ascending(low, s) : ascending(low, s).reverse();
  for (const k of order) {
    const hit = m.at(tokens, k);
    if (!hit || hit.end > s) continue;
    if (hit.end === s || (reach > 1 && onlyUnitWords(tokens, hit.end, s))) return hit.value;
  }
  return null;
}

/** "The wife of a marine, Kateryna T.": before a comma, the head of the phrase ("wife") is the role. */
function appositionHead(tokens: readonly Token[], s: number, floor: number): string | null {
  if (tokens[s - 1]?.t !== ',') return null;
  for (let k = Math.max(floor, s - 10); k < s - 1; k++) {
    const hit = ROLE_CUES.at(tokens, k);
    if (hit && tokens[hit.end]?.l === 'of') return hit.value;
  }
  return null;
}

function ascending(from: number, to: number): number[] {
  const out: number[] = [];
  for (let k = from; k < to; k++) out.push(k);
  return out;
}

function onlyUnitWords(tokens: readonly Token[], from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const t = tokens[k]!;
    const rank = RANK_CUES.at(tokens, k);
    if (rank && rank.end <= to) {
      k = rank.end - 1;
      continue;
    }
    if (!(
      t.cap ||
      t.k === 'num' ||
      t.t === ',' ||
      /^(of|the|'s|th|st|nd|rd|a)$/.test(t.l) ||
      UNIT_WORDS.has(t.l) ||
      UNIT_NOUNS.has(t.l) ||
      SIDES.has(t.l) ||
      PLACE_HEADS.has(t.l)
    ))
      return false;
  }
  return true;
}

function firstIn<V>(m: PhraseMatcher<V>, tokens: readonly Token[], from: number, to: number): V | null {
  for (let k = from; k < to; k++) {
    const hit = m.at(tokens, k);
    if (hit && hit.end <= to) return hit.value;
  }
  return null;
}

function whoCommands(tokens: readonly Token[], from: number): string | null {
  for (let k = from; k < Math.min(tokens.length, from + 3); k++)
    if (
      tokens[k]!.l === 'who' &&
      /^(commands|commanded|led|leads|heads|headed)$/.test(tokens[k + 1]?.l ?? '')
    )
      return 'commander';
  return null;
}

function ageOf(tokens: readonly Token[], span: NameSpan): number | null {
  for (let k = span.start - 1; k >= Math.max(0, span.start - 5); k--) {
    const m = /^(\d{1,3})-year-old$/.exec(tokens[k]!.l);
    if (m) return Number(m[1]);
  }
  const e = span.end;
  const a = tokens[e];
  const b = tokens[e + 1];
  const c = tokens[e + 2];
  if (
    (a?.t === ',' || a?.t === '(') &&
    b?.k === 'num' &&
    (c?.t === ',' || c?.t === ')' || c?.k === 'punct' || !c)
  )
    return smallAge(b.t);
  if (a?.t === ',' && b?.l === 'aged' && c?.k === 'num') return smallAge(c.t);
  if (a?.t === ',' && (b?.l === 'a' || b?.l === 'the')) {
    const m = /^(\d{1,3})-year-old$/.exec(c?.l ?? '');
    if (m) return Number(m[1]);
  }
  if (a?.t === ',' && b?.l === 'who' && /^(is|was)$/.test(c?.l ?? '') && tokens[e + 3]?.k === 'num')
    return smallAge(tokens[e + 3]!.t);
  return null;
}

function smallAge(text: string): number | null {
  const n = parseDigits(text);
  return n !== null && n >= 14 && n < 100 ? n : null;
}

/** Units in a sentence: "36th Separate Marine Brigade", "Azov regiment", "the 501st battalion". */
export function unitsIn(tokens: readonly Token[]): { start: number; end: number; name: string }[] {
  const out: { start: number; end: number; name: string }[] = [];
  for (let u = 0; u < tokens.length; u++) {
    if (!UNIT_NOUNS.has(tokens[u]!.l)) continue;
    let s = u;
    let named = false;
    while (s > 0) {
      const t = tokens[s - 1]!;
      if (t.k === 'num') named = true;
      else if (/^(th|st|nd|rd)$/.test(t.l) && !t.gap) named = true;
      else if (/^\d+(st|nd|rd|th)$/.test(t.l)) named = true;
      else if (t.cap && t.k === 'word' && !/^(the|a|of)$/.test(t.l)) named = true;
      else if (!UNIT_WORDS.has(t.l)) break;
      s--;
    }
    if (!named || s === u) continue;
    let e = u + 1;
    if (tokens[e]?.l === 'of' && tokens[e + 1]?.l === 'the' && tokens[e + 2]?.cap) {
      e += 3;
      while (tokens[e]?.cap) e++;
    }
    out.push({ start: s, end: e, name: textOf(tokens, s, e) });
    u = e - 1;
  }
  return out;
}

function nearestUnit(tokens: readonly Token[], span: NameSpan, others: readonly NameSpan[]): string | null {
  let best: { name: string; d: number } | null = null;
  for (const unit of unitsIn(tokens)) {
    const d = unit.start >= span.end ? unit.start - span.end : span.start - unit.end;
    if (d > 14) continue;
    const closer = others.some(
      (o) => o !== span && (unit.start >= o.end ? unit.start - o.end : o.start - unit.end) < d,
    );
    if (!closer && (!best || d < best.d)) best = { name: unit.name, d };
  }
  return best?.name ?? null;
}

/** Statuses the sentence reports for the person whose name (or pronoun) ends at `subjectEnd`. */
export function statusesAfter(
  ctx: SentenceContext,
  subjectStart: number,
  subjectEnd: number,
  others: readonly NameSpan[],
): PersonStatus[] {
  const { tokens } = ctx;
  const stop = Math.min(tokens.length, ...others.filter((o) => o.start >= subjectEnd).map((o) => o.start));
  const out: PersonStatus[] = [];
  for (let k = subjectEnd; k < stop && out.length < 3; k++) {
    if (reportsAnother(tokens, k)) break;
    if (isCount(tokens, k)) break;
    const hit = CATEGORY_CUES.at(tokens, k) ?? EXTRA_STATUS.at(tokens, k);
    if (!hit) continue;
    if (inFacilityName(tokens, k)) continue;
    // "died of his wounds": a cause, not a second status.
    if (/^(his|her|their)$/.test(tokens[k - 1]?.l ?? '') && /^(of|from)$/.test(tokens[k - 2]?.l ?? ''))
      continue;
    // "released in an exchange": a circumstance of the status before it, not another status.
    if (
      out.length > 0 &&
      /^(a|an)$/.test(tokens[k - 1]?.l ?? '') &&
      /^(in|during|through|via)$/.test(tokens[k - 2]?.l ?? '')
    )
      continue;
    const negated = NEGATION.has(tokens[k - 1]?.l ?? '') || NEGATION.has(tokens[k - 2]?.l ?? '');
    const objectFollows =
      tokens[hit.end]?.k === 'num' ||
      /^(soldiers|fighters|servicemen|people|troops)$/.test(tokens[hit.end]?.l ?? '');
    k = hit.end - 1;
    if (objectFollows) continue;
    if (out.some((s) => s.type === hit.value)) continue;
    const placeFrom = /^(to|in|at|into)$/.test(tokens[hit.end - 1]!.l) ? hit.end - 1 : hit.end;
    out.push({
      type: hit.value,
      date: dateFor(ctx, k),
      place: placeAfter(tokens, placeFrom, stop),
      hedged: ctx.hedged || negated,
    });
  }
  for (let k = Math.max(0, subjectStart - 3); k < subjectStart && out.length === 0; k++) {
    const hit = CATEGORY_CUES.at(tokens, k);
    if (hit && tokens[hit.end]?.l === 'of' && hit.end + 1 >= subjectStart - 1)
      out.push({
        type: hit.value,
        date: dateFor(ctx, k),
        place: placeAfter(tokens, subjectEnd, tokens.length),
        hedged: ctx.hedged,
      });
  }
  return out;
}

/** "X said her husband was captured": what follows a speech verb is about someone else. */
function reportsAnother(tokens: readonly Token[], k: number): boolean {
  if (!SPEECH_VERBS.has(tokens[k]!.l)) return false;
  let n = k + 1;
  if (tokens[n]?.l === 'that') n++;
  const next = tokens[n];
  return Boolean(next && (/^(her|his|their|the|a|an|its)$/.test(next.l) || (next.cap && next.k === 'word')));
}

/** A number that counts people ("200 fighters"), not an age or an ordinal: statuses after it are theirs. */
function isCount(tokens: readonly Token[], k: number): boolean {
  const t = tokens[k]!;
  if (t.k !== 'num') return false;
  const next = tokens[k + 1];
  if (/^(aged|age)$/.test(tokens[k - 1]?.l ?? '')) return false;
  if (next && !next.gap && /^(st|nd|rd|th)$/.test(next.l)) return false;
  return !(tokens[k - 1]?.t === ',' || tokens[k - 1]?.t === '(');
}

/** "pre-trial detention centre" names a place; its "detention" is no status. */
function inFacilityName(tokens: readonly Token[], k: number): boolean {
  for (let i = Math.max(0, k - 2); i <= k; i++) {
    const f = FACILITY_NOUNS.at(tokens, i);
    if (f && f.end > k) return true;
  }
  return false;
}

/** The date of the status: a date cue close to it (a far one belongs to another event). */
function dateFor(ctx: SentenceContext, k: number): string | null {
  let best: { date: string; d: number } | null = null;
  for (const cue of ctx.cues) {
    const date = cue.type === 'since' ? cue.from : cue.to;
    if (!date || cue.type === 'total' || cue.type === 'period') continue;
    const d = cue.start > k ? cue.start - k : k - cue.end + 2;
    if (d > 9) continue;
    if (!best || d < best.d) best = { date, d };
  }
  return best?.date ?? null;
}

function placeAfter(tokens: readonly Token[], from: number, to: number): string | null {
  const slice = tokens.slice(from, Math.min(to, from + 12));
  const found = placesIn(slice);
  const facility = found.find((p) => p.kind !== 'town' && p.kind !== 'country' && p.kind !== 'region');
  if (facility ?? found[0]) return (facility ?? found[0])!.name;
  // "wounded at the steelworks": an unnamed facility right after the status is still its place.
  const lead = slice[0]?.l;
  const bare =
    lead === 'at' || lead === 'in' || lead === 'to'
      ? FACILITY_NOUNS.at(slice, slice[1]?.l === 'the' || slice[1]?.l === 'a' ? 2 : 1)
      : null;
  return bare ? textOf(slice, bare.start, bare.end) : null;
}
