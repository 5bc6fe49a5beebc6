/**
 * `whereabouts generate --persons N --sources K --seed S --out DIR` writes K lists of one synthetic
 * population as different sources would write them, with truth.csv, README.txt and manifest.json.
 * Files are streamed to disk under a temporary name and renamed when complete, so an interrupted
 * run leaves no file that looks finished.
 */
import { createWriteStream, mkdirSync, renameSync, rmSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Command } from 'commander';
import { DomainError } from '../../domain/errors.js';
import { chunksInWorker, datasetFiles } from '../../matching/generate/index.js';
import type { DatasetFile, GenerateOptions } from '../../matching/generate/index.js';
import type { CliContext } from '../context.js';

interface GenerateCliOptions {
  persons: string;
  sources: string;
  seed: string;
  out: string;
  threads?: string;
}

type Chunks = Iterable<string> | AsyncIterable<string>;

/** Below this many persons × sources, starting threads costs more than it saves. */
const THREADED_FROM = 50_000;

/** Reads a whole number option; anything else (negative, fraction, text) is INPUT_INVALID. */
function wholeNumber(option: string, text: string, min: number, max = Number.MAX_SAFE_INTEGER): number {
  const value = /^\d+$/.test(text.trim()) ? Number(text.trim()) : Number.NaN;
  if (!(value >= min && value <= max))
    throw new DomainError(
      'INPUT_INVALID',
      `${option} ${text}: expected a whole number from ${min} to ${max}`,
      {
        issues: [{ path: option, message: `expected a whole number from ${min} to ${max}` }],
      },
    );
  return value;
}

/** Streams one file to DIR/name.partial, then renames it into place. */
async function writeFile(dir: string, file: DatasetFile, chunks: Chunks): Promise<void> {
  const target = join(dir, file.fileName);
  const partial = `${target}.partial`;
  try {
    await pipeline(Readable.from(chunks), createWriteStream(partial));
    renameSync(partial, target);
  } catch (e) {
    rmSync(partial, { force: true });
    throw new DomainError(
      'INPUT_INVALID',
      `cannot write ${target}: ${e instanceof Error ? e.message : String(e)}`,
      {
        issues: [{ path: target, message: 'cannot write' }],
        cause: e,
      },
    );
  }
}

/** The truth file's chunks, counting its lines: one per record of every source, plus the header. */
async function* counting(chunks: Chunks, count: { lines: number }): AsyncGenerator<string> {
  for await (const chunk of chunks) {
    for (let i = chunk.indexOf('\n'); i !== -1; i = chunk.indexOf('\n', i + 1)) count.lines++;
    yield chunk;
  }
}

/** Runs `task` on every item, at most `size` at a time; the first failure stops new starts. */
async function inPool<T>(items: readonly T[], size: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  let failed = false;
  const lane = async (): Promise<void> => {
    while (!failed && next < items.length) {
      const item = items[next++] as T;
      try {
        await task(item);
      } catch (e) {
        failed = true;
        throw e;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(size, items.length) }, lane));
}

/** Checks every option before anything is written; each bad one is INPUT_INVALID naming it. */
function parseOptions(opts: GenerateCliOptions): { options: GenerateOptions; threads: number } {
  const persons = wholeNumber('--persons', opts.persons, 1);
  const sources = wholeNumber('--sources', opts.sources, 1, 10_000);
  const seed = wholeNumber('--seed', opts.seed, 0, 0xffffffff);
  if (opts.out.trim() === '')
    throw new DomainError('INPUT_INVALID', '--out: expected a directory', {
      issues: [{ path: '--out', message: 'empty' }],
    });
  const threads =
    opts.threads !== undefined
      ? wholeNumber('--threads', opts.threads, 0, 256)
      : persons * sources >= THREADED_FROM
        ? availableParallelism()
        : 0;
  return { options: { persons, sources, seed }, threads };
}

function makeDirectory(dir: string): void {
  try {
    mkdirSync(dir, { recursive: true });
  } catch (e) {
    throw new DomainError('INPUT_INVALID', `--out ${dir}: cannot create the directory`, {
      issues: [{ path: '--out', message: e instanceof Error ? e.message : String(e) }],
      cause: e,
    });
  }
}

/** Registers `generate`. */
export function registerGenerate(program: Command, ctx: CliContext): void {
  program
    .command('generate')
    .description('write synthetic lists of one population as different sources would, with the truth')
    .requiredOption('--out <dir>', 'directory to write the files into (created if absent)')
    .option('--persons <n>', 'size of the population', '1000')
    .option('--sources <k>', 'number of sources (styles cycle through 7 kinds)', '3')
    .option('--seed <s>', 'seed (0 to 4294967295); the same seed gives the same files', '1')
    .option(
      '--threads <n>',
      'worker threads generating files in parallel (0: none; default: one per CPU for large runs)',
    )
    .action(async (opts: GenerateCliOptions) => {
      const { options, threads } = parseOptions(opts);
      makeDirectory(opts.out);
      const started = Date.now();
      const truthLines = { lines: 0 };
      const write = async (file: DatasetFile): Promise<void> => {
        if (ctx.interactive) ctx.stderr.write(`generate: writing ${file.fileName}\n`);
        // The truth needs no rendering: making it here spares a worker its start-up.
        const inline = threads === 0 || !file.fileName.endsWith('.csv') || file.fileName === 'truth.csv';
        const chunks = inline ? file.chunks() : chunksInWorker(options, file.fileName);
        await writeFile(
          opts.out,
          file,
          file.fileName === 'truth.csv' ? counting(chunks, truthLines) : chunks,
        );
      };
      await inPool(datasetFiles(options), Math.max(1, threads), write);
      const records = Math.max(0, truthLines.lines - 1);
      const seconds = (Date.now() - started) / 1000;
      ctx.stdout.write(
        `generate: ${options.persons} persons, ${options.sources} sources, ${records} records written to ${opts.out} in ${seconds.toFixed(1)} s\n`,
      );
    });
}
