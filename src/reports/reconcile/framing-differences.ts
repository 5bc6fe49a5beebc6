/**
 * Differences in framing: for each concept (the departure from a site, custody, the fighters, ...)
 * the terms each report uses, listed when reports use different ones.
 */
import type { ReportExtraction } from '../types.js';

/** Reports that name one concept with different terms. */
export interface FramingDifference {
  readonly for: string;
  readonly terms: { report: number; terms: string[] }[];
  readonly explanation: string;
}

/** Concepts that the reports frame differently. */
export function framingDifferences(reports: readonly ReportExtraction[]): FramingDifference[] {
  const byConcept = new Map<string, Map<number, string[]>>();
  reports.forEach((r, report) => {
    for (const f of r.framing) {
      const m = byConcept.get(f.for) ?? new Map<number, string[]>();
      const list = m.get(report) ?? [];
      list.push(f.term);
      m.set(report, list);
      byConcept.set(f.for, m);
    }
  });
  const out: FramingDifference[] = [];
  for (const [concept, m] of byConcept) {
    if (m.size < 2) continue;
    const sets = [...m.values()].map((t) => [...t].sort().join('|'));
    if (new Set(sets).size < 2) continue;
    const terms = [...m.entries()].map(([report, t]) => ({ report, terms: t }));
    out.push({
      for: concept,
      terms,
      explanation: terms
        .map((t) => `report ${t.report}: ${t.terms.map((x) => `"${x}"`).join(', ')}`)
        .join('; '),
    });
  }
  return out;
}
