/**
 * The reports JSON document, exactly as `whereabouts reports extract --json` prints it, and the entry
 * point for raw file bytes. Keys required by the command-line contract come first, in its order;
 * extra keys (qualifier, reason, series...) follow them.
 */
import type { ReportExtraction, ReportInput } from './types.js';
import { assertSize, decodeBytes, looksBinary } from './input/guard.js';
import { emptyExtraction, extractReport } from './extract/extract-report.js';
import { reconcile } from './reconcile/index.js';
import type { ReconciledReports } from './reconcile/index.js';

/** The document: one entry per report, people across reports, and reconciliation findings. */
export interface ReportsDocument {
  readonly reports: Record<string, unknown>[];
  readonly people: ReconciledReports['people'];
  readonly reconciliation: ReconciledReports['reconciliation'];
  readonly series: ReconciledReports['series'];
  readonly framingDifferences: ReconciledReports['framingDifferences'];
}

/** Builds the CLI JSON document from extractions (report indices follow the given order). */
export function buildReportsDocument(reports: readonly ReportExtraction[]): ReportsDocument {
  const together = reconcile(reports);
  return {
    reports: reports.map(reportEntry),
    people: together.people,
    reconciliation: together.reconciliation,
    series: together.series,
    framingDifferences: together.framingDifferences,
  };
}

function reportEntry(r: ReportExtraction): Record<string, unknown> {
  return {
    file: r.file,
    published: r.published,
    figures: r.figures.map((f) => ({
      count: f.count,
      category: f.category,
      population: f.population,
      includedIn: f.includedIn,
      window: { from: f.window.from, to: f.window.to, kind: f.window.kind },
      attributedTo: f.attributedTo,
      hedged: f.hedged,
      sentence: f.sentence,
      qualifier: f.qualifier,
      max: f.max,
      text: f.text,
      relative: f.relative ?? null,
    })),
    persons: r.persons.map((p) => ({
      name: p.name,
      variants: p.variants,
      age: p.age,
      rank: p.rank,
      role: p.role,
      unit: p.unit,
      side: p.side,
      statuses: p.statuses.map((s) => ({ type: s.type, date: s.date, place: s.place, hedged: s.hedged })),
      attributedTo: p.attributedTo,
    })),
    places: r.places,
    organizations: r.organizations,
    quotes: r.quotes,
    authors: r.authors,
    framing: r.framing,
    publisher: r.publisher,
    dating: r.dating,
    title: r.title,
    language: r.language,
    truncated: r.truncated,
    skipped: r.skipped,
    reason: r.reason,
  };
}

/**
 * Extracts a report from raw file bytes: size cap (PAYLOAD_TOO_LARGE), empty and binary files (an
 * empty result with a reason), charset detection, HTML or text by content.
 */
export function extractReportFromBytes(
  bytes: Uint8Array,
  meta: Omit<ReportInput, 'text' | 'html'> = {},
): ReportExtraction {
  assertSize(bytes.length, meta.file ?? 'report');
  const empty = (reason: string): ReportExtraction => ({
    ...emptyExtraction(meta, meta.published ?? null, null),
    reason,
  });
  if (bytes.length === 0) return empty('the file is empty');
  if (looksBinary(bytes)) return empty('the file is binary, not text or HTML');
  return extractReport({ ...meta, text: decodeBytes(bytes) });
}
