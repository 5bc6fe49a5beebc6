/**
 * A whole dataset: K sources of one population plus the truth. `generate` builds it in memory for
 * tests and evaluation; `datasetFiles` yields each file as a stream of text chunks for the CLI.
 */
import { DomainError } from '../../domain/errors.js';
import { csvLine } from './csv-line.js';
import { checkCount, generatePopulation, lazyPopulation, personId } from './population.js';
import { coveragesOf, planSource, renderWith, sourceInfo } from './render-source.js';
import type { SourceInfo } from './render-source.js';
import { describeDataset } from './readme.js';
import { styleForSource } from './styles.js';
import type { Person, PopulationLike } from './types.js';

/** How big a dataset, how many sources, and the seed that fixes every choice. */
export interface GenerateOptions {
  readonly persons: number;
  readonly sources: number;
  readonly seed: number;
}

/** One source with its rows, each row keyed by the source's own headers. */
export interface GeneratedSource extends SourceInfo {
  readonly rows: Record<string, string>[];
}

/** Which person a record describes. */
export interface TruthRow {
  readonly recordId: string;
  readonly source: string;
  readonly personId: string;
}

/** A generated dataset in memory. */
export interface GeneratedDataset {
  readonly sources: GeneratedSource[];
  readonly truth: TruthRow[];
  readonly population: Person[];
}

/** Header of truth.csv. */
export const TRUTH_HEADER = ['record_id', 'source', 'person_id'] as const;

/** Checks the options; throws INPUT_INVALID naming each bad one. */
export function checkOptions(options: GenerateOptions): void {
  checkCount('persons', options.persons);
  checkCount('sources', options.sources, 1);
  if (!Number.isInteger(options.seed) || options.seed < 0 || options.seed > 0xffffffff)
    throw new DomainError(
      'INPUT_INVALID',
      `seed must be an integer from 0 to 4294967295, got ${options.seed}`,
      {
        issues: [{ path: 'seed', message: 'expected an unsigned 32-bit integer' }],
      },
    );
}

/**
 * The dataset in memory (small sizes: tests, evaluation, demos).
 * @example const { sources, truth } = generate({ persons: 200, sources: 3, seed: 1 });
 */
export function generate(options: GenerateOptions): GeneratedDataset {
  checkOptions(options);
  const population = generatePopulation(options);
  const lookup: PopulationLike = { size: population.length, at: (i) => population[i] as Person };
  const coverages = coveragesOf(options.sources);
  const truth: TruthRow[] = [];
  const sources = Array.from({ length: options.sources }, (_, k) => {
    const style = styleForSource(k);
    const info = sourceInfo(k, style);
    const rows: Record<string, string>[] = [];
    for (const record of renderWith(lookup, k, style, options.seed, coverages)) {
      rows.push(Object.fromEntries(info.header.map((h, c) => [h, record.values[c] ?? ''])));
      truth.push({ recordId: record.recordId, source: info.name, personId: record.personId });
    }
    return { ...info, rows };
  });
  return { sources, truth, population };
}

/** One output file: its name and its text, produced lazily in chunks of about 64 KB. */
export interface DatasetFile {
  readonly fileName: string;
  chunks(): Iterable<string>;
}

const CHUNK = 64 * 1024;

/** CSV text of a header and rows, in chunks of about 64 KB. */
function* csvChunks(header: readonly string[], rows: Iterable<readonly string[]>): Generator<string> {
  let buffer = csvLine(header);
  for (const row of rows) {
    buffer += csvLine(row);
    if (buffer.length >= CHUNK) {
      yield buffer;
      buffer = '';
    }
  }
  if (buffer) yield buffer;
}

function* valuesOf(records: Iterable<{ values: readonly string[] }>): Generator<readonly string[]> {
  for (const r of records) yield r.values;
}

/** The sources' descriptions for a dataset of `sources` sources. */
export function datasetSources(sources: number): SourceInfo[] {
  return Array.from({ length: sources }, (_, k) => sourceInfo(k, styleForSource(k)));
}

/**
 * Every file of the dataset, each streamed: the K source CSVs, truth.csv (record_id,source,
 * person_id), README.txt and manifest.json (column mappings for programs). Persons are rebuilt
 * from the seed as needed, so memory stays flat whatever the size.
 */
export function datasetFiles(options: GenerateOptions): DatasetFile[] {
  checkOptions(options);
  const population = lazyPopulation(options);
  const coverages = coveragesOf(options.sources);
  const infos = datasetSources(options.sources);
  const sourceFiles = infos.map((info, k): DatasetFile => ({
    fileName: info.fileName,
    chunks: () =>
      csvChunks(info.header, valuesOf(renderWith(population, k, styleForSource(k), options.seed, coverages))),
  }));
  const truthRows = function* (): Generator<readonly string[]> {
    for (const [k, info] of infos.entries()) {
      const duplicate = styleForSource(k).noise.duplicate;
      for (const p of planSource(options.seed, k, options.persons, coverages, duplicate))
        yield [p.recordId, info.name, personId(p.personIndex)];
    }
  };
  const truth: DatasetFile = { fileName: 'truth.csv', chunks: () => csvChunks(TRUTH_HEADER, truthRows()) };
  const readme: DatasetFile = { fileName: 'README.txt', chunks: () => [describeDataset(options, infos)] };
  const manifest: DatasetFile = {
    fileName: 'manifest.json',
    chunks: () => [`${JSON.stringify({ ...options, truth: 'truth.csv', sources: infos }, null, 2)}\n`],
  };
  return [...sourceFiles, truth, readme, manifest];
}
