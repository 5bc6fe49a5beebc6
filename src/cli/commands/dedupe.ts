/**
 * `whereabouts dedupe FILE.csv --id COL [--field TYPE=COL ...] [--threshold P] [--out FILE]`
 * writes `id,cluster`, one row per input record. Also exports the CSV loading, option parsing,
 * progress and atomic writing that `link` shares.
 */
import { createReadStream, existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, basename, join } from 'node:path';
import type { Command } from 'commander';
import { stringify } from 'csv-stringify/sync';
import { DomainError, type Issue } from '../../domain/errors.js';
import { readCsv } from '../../interchange/index.js';
import {
  autoMapHeaders,
  dedupe,
  isFieldType,
  parseModel,
  serialiseModel,
  type FieldType,
  type MatchModel,
  type MatchRecord,
} from '../../matching/index.js';
import type { CliContext } from '../context.js';

/** Options common to dedupe and link. */
export interface MatchCliOptions {
  id: string;
  field: string[];
  threshold?: string;
  out?: string;
  ageAsOf?: string;
  train: boolean;
  model?: string;
  saveModel?: string;
}

/** Reads --model FILE (a model JSON document), or the shipped model without it. */
export function loadModel(file: string | undefined): MatchModel | undefined {
  if (file === undefined) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new DomainError('INPUT_INVALID', `${file}: not a readable JSON model (${(e as Error).message})`, {
      issues: [{ path: file, message: 'cannot read the model' }],
    });
  }
  return parseModel(json);
}

function bad(
  file: string,
  issue: Issue,
  code: 'INPUT_INVALID' | 'VALIDATION_FAILED' = 'INPUT_INVALID',
): DomainError {
  const where = [
    issue.row !== undefined ? `line ${issue.row}` : '',
    issue.column !== undefined ? `column ${JSON.stringify(issue.column)}` : '',
  ]
    .filter(Boolean)
    .join(', ');
  return new DomainError(code, `${file}${where ? `: ${where}` : ''}: ${issue.message}`, {
    issues: [issue],
    details: { fileName: file },
  });
}

/** Parses `--field TYPE=COL` options into columns per field type; unknown types are refused. */
export function parseFieldOptions(specs: readonly string[]): Partial<Record<FieldType, string[]>> {
  const out: Partial<Record<FieldType, string[]>> = {};
  for (const spec of specs) {
    const eq = spec.indexOf('=');
    const type = eq > 0 ? spec.slice(0, eq).trim() : '';
    const col = eq > 0 ? spec.slice(eq + 1).trim() : '';
    if (!isFieldType(type) || col === '')
      throw new DomainError(
        'VALIDATION_FAILED',
        `--field ${spec}: expected TYPE=COLUMN with TYPE one of the field types`,
        {
          issues: [{ path: '--field', message: `unknown field type or missing column in "${spec}"` }],
        },
      );
    (out[type] ??= []).push(col);
  }
  return out;
}

/** Parses --threshold as a probability in (0, 1). */
export function parseThreshold(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const p = Number(text);
  if (!(p > 0 && p < 1))
    throw new DomainError(
      'VALIDATION_FAILED',
      `--threshold ${text}: expected a probability between 0 and 1`,
      {
        issues: [{ path: '--threshold', message: 'must be a number strictly between 0 and 1' }],
      },
    );
  return p;
}

