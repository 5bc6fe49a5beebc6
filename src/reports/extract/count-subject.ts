/**
 * What a count counts: the noun phrase after it ("1,730 wounded Ukrainian fighters"), the verb after
 * that ("have surrendered"), or a cue before it ("the evacuation of 264", "the defenders of the plant
 * were evacuated in quantity 264 people"). Returns the category and population found, and the
 * inclusion or "more" markers the phrase carries.
 */
import type { FigureCategory } from '../types.js';
import type { Token } from '../text/tokens.js';
import type { CountSpan } from '../text/numbers.js';
import {
  CATEGORY_ADJECTIVES,
  CATEGORY_CUES,
  HEDGES,
  INCLUSION,
  MORE_WORDS,
  POPULATION_CATEGORY,
  POPULATION_NOUNS,
  SEVERITY,
} from '../lexicon/figures-lexicon.js';
import { SIDES } from '../lexicon/people-lexicon.js';

/** The subject of one count. */
export interface CountSubject {
  category: FigureCategory | null;
  population: string | null;
  severity: boolean;
  more: boolean;
  inclusion: 'list' | 'of-them' | null;
  /** A lowercase noun that is not people ("12 buses"): the count is of something else. */
  otherNoun: string | null;
  /** Category only implied by the population ("300 prisoners of war"). */
  implied: FigureCategory | null;
  npEnd: number;
  /** The category came from an adjective in the noun phrase ("80 wounded"). */
  fromAdjective: boolean;
}

const AUX = new Set(
  'have has had been were was are is be being will would could may might who that which also already all now since successfully finally then subsequently later eventually just recently officially reportedly allegedly themselves ultimately safely still not yet subsequently were'.split(
    ' ',
  ),
);
const NP_SKIP = new Set([
  'other',
  'enemy',
  'foreign',
  'local',
  'armed',
  'more',
  'of',
  'our',
  'their',
  'those',
  'these',
  'such',
  'total',
  'the',
  'plant',
  'steelworks',
]);
const FUNCTION = new Set(
  'were was are is have has had been be will would could may might who which that of in on at by from since to for and or but as with among including than into out more other others another further additional total all altogether so then still later so far during over within after before across through per each remain remained remaining'.split(
    ' ',
  ),
);
const LEFT_MODE = new Set([
  'quantity',
  'number',
  'amount',
  'count',
  'numbering',
  'totalling',
  'totaling',
  'amounting',
]);

/** Reads the subject of `span` within tokens [from, to) (the count's clause). */
export function countSubject(
  tokens: readonly Token[],
  span: CountSpan,
  from: number,
  to: number,
): CountSubject {
  const sub: CountSubject = {
    category: null,
    population: null,
    severity: false,
    more: false,
    inclusion: null,
    otherNoun: null,
    implied: null,
    npEnd: span.end,
    fromAdjective: false,
  };
  const before = tokens[span.start - 1]?.l ?? '';
  if (
    before === 'another' ||
    before === 'further' ||
    before === 'additional' ||
    tokens[span.start - 2]?.l === 'further'
  )
    sub.more = true;
  readNounPhrase(tokens, span.end, to, sub);
  // "84 wounded defenders were transferred": with a population noun, the verb names the event and
  // the adjective only describes the people.
  if (sub.category && sub.population && sub.fromAdjective) {
    const verb = verbAfter(tokens, sub.npEnd, to);
    if (verb?.strong) sub.category = verb.category;
  }
  const leftMode =
    LEFT_MODE.has(tokens[span.start - 1]?.l ?? '') ||
    LEFT_MODE.has(tokens[span.start - 2]?.l ?? '') ||
    LEFT_MODE.has(tokens[span.start - 3]?.l ?? '');
  const right = sub.category ? null : verbAfter(tokens, sub.npEnd, to);
  const left = sub.category ? null : cueBefore(tokens, span.start, from);
  if (!sub.category) {
    if (right && (right.strong || !left || right.distance <= left.distance + 2))
      sub.category = right.category;
    else if (left) sub.category = left.category;
  }
  if (leftMode || sub.population === null || sub.population === 'people') {
    const pop = populationBefore(tokens, span.start, from, leftMode ? 10 : 6);
    if (pop && (sub.population === null || (leftMode && pop !== 'people'))) sub.population = pop;
  }
  if (sub.category === 'wounded' && sub.severity) sub.category = 'seriously wounded';
  if (sub.population) sub.implied = POPULATION_CATEGORY.get(sub.population) ?? null;
  return sub;
}

