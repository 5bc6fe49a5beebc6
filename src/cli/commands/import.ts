/**
 * `whereabouts import FILE [--source NAME] [--format F] [--map FIELD=COLUMN ...] [--dry-run]`
 * imports a list in one transaction and prints the import report. The source is found by title,
 * or created as a list source. Progress goes to stderr: a bar on a terminal, a line per 100,000
 * rows otherwise. Interrupting (Ctrl-C) rolls everything back.
 */
import type { Command } from 'commander';
import cliProgress from 'cli-progress';
import { DomainError, systemActor } from '../../domain/index.js';
import { FORMATS, isFieldName, type FieldName } from '../../interchange/index.js';
import type { ImportProgress, ImportReport } from '../../app/imports/index.js';
import type { CliContext } from '../context.js';
import { withRuntime } from '../runtime.js';

interface ImportCliOptions {
  source?: string;
  format?: string;
  map: string[];
  dryRun?: boolean;
  sourceDate?: string;
  preset?: string;
  savePreset?: string;
  sheet?: string;
  json?: boolean;
}

/** `FIELD=COLUMN` pairs as a mapping; an unknown field is a usage error. */
export function parseMapOptions(specs: readonly string[]): Partial<Record<FieldName, string>> {
  const out: Partial<Record<FieldName, string>> = {};
  for (const spec of specs) {
    const eq = spec.indexOf('=');
    const field = eq > 0 ? spec.slice(0, eq).trim() : '';
    if (!isFieldName(field))
      throw new DomainError('VALIDATION_FAILED', `--map ${spec}: expected FIELD=COLUMN with a known field`, {
        issues: [{ path: '--map', message: `"${field}" is not a field` }],
      });
    out[field] = spec.slice(eq + 1).trim();
  }
  return out;
}

function progressReporter(ctx: CliContext): { update(p: ImportProgress): void; stop(): void } {
  if (ctx.interactive) {
    const bar = new cliProgress.SingleBar(
      {
        stream: ctx.stderr as NodeJS.WritableStream,
        format: 'import [{bar}] {percentage}% | {rows} rows',
        hideCursor: true,
      },
      cliProgress.Presets.shades_classic,
    );
    let started = false;
    return {
      update: (p) => {
        if (!started) bar.start(Math.max(p.totalBytes, 1), 0, { rows: 0 });
        started = true;
        bar.update(p.bytesRead, { rows: p.rows });
      },
      stop: () => started && bar.stop(),
    };
  }
  let next = 100_000;
  return {
    update: (p) => {
      if (p.rows < next) return;
      next = p.rows + 100_000;
      ctx.stderr.write(
        `import: ${p.rows} rows (${Math.round((100 * p.bytesRead) / Math.max(p.totalBytes, 1))}%)\n`,
      );
    },
    stop: () => {},
  };
}

/** The report as text for people. */
export function formatReport(r: ImportReport): string {
  const lines = [
    `${r.dryRun ? 'dry run (nothing written)' : 'imported'}: ${r.fileName} (${r.format}, ${r.encoding}) batch ${r.batchId}`,
    `rows ${r.rows}: created ${r.created} (queued for review ${r.queued}), linked ${r.linked}, updated ${r.updated}, unchanged ${r.unchanged}, rejected ${r.rejectedCount}`,
    `mapping: ${
      Object.entries(r.mapping)
        .map(([c, f]) => `${c} → ${f}`)
        .join(', ') || '(PFIF fields)'
    }`,
  ];
  if (r.unmappedColumns.length) lines.push(`unmapped columns: ${r.unmappedColumns.join(', ')}`);
  if (r.ambiguousDates) lines.push(`ambiguous dates: ${r.ambiguousDates}, read as ${r.dateOrder}`);
  for (const x of r.rejected)
    lines.push(
      `  rejected line ${x.row}${x.column !== undefined ? `, column ${x.column}` : ''}: [${x.code}] ${x.message}`,
    );
  if (r.rejectedCount > r.rejected.length)
    lines.push(`  ... and ${r.rejectedCount - r.rejected.length} more`);
  for (const x of r.warnings) lines.push(`  warning: [${x.code}] ${x.message}`);
  return lines.join('\n') + '\n';
}

/** Registers `import`. */
export function registerImport(program: Command, ctx: CliContext): void {
  program
    .command('import')
    .description(
      'import a list (CSV, XLSX, HXL, PFIF 1.4, JSON Lines) in one transaction and print the report',
    )
    .argument('<file>', 'the list to import')
    .option('--source <name>', 'source title (created as a list source when absent)')
    .option('--format <format>', `skip detection: ${FORMATS.join(', ')}`)
    .option(
      '--map <FIELD=COLUMN>',
      'map a column to a field (repeatable)',
      (v: string, acc: string[]) => [...acc, v],
      [] as string[],
    )
    .option('--dry-run', 'report what would happen, write nothing')
    .option('--source-date <YYYY-MM-DD>', 'when the source asserted the rows')
    .option('--preset <name>', 'start from a saved mapping')
    .option('--save-preset <name>', 'save the mapping used under this name')
    .option('--sheet <name>', 'worksheet to read (XLSX)')
    .option('--json', 'print the report as JSON')
    .action(async (file: string, o: ImportCliOptions) => {
      if (o.format && !(FORMATS as readonly string[]).includes(o.format))
        throw new DomainError(
          'VALIDATION_FAILED',
          `--format ${o.format}: expected one of ${FORMATS.join(', ')}`,
        );
      const mapping = parseMapOptions(o.map);
      await withRuntime(ctx, async (rt) => {
        const progress = progressReporter(ctx);
        const abort = new AbortController();
        const onSignal = () => abort.abort();
        process.once('SIGINT', onSignal);
        try {
          const report = await rt.app.imports.run(
            { ...systemActor, via: 'cli' },
            file,
            {
              sourceName: o.source ?? file.replace(/^.*[\\/]/, ''),
              ...(o.format && { format: o.format as (typeof FORMATS)[number] }),
              ...(Object.keys(mapping).length && { mapping }),
              dryRun: Boolean(o.dryRun),
              ...(o.sourceDate && { sourceDate: o.sourceDate }),
              ...(o.preset && { preset: o.preset }),
              ...(o.savePreset && { savePreset: o.savePreset }),
              ...(o.sheet && { sheet: o.sheet }),
            },
            { onProgress: (p) => progress.update(p), signal: abort.signal },
          );
          progress.stop();
          ctx.stdout.write(o.json ? JSON.stringify(report, null, 2) + '\n' : formatReport(report));
        } finally {
          progress.stop();
          process.removeListener('SIGINT', onSignal);
        }
      });
    });
}
