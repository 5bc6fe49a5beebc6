/**
 * The time series of announced figures: per source, per category and population, the counts in
 * date order, so that an officer sees how each source's numbers moved.
 */
import type { ReportExtraction, WindowKind } from '../types.js';
import { allRefs } from './align.js';

/** The announced figures of one source for one category and population, in date order. */
export interface FigureSeries {
  readonly source: string;
  readonly category: string;
  readonly population: string | null;
  readonly points: { date: string | null; count: number; kind: WindowKind; figure: [number, number] }[];
}

/** Series per source, category and population (top-level figures only). */
export function figureSeries(reports: readonly ReportExtraction[]): FigureSeries[] {
  const by = new Map<string, FigureSeries>();
  for (const ref of allRefs(reports)) {
    const f = ref.figure;
    if (f.includedIn !== null) continue;
    const key = `${ref.source}|${f.category}|${f.population ?? ''}`;
    let s = by.get(key);
    if (!s) {
      s = { source: ref.source, category: f.category, population: f.population, points: [] };
      by.set(key, s);
    }
    s.points.push({
      date: f.window.to ?? reports[ref.report]?.published ?? null,
      count: f.count,
      kind: f.window.kind,
      figure: [ref.report, ref.index],
    });
  }
  for (const s of by.values()) s.points.sort((a, b) => (a.date ?? '').localeCompare(b.date ?? ''));
  return [...by.values()];
}
