/**
 * Figures: every count in a sentence that says what was counted becomes a figure with its
 * category, population, inclusion in a total, time window, attribution and hedging. A number whose
 * subject the sentence does not give is reported as skipped, never guessed.
 */
import type { Figure, FigureCategory, SkippedNumber, TimeWindow } from '../types.js';
import { findCounts } from '../text/numbers.js';
import type { CountSpan } from '../text/numbers.js';
import type { TimeCue } from '../time/window.js';
import { windowFrom } from '../time/window.js';
import { INCLUSION, SEVERITY } from '../lexicon/figures-lexicon.js';
import { FACILITY_NOUNS } from '../lexicon/places-lexicon.js';
import type { SentenceContext } from './context.js';
import { notACount } from './count-filter.js';
import { countSubject } from './count-subject.js';
import type { CountSubject } from './count-subject.js';
import { textOf } from '../text/numbers.js';

interface Draft {
  span: CountSpan;
  sub: CountSubject;
  category: FigureCategory | null;
  population: string | null;
  parent: Draft | null;
  listParent: boolean;
  cues: TimeCue[];
  window: TimeWindow | null;
  /** The time words of the window, kept when there is no publication date to resolve them. */
  relative: string | null;
  index: number;
}

/** The window a sentence speaks of, for the next sentence when it continues this one. */
interface SentenceWindow {
  readonly window: TimeWindow;
  readonly relative: string | null;
  readonly category: FigureCategory | null;
}

/**
 * A sentence that clearly continues the previous one: it talks about the same people or adds to
 * them ("Of them, 80 were wounded.", "Among them …", "Another 40 …", "Twelve of them …"). Only
 * such a sentence, without time words of its own, takes the previous sentence's window.
 */
