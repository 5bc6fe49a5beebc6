/**
 * `npm run eval`: quality of unsupervised deduplication (EM, no labels) on the public test data in
 * ../shared/data/linkage and on generated multi-source data. Prints pairwise precision, recall and
 * F1, B-cubed F1, blocking recall and the number of pairs compared.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { readCsv } from '../src/interchange/index.js';
import {
  autoMapHeaders,
  bcubedScores,
  blockingRecall,
  dedupe,
  link,
  pairwiseScores,
  type FieldType,
  type MatchRecord,
} from '../src/matching/index.js';

const DATA = resolve(process.cwd(), '../shared/data/linkage');

/** A data set with truth: records and each record's true person. */
export interface Labelled {
  readonly name: string;
  readonly records: MatchRecord[];
  readonly truth: string[];
}

/** Reads a CSV with auto-mapped headers; `truthOf` extracts the true person from a row. */
export async function loadLabelled(
  name: string,
  file: string,
  idColumn: string,
  truthOf: (values: Record<string, string>) => string,
): Promise<Labelled> {
  const table = await readCsv(readFileSync(file), { fileName: file });
  const mapping = Object.entries(autoMapHeaders(table.header, [idColumn, 'cluster'])) as [
    FieldType,
    string[],
  ][];
  const records: MatchRecord[] = [];
  const truth: string[] = [];
  for await (const row of table.rows) {
    const fields: Partial<Record<FieldType, string>> = {};
    for (const [type, cols] of mapping) {
      const v = cols
        .map((c) => row.values[c] ?? '')
        .filter(Boolean)
        .join(' ');
      if (v) fields[type] = v;
    }
    records.push({ id: row.values[idColumn]!, fields });
    truth.push(truthOf(row.values));
  }
  return { name, records, truth };
}

const febrlTruth = (v: Record<string, string>): string => /^rec-(\d+)/.exec(v['rec_id'] ?? '')?.[1] ?? '';

/** Runs dedupe on one labelled set and returns its measures. */
export async function evaluate(set: Labelled, threshold?: number): Promise<Record<string, string | number>> {
  const t = performance.now();
  const r = await dedupe(set.records, threshold === undefined ? {} : { threshold });
  const seconds = (performance.now() - t) / 1000;
  const pw = pairwiseScores(r.clusters, set.truth);
  const b3 = bcubedScores(r.clusters, set.truth);
  const c = r.run.candidates;
  return {
    data: set.name,
    records: set.records.length,
    precision: round(pw.precision),
    recall: round(pw.recall),
    f1: round(pw.f1),
    bcubedF1: round(b3.f1),
    blockingRecall: round(blockingRecall(c.left, c.right, c.count, set.truth)),
    comparisons: c.count,
    seconds: round(seconds, 2),
  };
}

function round(x: number, d = 4): number {
  return Number(x.toFixed(d));
}

async function publicSets(): Promise<Labelled[]> {
  const out: Labelled[] = [];
  const files: [string, string, string, (v: Record<string, string>) => string][] = [
    ['febrl1', 'febrl1.csv', 'rec_id', febrlTruth],
    ['febrl2', 'febrl2.csv', 'rec_id', febrlTruth],
    ['fake_1000', 'fake_1000.csv', 'unique_id', (v) => v['cluster'] ?? ''],
  ];
  for (const [name, file, id, truth] of files) {
    const path = resolve(DATA, file);
    if (!existsSync(path)) {
      console.log(`${name}: skipped (${path} absent)`);
      continue;
    }
    out.push(await loadLabelled(name, path, id, truth));
  }
  return out;
}

async function generatedSets(): Promise<Labelled[]> {
  const path = resolve(process.cwd(), 'dist/src/matching/generate/index.js');
  if (!existsSync(path)) {
    console.log('generated: skipped (src/matching/generate absent)');
    return [];
  }
  const { generatedLabelled } = await import('./lib-generated.js');
  return [await generatedLabelled(2000, 3, 7)];
}

/**
 * Linkage of two labelled lists (one-to-one): precision and recall of the links against every pair
 * of records of one person across the lists. `ceiling` is the recall a one-to-one linkage can reach
 * at best when a person appears more than once in a list.
 */
export async function evaluateLink(
  name: string,
  left: Labelled,
  right: Labelled,
  threshold?: number,
): Promise<Record<string, string | number>> {
  const t = performance.now();
  const r = await link(left.records, right.records, threshold === undefined ? {} : { threshold });
  const seconds = (performance.now() - t) / 1000;
  const rightOf = new Map<string, number[]>();
  right.truth.forEach((p, j) => rightOf.set(p, [...(rightOf.get(p) ?? []), j]));
  const truePairs = new Set<string>();
  const leftCount = new Map<string, number>();
  left.truth.forEach((p, i) => {
    leftCount.set(p, (leftCount.get(p) ?? 0) + 1);
    for (const j of rightOf.get(p) ?? []) truePairs.add(`${i}:${j}`);
  });
  let ceiling = 0;
  for (const [p, js] of rightOf) ceiling += Math.min(js.length, leftCount.get(p) ?? 0);
  const hits = r.links.filter((l) => truePairs.has(`${l.left}:${l.right}`)).length;
  const precision = r.links.length ? hits / r.links.length : 1;
  const recall = truePairs.size ? hits / truePairs.size : 1;
  return {
    data: name,
    records: `${left.records.length} + ${right.records.length}`,
    precision: round(precision),
    recall: round(recall),
    f1: round(precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0),
    ceiling: round(truePairs.size ? ceiling / truePairs.size : 1),
    comparisons: r.run.candidates.count,
    seconds: round(seconds, 2),
  };
}

async function linkSets(): Promise<[string, Labelled, Labelled][]> {
  const out: [string, Labelled, Labelled][] = [];
  const path = resolve(DATA, 'febrl2.csv');
  if (existsSync(path)) {
    const all = await loadLabelled('febrl2', path, 'rec_id', febrlTruth);
    const part = (dup: boolean): Labelled => {
      const keep = all.records.map((r) => r.id.includes('-dup-') === dup);
      return {
        name: dup ? 'duplicates' : 'originals',
        records: all.records.filter((_, i) => keep[i]),
        truth: all.truth.filter((_, i) => keep[i]),
      };
    };
    out.push(['febrl2 originals → duplicates', part(false), part(true)]);
  }
  if (existsSync(resolve(process.cwd(), 'dist/src/matching/generate/index.js'))) {
    const { generatedSources } = await import('./lib-generated.js');
    const [a, b, c] = generatedSources(2000, 3, 7);
    out.push(['generated source 1 → 2', a!, b!], ['generated source 1 → 3', a!, c!]);
  }
  return out;
}

async function main(): Promise<void> {
  const threshold = process.argv[2] ? Number(process.argv[2]) : undefined;
  const sets = [...(await publicSets()), ...(await generatedSets())];
  const rows = [];
  for (const s of sets) {
    const row = await evaluate(s, threshold);
    rows.push(row);
    console.log(JSON.stringify(row));
  }
  console.table(rows);
  const links = [];
  for (const [name, left, right] of await linkSets()) {
    const row = await evaluateLink(name, left, right, threshold);
    links.push(row);
    console.log(JSON.stringify(row));
  }
  console.log('Linkage (one-to-one; ceiling: the best recall one-to-one links can reach)');
  console.table(links);
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
