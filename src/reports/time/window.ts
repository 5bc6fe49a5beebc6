/**
 * Time cues of the figures grammar and the window they give. A cue is a span of tokens: a date with
 * its preposition ("since May 16", "by Wednesday", "on Tuesday"), a period ("in the last 24 hours",
 * "over the past day", "this week"), or a total marker ("in all", "so far"). Windows are resolved
 * against the publication date.
 */
import type { TimeWindow } from '../types.js';
import type { Token } from '../text/tokens.js';
import { isNumberWord, parseDigits, parseNumberWords } from '../text/numbers.js';
import { PhraseMatcher } from '../text/phrases.js';
import { SPEECH_VERBS } from '../lexicon/figures-lexicon.js';
import { addDays, toDays, fromDays, weekday } from './dates.js';
import type { DateMention } from './dates.js';

/** A time cue over tokens [start, end). */
export interface TimeCue {
  readonly start: number;
  readonly end: number;
  readonly type: 'since' | 'as_of' | 'on' | 'period' | 'total' | 'next';
  readonly from: string | null;
  readonly to: string | null;
  /** For "next N days": the length in days, anchored on an earlier date of the sentence. */
  readonly days?: number;
}

const TOTAL = new PhraseMatcher<true>(
  [
    'in total',
    'in all',
    'total',
    'totally',
    'altogether',
    'overall',
    'so far',
    'to date',
    'to this day',
    'in general',
    'as a whole',
    'cumulative',
    'all in all',
    'a total of',
    'since the beginning',
    'since the start',
    'since the launch',
    'since the outset',
    'total number',
    'the total',
    'in sum',
    'in the sum',
    'all together',
    'to the present',
    'thus far',
    'until now',
    'up to now',
    'in aggregate',
    'rose to',
    'risen to',
    'has risen to',
    'reached',
    'has reached',
    'have reached',
    'increased to',
    'grew to',
    'stands at',
    'stood at',
    'totalled',
    'totaled',
    'totals',
    'totalling',
    'totaling',
    'bringing the total',
    'brought the total',
    'bringing the number',
    'brings the total',
  ].map((p) => [p, true] as const),
);
const NOW = new PhraseMatcher<true>(
  [
    'as of now',
    'as of today',
    'at the moment',
    'at present',
    'currently',
    'as of this moment',
    'right now',
  ].map((p) => [p, true] as const),
);
const UNIT_DAYS: Record<string, number> = {
  hour: 1 / 24,
  hours: 1 / 24,
  day: 1,
  days: 1,
  week: 7,
  weeks: 7,
  month: 30,
  months: 30,
  '24-hour': 1,
  '48-hour': 2,
  '72-hour': 3,
  night: 1,
  nights: 1,
  daily: 1,
};
const PERIOD_LEAD = new Set(['in', 'over', 'during', 'for', 'within', 'throughout', 'per', 'across']);
const PERIOD_DIR = new Set([
  'last',
  'past',
  'previous',
  'preceding',
  'next',
  'following',
  'recent',
  'coming',
]);

/** Finds the time cues of a sentence. */
export function findTimeCues(
  tokens: readonly Token[],
  dates: readonly DateMention[],
  published: string | null,
): TimeCue[] {
  const cues: TimeCue[] = [];
  const used = new Uint8Array(tokens.length);
  for (const cue of dateCues(tokens, dates, published)) {
    if (cue.type === 'on' && isSpeechDate(tokens, cue.start)) continue;
    cues.push(cue);
    used.fill(1, cue.start, cue.end);
  }
  for (let i = 0; i < tokens.length; i++) {
    if (used[i]) continue;
    const cue = periodAt(tokens, i, published) ?? markerAt(tokens, i, published);
    if (cue) {
      cues.push(cue);
      used.fill(1, cue.start, cue.end);
      i = cue.end - 1;
    }
  }
  return cues.sort((a, b) => a.start - b.start);
}

