/**
 * `whereabouts export --format F [--filter key=value ...] [--fields a,b] --out FILE` writes persons
 * (only what the caller may see; audited) to a file, atomically: a temporary file renamed at the end.
 */
import { createWriteStream, renameSync, rmSync } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import type { Command } from 'commander';
import { DomainError, systemActor } from '../../domain/index.js';
import {
  EXPORT_FIELDS,
  EXPORT_FORMATS,
  type ExportField,
  type ExportFormat,
} from '../../app/exports/index.js';
import type { CliContext } from '../context.js';
import { withRuntime } from '../runtime.js';

const FILTER_KEYS = ['q', 'state', 'sourceId', 'placeId', 'updatedSince'] as const;

/** `key=value` filters as the person-list filter; unknown keys are a usage error. */
export function parseFilters(specs: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const spec of specs) {
    const eq = spec.indexOf('=');
    const key = eq > 0 ? spec.slice(0, eq).trim() : '';
    if (!(FILTER_KEYS as readonly string[]).includes(key))
      throw new DomainError(
        'VALIDATION_FAILED',
        `--filter ${spec}: expected KEY=VALUE with KEY one of ${FILTER_KEYS.join(', ')}`,
        {
          issues: [{ path: '--filter', message: `"${key}" is not a filter` }],
        },
      );
    out[key] = spec.slice(eq + 1).trim();
  }
  return out;
}

function parseFields(text: string | undefined): ExportField[] | undefined {
  if (!text) return undefined;
  const fields = text
    .split(',')
    .map((f) => f.trim())
    .filter(Boolean);
  const bad = fields.filter((f) => !(EXPORT_FIELDS as readonly string[]).includes(f));
  if (bad.length)
    throw new DomainError(
      'VALIDATION_FAILED',
      `--fields: unknown ${bad.join(', ')}; known: ${EXPORT_FIELDS.join(', ')}`,
      {
        issues: bad.map((f) => ({ path: '--fields', message: `"${f}" is not a field` })),
      },
    );
  return fields as ExportField[];
}

/** Registers `export`. */
export function registerExport(program: Command, ctx: CliContext): void {
  program
    .command('export')
    .description('export persons as CSV, XLSX, PFIF 1.4 or JSON Lines')
    .requiredOption('--format <format>', EXPORT_FORMATS.join(', '))
    .option(
      '--filter <KEY=VALUE>',
      `filter (repeatable): ${FILTER_KEYS.join(', ')}`,
      (v: string, acc: string[]) => [...acc, v],
      [] as string[],
    )
    .option('--fields <a,b>', 'fields to write (tabular formats)')
    .requiredOption('--out <file>', 'file to write')
    .action(async (o: { format: string; filter: string[]; fields?: string; out: string }) => {
      if (!(EXPORT_FORMATS as readonly string[]).includes(o.format))
        throw new DomainError(
          'VALIDATION_FAILED',
          `--format ${o.format}: expected one of ${EXPORT_FORMATS.join(', ')}`,
        );
      const filter = parseFilters(o.filter);
      const fields = parseFields(o.fields);
      await withRuntime(ctx, async (rt) => {
        const ex = await rt.app.exports.run(
          { ...systemActor, via: 'cli' },
          {
            format: o.format as ExportFormat,
            filter,
            ...(fields && { fields }),
          },
        );
        const tmp = `${o.out}.part`;
        try {
          await pipeline(ex.stream, createWriteStream(tmp));
          renameSync(tmp, o.out);
        } catch (e) {
          rmSync(tmp, { force: true });
          throw e;
        }
        ctx.stderr.write(`exported ${ex.format} to ${o.out}\n`);
      });
    });
}
