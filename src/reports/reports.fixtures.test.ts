// Every fixture report against its expected extraction (fixtures/NN-name.{txt,html} and
// fixtures/NN-name.expected.json, written by hand from the invented stories they describe).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { extractReportFromBytes } from './index.js';
import type { ReportExtraction } from './index.js';

const dir = fileURLToPath(new URL('../../../src/reports/fixtures/', import.meta.url));
const fixtures = readdirSync(dir).filter((f) => /\.(txt|html)$/.test(f));

function observed(r: ReportExtraction): unknown {
  return {
    published: r.published,
    reason: r.reason,
    figures: r.figures.map((x) => ({
      count: x.count,
      qualifier: x.qualifier,
      category: x.category,
      population: x.population,
      includedIn: x.includedIn,
      window: x.window,
      attributedTo: x.attributedTo,
      hedged: x.hedged,
    })),
    persons: r.persons.map((p) => ({
      name: p.name,
      variants: p.variants,
      age: p.age,
      rank: p.rank,
      role: p.role,
      unit: p.unit,
      side: p.side,
      statuses: p.statuses,
    })),
    places: r.places.map((p) => p.name),
    organizations: r.organizations.map((p) => p.name),
    quotes: r.quotes.map((q) => ({ speaker: q.speaker, truncated: q.truncated })),
    authors: r.authors,
    framing: r.framing.map((t) => t.term),
    truncated: r.truncated.length,
  };
}

describe('fixture reports', () => {
  test('there are at least ten fixtures, each with an expected extraction', () => {
    assert.ok(fixtures.length >= 10);
    for (const f of fixtures) assert.doesNotThrow(() => readFileSync(`${dir}${expectedName(f)}`), f);
  });
  for (const file of fixtures) {
    test(file, () => {
      const got = extractReportFromBytes(readFileSync(`${dir}${file}`), { file });
      const expected: unknown = JSON.parse(readFileSync(`${dir}${expectedName(file)}`, 'utf8'));
      assert.deepEqual(JSON.parse(JSON.stringify(observed(got))), expected);
    });
  }
});

function expectedName(file: string): string {
  return file.replace(/\.(txt|html)$/, '.expected.json');
}