/** Reads a CSV file into match records; every problem names the file, the line and the column. */
export async function loadRecords(file: string, opts: MatchCliOptions): Promise<MatchRecord[]> {
  if (!existsSync(file)) throw bad(file, { message: 'file not found' });
  const table = await readCsv(createReadStream(file), { fileName: file, onError: 'throw' });
  if (!table.header.includes(opts.id))
    throw bad(file, { row: 1, column: opts.id, message: `no id column "${opts.id}" in the header` });
  const explicit = parseFieldOptions(opts.field);
  const mapping = opts.field.length > 0 ? explicit : autoMapHeaders(table.header, [opts.id]);
  for (const cols of Object.values(mapping))
    for (const c of cols)
      if (!table.header.includes(c))
        throw bad(file, { row: 1, column: c, message: `no column "${c}" in the header` });
  const entries = Object.entries(mapping) as [FieldType, string[]][];
  const asOfColumn =
    opts.ageAsOf !== undefined && table.header.includes(opts.ageAsOf) ? opts.ageAsOf : undefined;
  const seen = new Map<string, number>();
  const records: MatchRecord[] = [];
  for await (const row of table.rows) {
    const id = row.values[opts.id] ?? '';
    if (id === '') throw bad(file, { row: row.line, column: opts.id, message: 'the id is empty' });
    const first = seen.get(id);
    if (first !== undefined)
      throw bad(file, { row: row.line, column: opts.id, message: `id "${id}" repeats line ${first}` });
    seen.set(id, row.line);
    const fields: Partial<Record<FieldType, string>> = {};
    for (const [type, cols] of entries) {
      const v = cols
        .map((c) => row.values[c] ?? '')
        .filter((x) => x !== '')
        .join(' ');
      if (v !== '') fields[type] = v;
    }
    const asOf = asOfColumn ? row.values[asOfColumn] : opts.ageAsOf;
    records.push(asOf ? { id, fields, age_as_of: asOf } : { id, fields });
  }
  if (records.length === 0) throw bad(file, { row: 2, message: 'the file has a header but no records' });
  return records;
}

/** Writes text to `out` through a temporary file and a rename, or to stdout without `out`. */
export function writeOutput(ctx: CliContext, text: string, out: string | undefined): void {
  if (out === undefined) {
    ctx.stdout.write(text);
    return;
  }
  const tmp = join(dirname(out), `.${basename(out)}.${process.pid}.${Date.now()}.tmp`);
  try {
    writeFileSync(tmp, text);
    renameSync(tmp, out);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw new DomainError('INPUT_INVALID', `${out}: cannot write the output (${(e as Error).message})`, {
      issues: [{ path: out, message: 'cannot write' }],
    });
  }
}

/** Progress lines on stderr, at most one a second per stage. */
export function progressPrinter(
  ctx: CliContext,
  command: string,
): (stage: string, done: number, total: number) => void {
  let last = 0;
  return (stage, done, total) => {
    const now = Date.now();
    if (now - last < 1000 && done < total) return;
    last = now;
    ctx.stderr.write(`${command}: ${stage} ${done.toLocaleString('en')}/${total.toLocaleString('en')}\n`);
  };
}

/** Adds the options both matching commands take. */
export function addMatchOptions(cmd: Command): Command {
  return cmd
    .requiredOption('--id <column>', "column holding each record's unique id")
    .option(
      '--field <TYPE=COLUMN>',
      'map a column to a field type (repeatable); without it, headers are mapped',
      (v: string, prev: string[]) => [...prev, v],
      [] as string[],
    )
    .option(
      '--threshold <probability>',
      "match probability above which records are linked (default: the model's)",
    )
    .option('--out <file>', 'write the CSV here instead of stdout')
    .option(
      '--age-as-of <date-or-column>',
      'date at which ages were stated (a date, or a column holding one)',
    )
    .option('--no-train', 'score with the model as given instead of training it on the file')
    .option('--model <file>', 'start from this model JSON instead of the shipped one')
    .option('--save-model <file>', 'write the model used (after training) to this file');
}

/** Registers `dedupe`. */
export function registerDedupe(program: Command, ctx: CliContext): void {
  addMatchOptions(
    program
      .command('dedupe')
      .argument('<file>', 'CSV file')
      .description('find records of one list that are the same person; writes id,cluster'),
  ).action(async (file: string, opts: MatchCliOptions) => {
    const threshold = parseThreshold(opts.threshold);
    const model = loadModel(opts.model);
    const records = await loadRecords(file, opts);
    const progress = progressPrinter(ctx, 'dedupe');
    const result = await dedupe(records, {
      ...(threshold !== undefined && { threshold }),
      ...(model && { model }),
      train: opts.train,
      onProgress: progress,
    });
    const rows = records.map((r, i) => [r.id, String(result.clusters[i])]);
    writeOutput(ctx, stringify([['id', 'cluster'], ...rows]), opts.out);
    if (opts.saveModel) writeOutput(ctx, serialiseModel(result.run.model), opts.saveModel);
    ctx.stderr.write(
      `dedupe: ${records.length} records, ${result.run.candidates.count} pairs compared, ${result.clusterCount} clusters (model ${result.run.model.version})\n`,
    );
  });
}
