/**
 * `whereabouts reports extract FILE... [--published YYYY-MM-DD] [--json]`: figures, people, places,
 * quotes and framing from news reports and statements, reconciled across the files given. The JSON
 * document is a contract (docs/reports.md); without --json a readable summary is printed.
 */
import { readFile, stat } from 'node:fs/promises';
import type { Command } from 'commander';
import type { CliContext } from '../context.js';
import { DomainError, isDomainError } from '../../domain/errors.js';
import { buildReportsDocument, extractReportFromBytes, MAX_INPUT_BYTES } from '../../reports/index.js';
import type { ReportExtraction, ReportsDocument } from '../../reports/index.js';

interface ExtractOptions {
  published?: string;
  publisher?: string;
  language?: string;
  json?: boolean;
}

/** Registers the `reports` command group. */
export function registerReports(program: Command, ctx: CliContext): void {
  const reports = program
    .command('reports')
    .description('Turn news reports and statements into attributed figures and mentions');
  reports
    .command('extract')
    .description(
      'Extract figures, persons, places, quotes and framing from report files (text or HTML) and reconcile them',
    )
    .argument('<files...>', 'report files (plain text or HTML)')
    .option('--published <date>', 'publication date YYYY-MM-DD (default: read from the page or dateline)')
    .option('--publisher <name>', 'publisher of the reports')
    .option('--language <tag>', 'language of the reports (only English is read)')
    .option('--json', 'print the JSON document')
    .action(async (files: string[], opts: ExtractOptions) => {
      if (opts.published !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(opts.published))
        throw new DomainError('INVALID_DATE', `--published "${opts.published}" is not a YYYY-MM-DD date`, {
          issues: [{ path: '--published', message: 'expected YYYY-MM-DD' }],
        });
      const extractions: ReportExtraction[] = [];
      const failures: DomainError[] = [];
      for (const file of files) extractions.push(await extractFile(file, opts, ctx, failures));
      const doc = buildReportsDocument(extractions);
      ctx.stdout.write(opts.json ? `${JSON.stringify(doc, null, 2)}\n` : summary(doc));
      if (failures.length > 0) {
        const first = failures[0]!;
        throw new DomainError(first.code, `${failures.length} file(s) could not be read: ${first.message}`);
      }
    });
}

async function extractFile(
  file: string,
  opts: ExtractOptions,
  ctx: CliContext,
  failures: DomainError[],
): Promise<ReportExtraction> {
  const meta = {
    file,
    ...(opts.published !== undefined && { published: opts.published }),
    ...(opts.publisher !== undefined && { publisher: opts.publisher }),
    ...(opts.language !== undefined && { language: opts.language }),
  };
  const info = await stat(file).catch(() => null);
  if (!info || !info.isFile())
    throw new DomainError('NOT_FOUND', `file ${file} does not exist`, { details: { file } });
  try {
    // The size is checked before reading so that a gigantic file is never loaded.
    if (info.size > MAX_INPUT_BYTES)
      throw new DomainError(
        'PAYLOAD_TOO_LARGE',
        `${file} is ${(info.size / 1048576).toFixed(1)} MB; reports are limited to ${MAX_INPUT_BYTES / 1048576} MB`,
      );
    return extractReportFromBytes(await readFile(file), meta);
  } catch (e) {
    if (!isDomainError(e)) throw e;
    ctx.stderr.write(`error [${e.code}] ${file}: ${e.message}\n`);
    failures.push(e);
    return emptyFor(file, opts, e.message);
  }
}

function emptyFor(file: string, opts: ExtractOptions, reason: string): ReportExtraction {
  return {
    file,
    published: opts.published ?? null,
    dating: { source: opts.published ? 'given' : null, text: null, note: null },
    publisher: opts.publisher ?? null,
    language: opts.language ?? 'en',
    title: null,
    figures: [],
    persons: [],
    places: [],
    organizations: [],
    quotes: [],
    authors: [],
    framing: [],
    truncated: [],
    skipped: [],
    reason,
  };
}

