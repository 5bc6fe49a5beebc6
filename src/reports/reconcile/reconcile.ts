/**
 * Reconciliation across reports. Figures are aligned by category family, population class and
 * window; then three findings are reported with their figures and a plain explanation:
 * - sum: an earlier stock plus the flows in between equals a later stock (959 + 771 = 1,730);
 * - consistent: the same count for the same window from more than one place;
 * - conflict: counts for the same window that cannot both be true, a total that falls over time,
 *   a part larger than its total, or a sum that does not add up.
 */
import type { ReportExtraction } from '../types.js';
import { toDays } from '../time/dates.js';
import type { Ref } from './align.js';
import { alignKey, allRefs, describe, interval, isStock, overlaps } from './align.js';

/** Which check made a finding, for readers that word it themselves (the web page, in its language). */
export type ReconciliationRule =
  'sum' | 'sum_mismatch' | 'same_figure' | 'different_counts' | 'many_counts' | 'total_falls' | 'part_larger';

/** One finding of reconciliation. `figures` are [reportIndex, figureIndex] pairs. */
export interface Reconciliation {
  readonly kind: 'sum' | 'consistent' | 'conflict';
  readonly figures: [number, number][];
  readonly explanation: string;
  readonly rule: ReconciliationRule;
}

const refOf = (r: Ref): [number, number] => [r.report, r.index];
const dayCache = new Map<string, number | null>();
/** Epoch day of a date, memoised: the same few dates are compared many times. */
const day = (d: string | null): number | null => {
  if (d === null) return null;
  let v = dayCache.get(d);
  if (v === undefined) {
    v = toDays(d);
    if (dayCache.size > 10000) dayCache.clear();
    dayCache.set(d, v);
  }
  return v;
};
const exact = (r: Ref): boolean => r.figure.qualifier === 'exact';

/** Sums, consistent and conflicting figures across all the reports. */
export function reconcileFigures(reports: readonly ReportExtraction[]): Reconciliation[] {
  const groups = new Map<string, Ref[]>();
  for (const ref of allRefs(reports)) {
    const key = alignKey(ref.figure);
    const list = groups.get(key) ?? [];
    list.push(ref);
    groups.set(key, list);
  }
  const out: Reconciliation[] = [];
  for (const refs of groups.values()) {
    out.push(...sums(refs), ...sameWindow(refs), ...fallingTotals(refs));
  }
  out.push(...partsLargerThanTotals(reports));
  return out;
}

/** Stocks more than this many days apart are not chained by flows (and the search stays bounded). */
const MAX_SPAN_DAYS = 62;
const MAX_PAIRS_PER_STOCK = 50;

function sums(refs: readonly Ref[]): Reconciliation[] {
  const stocks = refs
    .filter((r) => isStock(r.figure) && exact(r) && r.figure.window.to !== null)
    .sort((x, y) => day(x.figure.window.to)! - day(y.figure.window.to)!);
  const flowsByEnd = new Map<number, Ref[]>();
  for (const r of refs) {
    const to = day(r.figure.window.to);
    if (isStock(r.figure) || !exact(r) || to === null) continue;
    const list = flowsByEnd.get(to) ?? [];
    list.push(r);
    flowsByEnd.set(to, list);
  }
  const out: Reconciliation[] = [];
  const seen = new Set<string>();
  let later = 0;
  for (let i = 0; i < stocks.length; i++) {
    const ta = day(stocks[i]!.figure.window.to)!;
    // Stocks of the same day are never chained: start at the first later one.
    while (later < stocks.length && day(stocks[later]!.figure.window.to)! <= ta) later++;
    for (let j = later; j < stocks.length && j - later < MAX_PAIRS_PER_STOCK; j++) {
      const a = stocks[i]!;
      const b = stocks[j]!;
      const tb = day(b.figure.window.to)!;
      if (tb - ta > MAX_SPAN_DAYS) break;
      if (!sameStart(a, b)) continue;
      const between: Ref[] = [];
      for (let d = ta; d <= tb + 1; d++)
        for (const p of flowsByEnd.get(d) ?? []) if (within(p, ta, tb)) between.push(p);
      const parts =
        b.figure.count > a.figure.count ? findParts(between, b.figure.count - a.figure.count) : null;
      if (parts) {
        const key = [a, ...parts, b].map((r) => `${r.report}:${r.index}`).join(',');
        if (seen.has(key)) continue;
        seen.add(key);
        out.push({
          kind: 'sum',
          figures: [a, ...parts, b].map(refOf),
          explanation: `${[a, ...parts].map(describe).join(' + ')} = ${describe(b)}`,
          rule: 'sum',
        });
      } else {
        const exactFlow = between.find(
          (p) => day(p.figure.window.from) === ta && day(p.figure.window.to) === tb,
        );
        if (exactFlow)
          out.push({
            kind: 'conflict',
            figures: [a, exactFlow, b].map(refOf),
            explanation: `${describe(a)} + ${describe(exactFlow)} = ${(a.figure.count + exactFlow.figure.count).toLocaleString('en-US')}, but ${describe(b)}`,
            rule: 'sum_mismatch',
          });
      }
    }
  }
  return out;
}

function sameStart(a: Ref, b: Ref): boolean {
  const fa = a.figure.window.from;
  const fb = b.figure.window.from;
  return fa === null || fb === null || fa === fb;
}