/** "the ministry said on Thursday": the day of the statement, not of the events counted. */
function isSpeechDate(tokens: readonly Token[], start: number): boolean {
  for (let k = start - 1; k >= Math.max(0, start - 3); k--) {
    const l = tokens[k]!.l;
    if (SPEECH_VERBS.has(l) || SPEECH_NOUNS.has(l)) return true;
    if (tokens[k]!.k === 'punct' || tokens[k]!.k === 'num') return false;
  }
  return false;
}

const SPEECH_NOUNS = new Set([
  'statement',
  'briefing',
  'interview',
  'post',
  'report',
  'message',
  'update',
  'address',
]);

function dateCues(
  tokens: readonly Token[],
  dates: readonly DateMention[],
  published: string | null,
): TimeCue[] {
  const out: TimeCue[] = [];
  for (const d of dates) {
    let s = tokens.findIndex((t) => t.e > d.start);
    let e = tokens.findIndex((t) => t.s >= d.end);
    if (s < 0) continue;
    if (e < 0) e = tokens.length;
    const lead = leadOf(tokens, s);
    s = lead.start;
    const prev = out[out.length - 1];
    if (
      prev &&
      (lead.word === 'and' || lead.word === 'to' || lead.word === 'until') &&
      prev.type !== 'as_of' &&
      prev.end >= s - 1 &&
      prev.from
    ) {
      out[out.length - 1] = { ...prev, end: e, type: 'period', to: d.date };
      continue;
    }
    if (d.until !== undefined && d.until !== null) {
      const asOf = ['by', 'as of', 'until', 'till', 'before'].includes(lead.word);
      out.push({
        start: s,
        end: e,
        type: asOf ? 'as_of' : 'period',
        from: asOf ? null : d.date,
        to: d.until,
      });
      continue;
    }
    const type: TimeCue['type'] =
      lead.word === 'since' || lead.word === 'after' || lead.word === 'from' || lead.word === 'starting'
        ? 'since'
        : ['by', 'as of', 'as at', 'as on', 'until', 'till', 'before', 'up to'].includes(lead.word)
          ? 'as_of'
          : 'on';
    out.push({
      start: s,
      end: e,
      type,
      from: type === 'as_of' ? null : d.date,
      to: type === 'since' ? published : d.date,
    });
  }
  return out;
}

function leadOf(tokens: readonly Token[], s: number): { start: number; word: string } {
  const w1 = tokens[s - 1]?.l ?? '';
  const w2 = tokens[s - 2]?.l ?? '';
  // "as of May 19", "as at 10:00 on May 19", "as of the morning of May 19".
  for (let k = s - 2; k >= Math.max(0, s - 7); k--) {
    const t = tokens[k]!;
    if (t.l === 'as' && /^(of|at|on)$/.test(tokens[k + 1]?.l ?? '')) return { start: k, word: 'as of' };
    if (t.k === 'punct' && t.t !== ':') break;
  }
  if (w1 === 'to' && w2 === 'up') return { start: s - 2, word: 'up to' };
  if (w1 === 'from' && w2 === 'starting') return { start: s - 2, word: 'since' };
  if (['since', 'after', 'from', 'by', 'until', 'till', 'before', 'on', 'and', 'to', 'between'].includes(w1))
    return { start: s - 1, word: w1 };
  return { start: s, word: '' };
}

