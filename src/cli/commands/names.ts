/**
 * `whereabouts names compare "A" "B" [--json]` prints a name similarity in [0,1] and why;
 * `whereabouts names score FILE.csv --left COL --right COL [--out FILE]` adds a `score` column.
 */
import { createReadStream, createWriteStream, existsSync, renameSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { basename, dirname, join } from 'node:path';
import type { Command } from 'commander';
import { stringify } from 'csv-stringify/sync';
import { DomainError } from '../../domain/errors.js';
import { readCsv } from '../../interchange/index.js';
import { nameSimilarity } from '../../matching/names/index.js';
import type { NameExplanation } from '../../matching/names/index.js';
import type { CliContext } from '../context.js';

/** Registers `names compare` and `names score`. */
export function registerNames(program: Command, ctx: CliContext): void {
  const names = program
    .command('names')
    .description('Compare personal names across scripts and romanisations.');
  names
    .command('compare')
    .description('Print the similarity of two names in [0,1] and the explanation.')
    .argument('<a>', 'first name')
    .argument('<b>', 'second name')
    .option('--json', 'print JSON: { score, explanation }')
    .action((a: string, b: string, opts: { json?: boolean }) => {
      const { score, explanation } = nameSimilarity(a, b);
      ctx.stdout.write(
        opts.json ? `${JSON.stringify({ score, explanation })}\n` : describe(score, explanation),
      );
    });
  names
    .command('score')
    .description('Add a `score` column with the similarity of two name columns of a CSV file.')
    .argument('<file>', 'CSV file (encoding and delimiter are detected)')
    .requiredOption('--left <col>', 'column with the first name')
    .requiredOption('--right <col>', 'column with the second name')
    .option('--out <file>', 'write here instead of standard output')
    .action(async (file: string, opts: { left: string; right: string; out?: string }) => {
      await scoreFile(file, opts, ctx);
    });
}

function describe(score: number, e: NameExplanation): string {
  const lines = [`score ${score.toFixed(4)}`];
  for (const p of e.parts) {
    const pair = `${p.left ?? '—'} ↔ ${p.right ?? '—'}`;
    lines.push(`  ${p.kind.padEnd(10)} ${pair.padEnd(40)} ${p.score.toFixed(2)}  ${p.reason}`);
  }
  return `${lines.join('\n')}\n`;
}

async function scoreFile(file: string, opts: { left: string; right: string; out?: string }, ctx: CliContext) {
  if (!existsSync(file)) {
    throw new DomainError('INPUT_INVALID', `${file}: file not found`, {
      issues: [{ message: 'file not found' }],
    });
  }
  const table = await readCsv(createReadStream(file), { fileName: file, onError: 'throw' });
  for (const col of [opts.left, opts.right]) {
    if (!table.header.includes(col)) {
      throw new DomainError(
        'INPUT_INVALID',
        `${file}: line 1, column "${col}": no such column in the header`,
        {
          issues: [{ row: 1, column: col, message: `no column "${col}" in the header` }],
        },
      );
    }
  }
  const header = table.header.includes('score') ? table.header : [...table.header, 'score'];
  // Write beside the target and rename at the end, so that a failure leaves no partial file.
  const temp = opts.out ? join(dirname(opts.out), `.${basename(opts.out)}.${process.pid}.tmp`) : undefined;
  const sink: Writable = temp ? createWriteStream(temp) : ctx.stdout;
  try {
    await write(sink, stringify([header]));
    let n = 0;
    for await (const row of table.rows) {
      const { score } = nameSimilarity(row.values[opts.left] ?? '', row.values[opts.right] ?? '');
      const cells = header.map((h) => (h === 'score' ? score.toFixed(4) : (row.values[h] ?? '')));
      await write(sink, stringify([cells]));
      if (++n % 50_000 === 0 && ctx.interactive) ctx.stderr.write(`\r${n} rows scored`);
    }
    if (ctx.interactive && n >= 50_000) ctx.stderr.write('\n');
    if (temp && opts.out) {
      sink.end();
      await once(sink, 'finish');
      renameSync(temp, opts.out);
    }
  } catch (e) {
    if (temp) {
      sink.destroy();
      rmSync(temp, { force: true });
    }
    throw e;
  }
}

async function write(sink: Writable, chunk: string): Promise<void> {
  if (!sink.write(chunk)) await once(sink, 'drain');
}
