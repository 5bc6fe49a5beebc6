import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from 'csv-parse/sync';
import { datasetFiles, generate, generatePopulation, renderSource } from './index.js';
import type { GenerateOptions } from './index.js';

/** Every file of a dataset as text, by file name. */
function filesOf(options: GenerateOptions): Map<string, string> {
  return new Map(datasetFiles(options).map((f) => [f.fileName, [...f.chunks()].join('')]));
}

describe('generate: determinism', () => {
  const options = { persons: 300, sources: 7, seed: 42 };

  test('the same seed gives byte-identical files', () => {
    const a = filesOf(options);
    const b = filesOf(options);
    assert.deepEqual([...a.keys()], [...b.keys()]);
    for (const [name, text] of a) assert.equal(b.get(name), text, name);
  });

  test('a different seed gives different sources and truth', () => {
    const a = filesOf(options);
    const b = filesOf({ ...options, seed: 43 });
    for (const name of a.keys()) {
      if (name === 'README.txt' || name === 'manifest.json') continue;
      assert.notEqual(b.get(name), a.get(name), name);
    }
  });

  test('the population is the same whether built whole or rebuilt lazily by the streams', () => {
    const whole = generatePopulation({ persons: 200, seed: 9 });
    const again = generatePopulation({ persons: 200, seed: 9 });
    assert.deepEqual(again, whole);
    const bigger = generatePopulation({ persons: 400, seed: 9 });
    assert.deepEqual(bigger.slice(0, 200), whole, 'a person does not depend on the population size');
  });

  test('streamed files hold exactly the rows of the in-memory dataset', () => {
    const files = filesOf(options);
    const memory = generate(options);
    for (const source of memory.sources) {
      const text = files.get(source.fileName);
      assert.ok(text, source.fileName);
      const rows = parse(text, { columns: true }) as Record<string, string>[];
      assert.deepEqual(rows, source.rows, source.fileName);
    }
    const truth = parse(files.get('truth.csv') ?? '', { columns: true }) as Record<string, string>[];
    assert.deepEqual(
      truth.map((t) => [t.record_id, t.source, t.person_id]),
      memory.truth.map((t) => [t.recordId, t.source, t.personId]),
    );
  });

  test('renderSource gives the same records as the dataset for the same source', () => {
    const memory = generate(options);
    const source = memory.sources[2];
    assert.ok(source);
    const records = [...renderSource(memory.population, 2, { seed: options.seed, sources: options.sources })];
    assert.deepEqual(
      records.map((r) => r.values),
      source.rows.map((row) => source.header.map((h) => row[h])),
    );
  });
});