/** "in the last 24 hours", "over the past day", "this week", "overnight", "during the day". */
function periodAt(tokens: readonly Token[], i: number, published: string | null): TimeCue | null {
  const t = tokens[i]!;
  if (
    (t.l === 'this' || t.l === 'last') &&
    ['week', 'month', 'night', 'morning', 'evening'].includes(tokens[i + 1]?.l ?? '')
  )
    return calendarPeriod(i, t.l, tokens[i + 1]!.l, published);
  if (t.l === 'overnight') return period(i, i + 1, 1, published);
  if (t.l === 'daily' || (t.l === 'per' && tokens[i + 1]?.l === 'day'))
    return period(i, i + (t.l === 'per' ? 2 : 1), 1, published);
  if (!PERIOD_LEAD.has(t.l)) return null;
  let j = i + 1;
  if (tokens[j]?.l === 'the' || tokens[j]?.l === 'a' || tokens[j]?.l === 'an') j++;
  let dir = '';
  if (PERIOD_DIR.has(tokens[j]?.l ?? '')) dir = tokens[j++]!.l;
  let n = 1;
  const numTok = tokens[j];
  if (numTok && (numTok.k === 'num' || isNumberWord(numTok.l))) {
    n = (numTok.k === 'num' ? parseDigits(numTok.t) : parseNumberWords(numTok.l)) ?? 1;
    j++;
  }
  const unit = UNIT_DAYS[tokens[j]?.l ?? ''];
  if (
    unit === undefined ||
    (dir === '' && numTok?.k !== 'num' && tokens[j]?.l !== 'day' && tokens[j]?.l !== '24-hour')
  )
    return null;
  if (dir === '' && tokens[i + 1]?.l !== 'the' && numTok?.k !== 'num' && tokens[j]?.l !== '24-hour')
    return null;
  const days = Math.max(1, Math.round(n * unit));
  const end = tokens[j + 1]?.l === 'period' ? j + 2 : j + 1;
  if (dir === 'next' || dir === 'following' || dir === 'coming')
    return { start: i, end, type: 'next', from: null, to: null, days };
  return period(i, end, days, published);
}

function period(start: number, end: number, days: number, published: string | null): TimeCue {
  return { start, end, type: 'period', from: published ? addDays(published, -days) : null, to: published };
}

function calendarPeriod(i: number, which: string, unit: string, published: string | null): TimeCue {
  const end = i + 2;
  if (!published) return { start: i, end, type: 'period', from: null, to: null };
  if (unit === 'week') {
    const monday = addDays(published, -((weekday(published) + 6) % 7));
    return which === 'this'
      ? { start: i, end, type: 'period', from: monday, to: published }
      : { start: i, end, type: 'period', from: addDays(monday, -7), to: addDays(monday, -1) };
  }
  if (unit === 'month') {
    const first = `${published.slice(0, 8)}01`;
    if (which === 'this') return { start: i, end, type: 'period', from: first, to: published };
    const prevLast = addDays(first, -1);
    return { start: i, end, type: 'period', from: `${prevLast.slice(0, 8)}01`, to: prevLast };
  }
  const day = which === 'last' && unit === 'night' ? addDays(published, -1) : published;
  return { start: i, end, type: 'on', from: day, to: day };
}

function markerAt(tokens: readonly Token[], i: number, published: string | null): TimeCue | null {
  const total = TOTAL.at(tokens, i);
  if (total) return { start: i, end: total.end, type: 'total', from: null, to: published };
  const now = NOW.at(tokens, i);
  if (now) return { start: i, end: now.end, type: 'as_of', from: null, to: published };
  return null;
}

/** The window of a figure from the cues that apply to it (in sentence order). */
export function windowFrom(
  cues: readonly TimeCue[],
  published: string | null,
  anchor: string | null,
): TimeWindow {
  const since = cues.find((c) => c.type === 'since');
  const asOf = cues.find((c) => c.type === 'as_of');
  const total = cues.some((c) => c.type === 'total');
  const per = cues.find((c) => c.type === 'period');
  const on = cues.find((c) => c.type === 'on');
  const next = cues.find((c) => c.type === 'next');
  if (since) return { kind: 'cumulative', from: since.from, to: asOf?.to ?? on?.to ?? since.to };
  if (total && per?.from) return { kind: 'cumulative', from: per.from, to: per.to };
  if (total) return { kind: 'cumulative', from: null, to: asOf?.to ?? on?.to ?? published };
  if (per) return { kind: 'period', from: per.from, to: per.to };
  if (next && next.days) {
    const base = anchor ?? (published ? addDays(published, -next.days) : null);
    const b = base === null ? null : toDays(base);
    return { kind: 'period', from: base, to: b === null ? null : fromDays(b + next.days) };
  }
  if (asOf) return { kind: 'as_of', from: null, to: asOf.to };
  if (on) return { kind: 'period', from: on.from, to: on.to };
  return { kind: 'as_of', from: null, to: published };
}
