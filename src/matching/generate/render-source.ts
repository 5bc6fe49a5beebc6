/**
 * Which persons a source lists, in which order, and which twice; and the records it writes.
 * Everything is derived from hashes of (seed, source, person), so a source of a million records
 * streams out without the population or the rows ever being held.
 */
import { DomainError } from '../../domain/errors.js';
import { checkCount } from './population.js';
import { Permutation, Rng, hashUnit, mix32 } from './prng.js';
import { renderRecord } from './render-record.js';
import { STYLES, fieldMapping, styleForSource } from './styles.js';
import type { NoiseSettings, SourceStyle, StyleName } from './styles.js';
import type { FieldType, Person, PopulationLike, SourceRecord } from './types.js';

const COVER_STREAM = 0x636f0000;
const DUP_STREAM = 0x64750000;
const ORDER_STREAM = 0x6f720000;
const RECORD_STREAM = 0x72650000;

/** Options of one source: the seed, its style (default: the k-th in order) and noise overrides. */
export interface RenderOptions {
  readonly seed: number;
  readonly style?: StyleName | SourceStyle;
  /** How many sources the dataset has: persons listed by none of them go to one chosen by hash. */
  readonly sources?: number;
  readonly noise?: Partial<NoiseSettings>;
}

/** What a source is, without its rows: enough to read its file and map its columns. */
export interface SourceInfo {
  /** "s1-ua-official": the source's position and style. */
  readonly name: string;
  readonly fileName: string;
  readonly style: StyleName;
  readonly description: string;
  readonly header: readonly string[];
  /** Field type → column header, as the matching commands take them (`--field TYPE=COL`). */
  readonly fields: Readonly<Partial<Record<FieldType, string>>>;
}

/** One entry of a source's plan: whose record comes next, and whether it is the second copy. */
export interface PlannedRecord {
  readonly recordId: string;
  readonly personIndex: number;
  readonly copy: 0 | 1;
}

/** The style a source uses, with any overrides applied. */
export function resolveStyle(
  sourceIndex: number,
  options: Pick<RenderOptions, 'style' | 'noise'>,
): SourceStyle {
  const base =
    options.style === undefined
      ? styleForSource(sourceIndex)
      : typeof options.style === 'string'
        ? STYLES[options.style]
        : options.style;
  if (!base)
    throw new DomainError('INPUT_INVALID', `unknown source style ${String(options.style)}`, {
      issues: [{ path: 'style', message: `expected one of ${Object.keys(STYLES).join(', ')}` }],
    });
  return options.noise ? { ...base, noise: { ...base.noise, ...options.noise } } : base;
}

/** Name, file and column mapping of source `sourceIndex`. */
export function sourceInfo(sourceIndex: number, style: SourceStyle): SourceInfo {
  const name = `s${sourceIndex + 1}-${style.name}`;
  return {
    name,
    fileName: `${name}.csv`,
    style: style.name,
    description: style.description,
    header: style.columns.map((c) => c.header),
    fields: fieldMapping(style),
  };
}

/** Whether source k lists person i: by its coverage, or because no other source does. */
function listed(seed: number, k: number, i: number, coverages: readonly number[]): boolean {
  if (hashUnit(seed, COVER_STREAM + k, i) < (coverages[k] as number)) return true;
  for (let j = 0; j < coverages.length; j++) {
    if (hashUnit(seed, COVER_STREAM + j, i) < (coverages[j] as number)) return false;
  }
  return mix32(seed, COVER_STREAM - 1, i) % coverages.length === k;
}

/**
 * The records of source k in file order. Persons come in a keyed random order; a person's second
 * copy comes a few dozen records after the first, as in lists compiled from several reports.
 */
export function* planSource(
  seed: number,
  sourceIndex: number,
  persons: number,
  coverages: readonly number[],
  duplicate: number,
): Generator<PlannedRecord> {
  if (persons === 0) return;
  const order = new Permutation(persons, mix32(seed, ORDER_STREAM + sourceIndex));
  const lag = Math.min(persons, 1 + (mix32(seed, ORDER_STREAM, sourceIndex) % 97));
  // The last `lag` persons listed, so second copies need no second trip through the permutation.
  const recent = new Int32Array(lag).fill(-1);
  let n = 0;
  const id = (): string => `s${sourceIndex + 1}-${++n}`;
  for (let t = 0; t < persons + lag; t++) {
    const slot = t % lag;
    const q = recent[slot] as number;
    recent[slot] = -1;
    if (t < persons) {
      const p = order.at(t);
      if (listed(seed, sourceIndex, p, coverages)) {
        yield { recordId: id(), personIndex: p, copy: 0 };
        recent[slot] = p;
      }
    }
    if (q >= 0 && hashUnit(seed, DUP_STREAM + sourceIndex, q) < duplicate)
      yield { recordId: id(), personIndex: q, copy: 1 };
  }
}

/** Coverage of each of `sources` sources, as their styles set it. */
export function coveragesOf(sources: number, override?: (k: number) => number | undefined): number[] {
  return Array.from({ length: sources }, (_, k) => override?.(k) ?? styleForSource(k).noise.coverage);
}

/**
 * The records source `sourceIndex` writes of `population`, in file order.
 * @example for (const r of renderSource(population, 1, { seed: 7, sources: 3 })) console.log(r.values);
 */
export function renderSource(
  population: readonly Person[] | PopulationLike,
  sourceIndex: number,
  options: RenderOptions,
): Iterable<SourceRecord> {
  checkCount('sourceIndex', sourceIndex);
  const sources = options.sources ?? sourceIndex + 1;
  checkCount('sources', sources, sourceIndex + 1);
  const style = resolveStyle(sourceIndex, options);
  const coverages = coveragesOf(sources, (k) => (k === sourceIndex ? style.noise.coverage : undefined));
  return renderWith(asPopulation(population), sourceIndex, style, options.seed >>> 0, coverages);
}

/** Random access over an array or a lazy population. */
export function asPopulation(population: readonly Person[] | PopulationLike): PopulationLike {
  if (!Array.isArray(population)) return population as PopulationLike;
  const persons = population as readonly Person[];
  return { size: persons.length, at: (i) => persons[i] as Person };
}

/** Renders one source with the coverages of the whole dataset (so every person is listed once). */
export function* renderWith(
  population: PopulationLike,
  sourceIndex: number,
  style: SourceStyle,
  seed: number,
  coverages: readonly number[],
): Generator<SourceRecord> {
  for (const planned of planSource(seed, sourceIndex, population.size, coverages, style.noise.duplicate)) {
    const person = population.at(planned.personIndex);
    const rng = Rng.of(seed, RECORD_STREAM + sourceIndex, planned.personIndex * 2 + planned.copy);
    const values = renderRecord(person, style, rng, planned.recordId);
    yield { recordId: planned.recordId, personId: person.id, values };
  }
}