const CONTINUES =
  /^["“«]?(?:and |but )?(?:of (?:them|these|those|whom|this number|that number|the total|this total)\b|among (?:them|these|those|whom)\b|another\b|a further\b|an additional\b|further\b|(?:they|these|this|those) (?:include[sd]?|included)\b|(?:most|some|all|many|none|half|several|the rest|the remainder|each) of (?:them|these|those)\b|[\p{L}\d][\p{L}\d,.-]* (?:more )?of (?:them|these|those|whom)\b)/iu;

/** A sentence that only hedges what the previous one said ("The figure could not be verified."). */
const HEDGES_PREVIOUS =
  /^(the|this|these|those|such|both|neither) (figures?|numbers?|claims?|counts?|data|totals?|reports?|information|statements?|accounts?)\b|^(it|this|that) (could|can|has|was)\b/i;

/** Figures and skipped numbers of a whole report. */
export function extractFigures(
  contexts: readonly SentenceContext[],
  published: string | null,
  publisher: string | null,
): { figures: Figure[]; skipped: SkippedNumber[] } {
  const figures: Figure[] = [];
  const skipped: SkippedNumber[] = [];
  const drafts: Draft[] = [];
  const seen = new Map<string, number>();
  let previousSentence: Draft[] = [];
  let previousWindow: SentenceWindow | null = null;
  for (const ctx of contexts) {
    const samePara = contexts[ctx.index - 1]?.sentence.paragraph === ctx.sentence.paragraph;
    const current = sentenceDrafts(ctx, previousSentence, samePara ? previousWindow : null, skipped);
    previousWindow = windowOfSentence(ctx, current);
    if (current.length === 0 && ctx.hedged && HEDGES_PREVIOUS.test(ctx.sentence.text))
      for (const d of previousSentence)
        if (d.index >= 0) figures[d.index] = { ...figures[d.index]!, hedged: true };
    for (const d of current) {
      const window = d.window!;
      const figure: Figure = {
        count: d.span.count,
        max: d.span.max,
        qualifier: d.span.qualifier,
        category: d.category!,
        population: d.population,
        includedIn: d.parent ? d.parent.index : null,
        window,
        attributedTo: ctx.attributedTo ?? publisher,
        hedged: ctx.hedged,
        sentence: ctx.sentence.text,
        text: d.span.text,
        relative: d.relative,
      };
      // The same top-level figure repeated (headline, quote, body) is kept once.
      const key = d.parent === null ? figureKey(figure) : null;
      const dup = key === null ? undefined : seen.get(key);
      if (dup !== undefined) {
        d.index = dup;
        continue;
      }
      if (key !== null) seen.set(key, figures.length);
      d.index = figures.length;
      figures.push(figure);
      drafts.push(d);
    }
    if (current.length > 0) previousSentence = current;
    else if (ctx.sentence.paragraph !== contexts[ctx.index + 1]?.sentence.paragraph) previousSentence = [];
  }
  return { figures, skipped };
}

function figureKey(f: Figure): string {
  return `${f.count}|${f.qualifier}|${f.category}|${f.population}|${f.window.kind}|${f.window.from}|${f.window.to}`;
}

/** The window of a sentence's last total, else of its own time words, else null. */
function windowOfSentence(ctx: SentenceContext, drafts: readonly Draft[]): SentenceWindow | null {
  const main = [...drafts].reverse().find((d) => d.parent === null) ?? drafts[drafts.length - 1];
  if (main?.window) return { window: main.window, relative: main.relative, category: main.category };
  if (ctx.cues.length === 0) return null;
  const window = windowFrom(ctx.cues, ctx.published, null);
  return { window, relative: relativeText(ctx, ctx.cues, window), category: null };
}

/** The cues' words as written, when the window is left open for want of a publication date. */
function relativeText(ctx: SentenceContext, cues: readonly TimeCue[], window: TimeWindow): string | null {
  if (ctx.published !== null || cues.length === 0) return null;
  if (window.to !== null && (window.from !== null || window.kind === 'as_of')) return null;
  return cues.map((c) => textOf(ctx.tokens, c.start, c.end)).join(', ');
}

function sentenceDrafts(
  ctx: SentenceContext,
  previous: readonly Draft[],
  previousWindow: SentenceWindow | null,
  skipped: SkippedNumber[],
): Draft[] {
  const { tokens } = ctx;
  const spans = findCounts(tokens).filter(
    (s) => notACount(tokens, s, ctx.dates) === null && !insideCue(s, ctx.cues),
  );
  const drafts: Draft[] = [];
  // A count's clause runs to the next count that is not a part of it ("including 29 wounded").
  const isPart = spans.map((sp) => {
    for (let i = Math.max(0, sp.start - 3); i < sp.start; i++)
      if (INCLUSION.at(tokens, i)?.value === 'list') return true;
    return false;
  });
  spans.forEach((span, k) => {
    const from = k > 0 ? spans[k - 1]!.end : 0;
    let next = k + 1;
    while (next < spans.length && isPart[next]) next++;
    const to = next < spans.length ? spans[next]!.start : tokens.length;
    const sub = countSubject(tokens, span, from, to);
    drafts.push({
      span,
      sub,
      category: sub.category,
      population: sub.population,
      parent: null,
      listParent: false,
      cues: [],
      window: null,
      relative: null,
      index: -1,
    });
  });
  linkInclusions(ctx, drafts, previous);
  const leading = assignCues(ctx, drafts);
  inheritCategories(drafts, previous);
  const kept: Draft[] = [];
  for (const d of drafts) {
    if (d.sub.otherNoun && !d.sub.category && !d.parent) {
      skipped.push({
        text: d.span.text,
        reason: `counts "${d.sub.otherNoun}", not people`,
        sentence: ctx.sentence.text,
      });
      continue;
    }
    d.category ??= d.sub.implied;
    if (!d.category) {
      skipped.push({
        text: d.span.text,
        reason: 'the sentence does not say what was counted',
        sentence: ctx.sentence.text,
      });
      continue;
    }
    kept.push(d);
  }
  for (const d of kept)
    if (d.parent && !kept.includes(d.parent) && !previous.includes(d.parent)) d.parent = null;
  computeWindows(ctx, kept, leading, CONTINUES.test(ctx.sentence.text) ? previousWindow : null);
  return kept;
}

function insideCue(span: CountSpan, cues: readonly TimeCue[]): boolean {
  return cues.some((c) => span.core >= c.start && span.core < c.end && c.type !== 'total');
}

/** "including 80 wounded", "80 of them", "among them 80", list continuations "and 12 medics". */
function linkInclusions(ctx: SentenceContext, drafts: Draft[], previous: readonly Draft[]): void {
  const { tokens } = ctx;
  drafts.forEach((d, k) => {
    const cueStart = Math.max(k > 0 ? drafts[k - 1]!.sub.npEnd : 0, d.span.start - 4);
    let cue: 'list' | 'of-them' | null = d.sub.inclusion;
    for (let i = cueStart; i < d.span.start && !cue; i++) {
      const hit = INCLUSION.at(tokens, i);
      if (hit && hit.end <= d.span.start) cue = hit.value;
    }
    const before = drafts.slice(0, k);
    if (cue === 'list') {
      d.parent =
        [...before].reverse().find((p) => p.parent === null) ??
        previous.find((p) => p.parent === null) ??
        null;
      d.listParent = true;
    } else if (
      cue === 'of-them' ||
      (d.sub.severity && !d.sub.population && SEVERITY.has(tokens[d.span.end]?.l ?? '') && k > 0)
    ) {
      d.parent = before[before.length - 1] ?? previous[previous.length - 1] ?? null;
    } else {
      const prev = before[before.length - 1];
      if (
        prev?.parent &&
        prev.listParent &&
        onlyListGlue(tokens, prev.sub.npEnd, d.span.start) &&
        !d.sub.more
      ) {
        d.parent = prev.parent;
        d.listParent = true;
      }
    }
  });
}

/** Only list glue between two counts: "37 defenders of the plant and 12 civilians". */
function onlyListGlue(tokens: SentenceContext['tokens'], from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const t = tokens[i]!;
    if (!(
      /^(,|and|as|well|plus|also|another|with|of|the|from|at|in)$/.test(t.l) ||
      t.cap ||
      FACILITY_NOUNS.at(tokens, i)
    ))
      return false;
  }
  return true;
}