function readNounPhrase(tokens: readonly Token[], start: number, to: number, sub: CountSubject): void {
  let j = start;
  for (let steps = 0; j < to && steps < 7; steps++) {
    const t = tokens[j]!;
    const inc = INCLUSION.at(tokens, j);
    if (inc && inc.value === 'of-them' && j === start) {
      sub.inclusion = 'of-them';
      j = inc.end;
      continue;
    }
    if (MORE_WORDS.has(t.l) && t.l !== 'other') {
      sub.more = true;
      j++;
      continue;
    }
    if (SEVERITY.has(t.l)) {
      sub.severity = true;
      j++;
      continue;
    }
    const cue = CATEGORY_CUES.at(tokens, j);
    if (cue && cue.value === 'seriously wounded') {
      sub.category = cue.value;
      j = cue.end;
      continue;
    }
    const adj = CATEGORY_ADJECTIVES.get(t.l);
    if (adj && !sub.category) {
      sub.category = adj;
      sub.fromAdjective = true;
      j++;
      continue;
    }
    const pop = POPULATION_NOUNS.at(tokens, j);
    if (pop) {
      sub.population = pop.value;
      j = pop.end;
      if (tokens[j]?.l === 'and' && POPULATION_NOUNS.at(tokens, j + 1))
        j = POPULATION_NOUNS.at(tokens, j + 1)!.end;
      break;
    }
    if (
      cue &&
      ['dead', 'captured', 'detained'].includes(cue.value) &&
      /^(bodies|captives|detainees|pows|prisoners)$/.test(t.l)
    ) {
      sub.category = cue.value;
      j = cue.end;
      // "bodies of fallen defenders": whose bodies.
      if (tokens[j]?.l === 'of' || tokens[j - 1]?.l === 'of') {
        for (let k = j; k < Math.min(to, j + 5); k++) {
          const of = POPULATION_NOUNS.at(tokens, k);
          if (of) {
            sub.population = of.value;
            j = of.end;
            break;
          }
        }
      }
      break;
    }
    if (
      SIDES.has(t.l) ||
      NP_SKIP.has(t.l) ||
      (t.cap && t.k === 'word') ||
      /ly$/.test(t.l) ||
      t.l.includes('-')
    ) {
      j++;
      continue;
    }
    if (
      t.k === 'word' &&
      !FUNCTION.has(t.l) &&
      !HEDGES.at(tokens, j) &&
      !CATEGORY_CUES.at(tokens, j) &&
      j === start
    )
      sub.otherNoun = t.l;
    break;
  }
  sub.npEnd = j;
}

function verbAfter(
  tokens: readonly Token[],
  start: number,
  to: number,
): { category: FigureCategory; distance: number; strong: boolean } | null {
  let j = start;
  let strong = true;
  for (let n = 0; j < to && n < 14; n++, j++) {
    const t = tokens[j]!;
    // "694 militants, including 29 wounded, have surrendered": the parenthetical part is skipped.
    if ((t.t === ',' || t.t === '(' || t.t === '—') && INCLUSION.at(tokens, j + 1)?.value === 'list') {
      const close = tokens.findIndex((x, k) => k > j + 1 && (x.t === ',' || x.t === ')' || x.t === '—'));
      if (close < 0) return null;
      j = close;
      continue;
    }
    const cue = CATEGORY_CUES.at(tokens, j);
    if (cue) return { category: cue.value, distance: j - start, strong };
    if (AUX.has(t.l) || /ly$/.test(t.l) || HEDGES.at(tokens, j) || t.t === ',') continue;
    if (t.k === 'num' || t.t === ';' || t.l === 'including') return null;
    strong = false;
  }
  return null;
}

function cueBefore(
  tokens: readonly Token[],
  start: number,
  from: number,
): { category: FigureCategory; distance: number } | null {
  let best: { category: FigureCategory; distance: number } | null = null;
  for (let i = Math.max(from, start - 10); i < start; i++) {
    const cue = CATEGORY_CUES.at(tokens, i);
    if (cue && cue.end <= start) best = { category: cue.value, distance: start - cue.end };
  }
  return best;
}

function populationBefore(
  tokens: readonly Token[],
  start: number,
  from: number,
  window: number,
): string | null {
  for (let i = start - 1; i >= Math.max(from, start - window); i--) {
    const hit = POPULATION_NOUNS.at(tokens, i);
    if (hit && hit.end <= start) return hit.value;
  }
  return null;
}
