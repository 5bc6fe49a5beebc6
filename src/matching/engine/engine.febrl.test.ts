import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { autoMapHeaders, type FieldType, type MatchRecord } from '../record/index.js';
import { bcubedScores, dedupe, pairwiseScores } from './index.js';

const FEBRL1 = fileURLToPath(new URL('../../../../../shared/data/linkage/febrl1.csv', import.meta.url));

/** FEBRL files are plain: a header, then comma-and-space separated values without quotes. */
function readFebrl(path: string): { records: MatchRecord[]; truth: string[] } {
  const [head, ...lines] = readFileSync(path, 'utf8').trim().split('\n');
  const header = head!.split(',').map((h) => h.trim());
  const mapping = Object.entries(autoMapHeaders(header, ['rec_id'])) as [FieldType, string[]][];
  const records: MatchRecord[] = [];
  const truth: string[] = [];
  for (const line of lines) {
    const cells = line.split(',').map((c) => c.trim());
    const row = Object.fromEntries(header.map((h, i) => [h, cells[i] ?? '']));
    const fields: Partial<Record<FieldType, string>> = {};
    for (const [type, cols] of mapping) {
      const v = cols
        .map((c) => row[c])
        .filter(Boolean)
        .join(' ');
      if (v) fields[type] = v;
    }
    records.push({ id: row['rec_id']!, fields });
    truth.push(/^rec-(\d+)/.exec(row['rec_id']!)![1]!);
  }
  return { records, truth };
}

test('unsupervised dedupe of FEBRL dataset 1 finds its duplicates', async (t) => {
  if (!existsSync(FEBRL1)) return t.skip('../shared/data/linkage folder absent');
  const { records, truth } = readFebrl(FEBRL1);
  const result = await dedupe(records, { threads: 1 });
  assert.equal(result.clusters.length, records.length);
  assert.ok(pairwiseScores(result.clusters, truth).f1 >= 0.97);
  assert.ok(bcubedScores(result.clusters, truth).f1 >= 0.97);
  assert.ok(result.run.training !== null && result.run.training.sessions.length > 0);
});
