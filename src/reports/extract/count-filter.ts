/**
 * Which numbers are head counts at all. A number is not a count when it is part of a date, a time,
 * an age, a duration or measure, an identifier ("Colony No. 120", "36th"), or a year.
 */
import type { Token } from '../text/tokens.js';
import type { CountSpan } from '../text/numbers.js';
import type { DateMention } from '../time/dates.js';
import { ID_BEFORE, NON_COUNT_NEXT } from '../lexicon/figures-lexicon.js';

const ONE_PRONOUN_BEFORE = new Set([
  'the',
  'no',
  'any',
  'every',
  'each',
  'this',
  'that',
  'which',
  'someone',
  'anyone',
  'only',
]);

/** Why the count is not a head count, or null when it may be one. */
export function notACount(
  tokens: readonly Token[],
  span: CountSpan,
  dates: readonly DateMention[],
): string | null {
  const core = tokens[span.core]!;
  const next = tokens[span.end];
  const prev = tokens[span.start - 1];
  for (const d of dates) if (core.s < d.end && core.e > d.start) return 'part of a date';
  if (next && NON_COUNT_NEXT.has(next.l) && !(next.l === 'per' && tokens[span.end + 1]?.l === 'day'))
    return 'a duration or measure';
  if (next && !next.gap && /^(th|st|nd|rd)$/.test(next.l)) return 'an ordinal';
  if (next?.t === ':' && tokens[span.end + 1]?.k === 'num') return 'a time of day';
  if (next?.t === '%') return 'a percentage';
  if (prev && (ID_BEFORE.has(prev.l) || prev.t === '#' || prev.t === '№' || prev.t === '$' || prev.t === '€'))
    return 'an identifier';
  if (prev && (prev.l === 'aged' || prev.l === 'age' || prev.l === 'ages')) return 'an age';
  if (prev?.t === '(' && next?.t === ')' && tokens[span.start - 2]?.cap && span.count < 110) return 'an age';
  if (
    prev?.t === ',' &&
    next?.t === ',' &&
    span.count < 100 &&
    tokens[span.start - 2]?.cap &&
    tokens[span.start - 3]?.cap
  )
    return 'an age';
  if (isYear(core, span) && !/^(people|fighters|soldiers|servicemen|civilians)$/.test(next?.l ?? ''))
    return 'a year';
  if (span.text.toLowerCase() === 'one') {
    if (next?.l === 'of' || next?.l === 'another' || (prev && ONE_PRONOUN_BEFORE.has(prev.l)))
      return 'a pronoun';
  }
  if (span.count === 0) return 'zero';
  return null;
}

function isYear(core: Token, span: CountSpan): boolean {
  return (
    core.k === 'num' &&
    /^\d{4}$/.test(core.t) &&
    span.count >= 1900 &&
    span.count <= 2100 &&
    span.qualifier === 'exact'
  );
}