/** The readable summary printed without --json. */
function summary(doc: ReportsDocument): string {
  const lines: string[] = [];
  doc.reports.forEach((r, i) => {
    const entry = r as {
      file: string;
      published: string | null;
      reason: string | null;
      figures: FigureLine[];
      persons: PersonLine[];
      places: { name: string }[];
      quotes: unknown[];
      framing: { term: string }[];
      authors: string[];
      dating?: { note: string | null };
    };
    lines.push(
      `[${i}] ${entry.file}  published ${entry.published ?? 'unknown'}${entry.authors.length ? `  by ${entry.authors.join(', ')}` : ''}`,
    );
    if (entry.reason && entry.figures.length === 0) lines.push(`    ${entry.reason}`);
    if (entry.dating?.note) lines.push(`    date    ${entry.dating.note}`);
    for (const f of entry.figures) lines.push(`    figure  ${figureLine(f)}`);
    for (const p of entry.persons) lines.push(`    person  ${personLine(p)}`);
    if (entry.places.length) lines.push(`    places  ${entry.places.map((p) => p.name).join('; ')}`);
    if (entry.quotes.length) lines.push(`    quotes  ${entry.quotes.length}`);
    if (entry.framing.length) lines.push(`    framing ${entry.framing.map((f) => f.term).join(', ')}`);
  });
  if (doc.people.some((p) => new Set(p.mentions.map((m) => m.report)).size > 1)) {
    lines.push('people across reports:');
    for (const p of doc.people)
      if (p.mentions.length > 1)
        lines.push(`    ${p.name}: ${p.mentions.map((m) => `[${m.report}] ${m.name}`).join(', ')}`);
  }
  if (doc.reconciliation.length) lines.push('reconciliation:');
  for (const r of doc.reconciliation) lines.push(`    ${r.kind.padEnd(10)} ${r.explanation}`);
  for (const f of doc.framingDifferences) lines.push(`    framing    ${f.for}: ${f.explanation}`);
  return `${lines.join('\n')}\n`;
}

interface FigureLine {
  count: number;
  category: string;
  population: string | null;
  includedIn: number | null;
  window: { from: string | null; to: string | null; kind: string };
  attributedTo: string | null;
  hedged: boolean;
  qualifier: string;
}
interface PersonLine {
  name: string;
  age: number | null;
  rank: string | null;
  role: string | null;
  unit: string | null;
  statuses: { type: string; date: string | null; place: string | null; hedged: boolean }[];
}

function figureLine(f: FigureLine): string {
  const q = f.qualifier === 'exact' ? '' : `${f.qualifier.replace('_', ' ')} `;
  const w =
    f.window.kind === 'period'
      ? `${f.window.from ?? '?'}..${f.window.to ?? '?'}`
      : `${f.window.kind} ${f.window.from ? `${f.window.from}..` : ''}${f.window.to ?? '?'}`;
  return `${q}${f.count.toLocaleString('en-US')} ${f.category}${f.population ? ` ${f.population}` : ''}${f.includedIn !== null ? ` (part of #${f.includedIn})` : ''}  ${w}  ${f.attributedTo ?? 'unattributed'}${f.hedged ? '  [hedged]' : ''}`;
}

function personLine(p: PersonLine): string {
  const bits = [p.rank, p.role, p.age !== null ? `age ${p.age}` : null, p.unit].filter(Boolean).join(', ');
  const st = p.statuses
    .map(
      (s) =>
        `${s.type}${s.date ? ` ${s.date}` : ''}${s.place ? ` at ${s.place}` : ''}${s.hedged ? ' (hedged)' : ''}`,
    )
    .join('; ');
  return `${p.name}${bits ? ` (${bits})` : ''}${st ? ` — ${st}` : ''}`;
}