/** A flow whose end falls after the earlier stock and by the later one (one day of slack each side). */
function within(p: Ref, ta: number, tb: number): boolean {
  const to = day(p.figure.window.to);
  const from = day(p.figure.window.from);
  if (to === null) return false;
  return to > ta - 1 && to <= tb + 1 && (from === null || from >= ta - 1);
}

/** One flow, or two, whose counts add up to `target` (pairs only among a few flows: the search is quadratic). */
function findParts(flows: readonly Ref[], target: number): Ref[] | null {
  for (const p of flows) if (p.figure.count === target) return [p];
  if (flows.length > 60) return null;
  for (let i = 0; i < flows.length; i++)
    for (let j = i + 1; j < flows.length; j++) {
      const p = flows[i]!;
      const q = flows[j]!;
      if (p.figure.count + q.figure.count === target && p.figure.window.to !== q.figure.window.to)
        return [p, q];
    }
  return null;
}

/** Figures for the very same window: consistent when their counts can agree, else a conflict. */
function sameWindow(refs: readonly Ref[]): Reconciliation[] {
  const buckets = new Map<string, Ref[]>();
  for (const r of refs) {
    const w = r.figure.window;
    if (w.to === null) continue;
    const key = isStock(r.figure) ? `stock|${w.to}` : `flow|${w.from}|${w.to}`;
    const list = buckets.get(key) ?? [];
    list.push(r);
    buckets.set(key, list);
  }
  const out: Reconciliation[] = [];
  for (const list of buckets.values()) {
    if (new Set(list.map((r) => r.report)).size < 2) continue;
    const clusters: Ref[][] = [];
    for (const r of list) {
      const home = clusters.find(
        (c) =>
          overlaps(c[0]!.figure, r.figure) && (c.length > 20 || c.every((o) => overlaps(o.figure, r.figure))),
      );
      if (home) home.push(r);
      else clusters.push([r]);
    }
    for (const c of clusters)
      if (new Set(c.map((r) => r.report)).size > 1)
        out.push({
          kind: 'consistent',
          figures: c.map(refOf),
          explanation: `the same figure: ${c.map(describe).join('; ')}`,
          rule: 'same_figure',
        });
    if (clusters.length <= MAX_PAIRWISE) {
      for (let i = 0; i < clusters.length; i++)
        for (let j = i + 1; j < clusters.length; j++) {
          const a = clusters[i]![0]!;
          const b = clusters[j]![0]!;
          if (a.report === b.report) continue;
          out.push({
            kind: 'conflict',
            figures: [refOf(a), refOf(b)],
            explanation: conflictText(a, b),
            rule: 'different_counts',
          });
        }
    } else {
      // Many different counts for one window: one finding that lists them, not every pair.
      const reps = clusters.slice(0, 50).map((c) => c[0]!);
      out.push({
        kind: 'conflict',
        figures: reps.map(refOf),
        explanation: `${clusters.length} different counts for the same window: ${reps.slice(0, 5).map(describe).join('; ')}…`,
        rule: 'many_counts',
      });
    }
  }
  return out;
}

/** Above this many distinct counts for one window, conflicts are reported as one finding. */
const MAX_PAIRWISE = 8;

function conflictText(a: Ref, b: Ref): string {
  const framing =
    a.figure.category !== b.figure.category
      ? ` (the sources call it "${a.figure.category}" and "${b.figure.category}")`
      : '';
  return `different counts for the same window: ${describe(a)} vs ${describe(b)}${framing}`;
}

/** A cumulative total that falls over time from the same starting point. */
function fallingTotals(refs: readonly Ref[]): Reconciliation[] {
  const stocks = refs
    .filter((r) => isStock(r.figure) && r.figure.window.to !== null && r.figure.window.kind === 'cumulative')
    .sort((x, y) => day(x.figure.window.to)! - day(y.figure.window.to)!);
  const out: Reconciliation[] = [];
  let later = 0;
  for (let i = 0; i < stocks.length; i++) {
    const ta = day(stocks[i]!.figure.window.to)!;
    while (later < stocks.length && day(stocks[later]!.figure.window.to)! <= ta) later++;
    for (let j = later; j < stocks.length && j - later < MAX_PAIRS_PER_STOCK; j++) {
      const a = stocks[i]!;
      const b = stocks[j]!;
      if (!sameStart(a, b)) continue;
      if (interval(b.figure)[1] < interval(a.figure)[0])
        out.push({
          kind: 'conflict',
          figures: [refOf(a), refOf(b)],
          explanation: `the total falls over time: ${describe(a)}, later ${describe(b)}`,
          rule: 'total_falls',
        });
    }
  }
  return out;
}

function partsLargerThanTotals(reports: readonly ReportExtraction[]): Reconciliation[] {
  const out: Reconciliation[] = [];
  reports.forEach((r, report) =>
    r.figures.forEach((f, index) => {
      const parent = f.includedIn === null ? undefined : r.figures[f.includedIn];
      if (parent && interval(f)[0] > interval(parent)[1])
        out.push({
          kind: 'conflict',
          figures: [
            [report, f.includedIn!],
            [report, index],
          ],
          explanation: `a part is larger than its total: ${f.count} ${f.category} included in ${parent.count} ${parent.category} (report ${report})`,
          rule: 'part_larger',
        });
    }),
  );
  return out;
}
