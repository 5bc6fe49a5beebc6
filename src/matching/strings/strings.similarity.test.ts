import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import {
  jaro,
  jaroWinkler,
  damerauLevenshtein,
  levenshtein,
  levenshteinRatio,
  tokenSetSimilarity,
} from './index.js';

const close = (actual: number, expected: number, eps = 1e-3): void =>
  assert.ok(Math.abs(actual - expected) < eps, `${actual} ≠ ${expected}`);

describe('jaro and jaroWinkler', () => {
  // Textbook values from Winkler (1990) and the usual worked examples.
  const table: [string, string, number, number][] = [
    ['MARTHA', 'MARHTA', 0.9444, 0.9611],
    ['DWAYNE', 'DUANE', 0.8222, 0.84],
    ['DIXON', 'DICKSONX', 0.7667, 0.8133],
    ['JELLYFISH', 'SMELLYFISH', 0.8963, 0.8963],
  ];
  for (const [a, b, j, jw] of table) {
    test(`${a} / ${b}`, () => {
      close(jaro(a, b), j);
      close(jaroWinkler(a, b), jw);
      close(jaroWinkler(b, a), jw);
    });
  }
  test('edge cases', () => {
    assert.equal(jaro('', ''), 1);
    assert.equal(jaro('abc', ''), 0);
    assert.equal(jaro('abc', 'xyz'), 0);
    assert.equal(jaroWinkler('same', 'same'), 1);
  });
  test('the prefix boost is bounded and only lifts similar strings', () => {
    assert.ok(jaroWinkler('MARTHA', 'MARHTA', 0.25) <= 1);
    close(jaroWinkler('ab', 'ac'), jaro('ab', 'ac'));
  });
  test('longer strings after shorter ones are scored correctly (scratch buffers grow)', () => {
    const long = 'x'.repeat(300) + 'abc';
    assert.equal(jaro(long, long + ''), 1);
    assert.ok(jaro(long, 'y'.repeat(300)) === 0);
    close(jaro('MARTHA', 'MARHTA'), 0.9444);
  });
});

describe('damerauLevenshtein (optimal string alignment)', () => {
  const table: [string, string, number][] = [
    ['kitten', 'sitting', 3],
    ['CA', 'AC', 1],
    ['ca', 'abc', 3],
    ['', 'abc', 3],
    ['abc', 'abc', 0],
    ['Kovalchuk', 'Kovalcuhk', 1],
    ['Ivanenko', 'Ivanov', 4],
  ];
  for (const [a, b, d] of table) {
    test(`${a} / ${b} = ${d}`, () => {
      assert.equal(damerauLevenshtein(a, b), d);
      assert.equal(damerauLevenshtein(b, a), d);
    });
  }
  test('early exit returns max + 1', () => {
    assert.equal(damerauLevenshtein('kitten', 'sitting', 1), 2);
    assert.equal(damerauLevenshtein('abcdefgh', 'z', 2), 3);
    assert.equal(damerauLevenshtein('kitten', 'sitting', 3), 3);
  });
  test('levenshtein counts a transposition as two edits', () => {
    assert.equal(levenshtein('CA', 'AC'), 2);
    assert.equal(levenshtein('kitten', 'sitting'), 3);
  });
});

describe('levenshteinRatio', () => {
  test('is 1 − distance / longer length', () => {
    close(levenshteinRatio('kitten', 'sitting'), 1 - 3 / 7);
    assert.equal(levenshteinRatio('', ''), 1);
    assert.equal(levenshteinRatio('abc', ''), 0);
  });
});

describe('tokenSetSimilarity', () => {
  const eq = (x: string, y: string): number => (x === y ? 1 : 0);
  test('is order-insensitive', () => {
    assert.equal(tokenSetSimilarity(['ivan', 'petrenko'], ['petrenko', 'ivan'], eq), 1);
  });
  test('unpaired tokens lower the score (Dice mean)', () => {
    close(tokenSetSimilarity(['ivan', 'petrenko'], ['petrenko'], eq), 2 / 3);
  });
  test('finds the best one-to-one pairing, not a greedy one', () => {
    // Greedy on `a[0]` would take y (0.9) and leave a[1] with 0; best is x+y = 0.8 + 1.
    const table: Record<string, number> = { 'a0|x': 0.8, 'a0|y': 0.9, 'a1|x': 0, 'a1|y': 1 };
    const sim = (p: string, q: string): number => table[`${p}|${q}`] ?? 0;
    close(tokenSetSimilarity(['a0', 'a1'], ['x', 'y'], sim), (2 * 1.8) / 4);
  });
  test('empty lists', () => {
    assert.equal(tokenSetSimilarity([], [], eq), 1);
    assert.equal(tokenSetSimilarity(['a'], [], eq), 0);
  });
  test('long lists fall back to a pairing that still finds equal tokens', () => {
    const many = Array.from({ length: 12 }, (_, i) => `t${i}`);
    assert.equal(tokenSetSimilarity(many, [...many].reverse(), eq), 1);
  });
});