/** Counts without their own category take it from the figure they belong to or continue. */
function inheritCategories(drafts: Draft[], previous: readonly Draft[]): void {
  drafts.forEach((d, k) => {
    const prev = drafts[k - 1] ?? previous[previous.length - 1];
    if (d.parent) {
      d.population ??= d.parent.population;
      if (
        !d.category &&
        d.sub.severity &&
        (d.parent.category === 'wounded' || d.parent.category === 'seriously wounded')
      )
        d.category = 'seriously wounded';
      d.category ??= d.parent.category;
      return;
    }
    if (d.category && !d.population) {
      // "In the last 24 hours, 695 surrendered": the population is the one just spoken of.
      const same = (p: Draft) => p.category === d.category && Boolean(p.population);
      const earlier = drafts.slice(0, k).reverse().find(same) ?? [...previous].reverse().find(same);
      if (earlier) d.population = earlier.population;
    }
    if (d.category || d.sub.otherNoun) return;
    const total = d.cues.some((c) => c.type === 'total');
    const neighbour =
      drafts
        .slice(0, k)
        .reverse()
        .find((p) => p.category && !p.parent) ?? drafts.slice(k + 1).find((p) => p.category && !p.parent);
    if (d.sub.more || total) {
      const src = neighbour ?? prev;
      d.category = src?.category ?? null;
      d.population ??= src?.population ?? null;
    } else if (neighbour) {
      d.category = neighbour.category;
      d.population ??= neighbour.population;
    }
  });
}

/** Gives each count the time cues of its own comma-chunk; returns the sentence's leading cues. */
function assignCues(ctx: SentenceContext, drafts: Draft[]): TimeCue[] {
  const { tokens, cues } = ctx;
  const chunkOf = new Int32Array(tokens.length);
  let chunk = 0;
  tokens.forEach((t, i) => {
    if (t.t === ',' || t.t === ';' || t.t === ':' || t.t === '—' || t.t === '–') chunk++;
    chunkOf[i] = chunk;
  });
  const figChunks = new Set(drafts.map((d) => chunkOf[d.span.core]));
  const firstFigChunk = drafts.length > 0 ? chunkOf[drafts[0]!.span.core]! : 0;
  const leading: TimeCue[] = [];
  for (const cue of cues) {
    const c = chunkOf[cue.start]!;
    const mates = drafts.filter((d) => chunkOf[d.span.core] === c);
    if (mates.length > 0 && mates.every((d) => d.span.end <= cue.start)) {
      for (const d of mates) if (!d.parent) d.cues.push(cue);
    } else if (mates.length > 0) nearest(mates, cue).cues.push(cue);
    else if (c < firstFigChunk || !figChunks.size) leading.push(cue);
    else {
      const before = drafts.filter((d) => d.span.start < cue.start);
      const last = before[before.length - 1];
      // A cue after a parenthetical part ("19 residents, among them 7 children, left on Wednesday")
      // belongs to the main clause.
      const target = (last?.parent && before.includes(last.parent) ? last.parent : last) ?? drafts[0];
      if (target) target.cues.push(cue);
    }
  }
  return leading;
}

/**
 * Window of each figure: its own cues, else the sentence's leading cues, else its parent's window,
 * else — in a sentence that continues the previous one — that sentence's window. "Another 40
 * surrendered" after a count of those who surrendered adds to it: it keeps its own reading (a
 * period up to publication), since the same window would make two counts of one thing.
 */
function computeWindows(
  ctx: SentenceContext,
  drafts: Draft[],
  leading: readonly TimeCue[],
  continued: SentenceWindow | null,
): void {
  let anchor: string | null = null;
  for (const d of drafts) {
    // "Since Monday, 300 have surrendered in total": a bare total marker keeps the leading dates.
    const onlyTotal = d.cues.length > 0 && d.cues.every((c) => c.type === 'total');
    const own =
      onlyTotal && !d.parent ? [...leading, ...d.cues] : d.cues.length > 0 ? d.cues : d.parent ? [] : leading;
    if (d.parent && d.cues.length === 0 && d.parent.window) {
      d.window = d.parent.window;
      d.relative = d.parent.relative;
    } else if (own.length === 0 && continued && !(d.sub.more && d.category === continued.category)) {
      d.window = continued.window;
      d.relative = continued.relative;
    } else if (own.length === 0 && d.sub.more) d.window = { kind: 'period', from: null, to: ctx.published };
    else {
      d.window = windowFrom(own, ctx.published, anchor);
      d.relative = relativeText(ctx, own, d.window);
    }
    if (d.window.to && d.window.kind !== 'period') anchor = d.window.to;
  }
}

function nearest(drafts: readonly Draft[], cue: TimeCue): Draft {
  let best = drafts[0]!;
  let bestD = Infinity;
  for (const d of drafts) {
    const dist = cue.start >= d.span.end ? cue.start - d.span.end : d.span.start - cue.end + 0.5;
    if (dist < bestD) {
      bestD = dist;
      best = d;
    }
  }
  return best;
}
