/**
 * How figures line up for comparison: the category family (sources that call the same departure a
 * surrender or an evacuation still count the same people), the population class, the kind of window
 * (a stock at a date, or a flow over a period) and the count as an interval.
 */
import type { Figure, FigureCategory, ReportExtraction } from '../types.js';
import { populationClass } from '../lexicon/figures-lexicon.js';

/** A figure with where it came from. */
export interface Ref {
  readonly report: number;
  readonly index: number;
  readonly figure: Figure;
  readonly source: string;
}

const FAMILY: Partial<Record<FigureCategory, string>> = { surrendered: 'departure', evacuated: 'departure' };

/** The comparison family of a category. */
export function familyOf(category: FigureCategory): string {
  return FAMILY[category] ?? category;
}

/** Every figure of every report, with its source (speaker, else publisher, else file). */
export function allRefs(reports: readonly ReportExtraction[]): Ref[] {
  const out: Ref[] = [];
  reports.forEach((r, report) =>
    r.figures.forEach((figure, index) =>
      out.push({
        report,
        index,
        figure,
        source: figure.attributedTo ?? r.publisher ?? r.file ?? `report ${report}`,
      }),
    ),
  );
  return out;
}

/** Key of figures that may be compared: family and population class. */
export function alignKey(f: Figure): string {
  return `${familyOf(f.category)}|${populationClass(f.population)}|${f.includedIn === null ? 'top' : 'part'}`;
}

/** True for counts that stand at a date (cumulative totals and "as of" counts). */
export function isStock(f: Figure): boolean {
  return f.window.kind !== 'period';
}

/** The closed interval of values the count allows. */
export function interval(f: Figure): [number, number] {
  const n = f.count;
  switch (f.qualifier) {
    case 'exact':
      return [n, n];
    case 'about':
      return [Math.floor(n * 0.9), Math.ceil(n * 1.1)];
    case 'more_than':
      return [n + 1, Infinity];
    case 'at_least':
      return [n, Infinity];
    case 'fewer_than':
      return [0, n - 1];
    case 'at_most':
      return [0, n];
    case 'range':
    case 'vague':
      return [n, f.max ?? Infinity];
  }
}

/** True when two counts can both be true. */
export function overlaps(a: Figure, b: Figure): boolean {
  const [a0, a1] = interval(a);
  const [b0, b1] = interval(b);
  return a0 <= b1 && b0 <= a1;
}

/** "1,725 (report 1, surrendered, cumulative since 2026-03-09 to 2026-03-12, Ministry of Defence)". */
export function describe(r: Ref): string {
  const f = r.figure;
  const w = f.window;
  const when =
    w.kind === 'period'
      ? `${w.from ?? '?'} to ${w.to ?? '?'}`
      : w.kind === 'cumulative'
        ? `cumulative${w.from ? ` since ${w.from}` : ''} to ${w.to ?? '?'}`
        : `as of ${w.to ?? '?'}`;
  const qual = f.qualifier === 'exact' ? '' : `${f.qualifier.replace('_', ' ')} `;
  return `${qual}${f.count.toLocaleString('en-US')} ${f.category}${f.population ? ` ${f.population}` : ''} (report ${r.report}, ${when}, ${r.source})`;
}
