import { test } from 'node:test';
import assert from 'node:assert/strict';
import { clusterRecords, exactPairs } from './index.js';

/** Builds clustering input from a full table of pair weights; links are the pairs listed. */
function input(weights: number[][], links: [number, number][], threshold = 3) {
  return {
    n: weights.length,
    left: Int32Array.from(links.map((l) => l[0])),
    right: Int32Array.from(links.map((l) => l[1])),
    weights: Float32Array.from(links.map(([a, b]) => weights[a]![b]!)),
    count: links.length,
    threshold,
    score: (i: number, j: number) => weights[i]![j]!,
  };
}

test('one bad link does not chain two different people together', () => {
  // A1, A2 are one person; B1, B2 another; A2–B1 is a wrong but strong link; A and B clearly differ.
  const w = [
    [0, 15, -25, -25],
    [15, 0, 8, -25],
    [-25, 8, 0, 15],
    [-25, -25, 15, 0],
  ];
  const labels = clusterRecords(
    input(w, [
      [0, 1],
      [1, 2],
      [2, 3],
    ]),
  );
  assert.equal(labels[0], labels[1]);
  assert.equal(labels[2], labels[3]);
  assert.notEqual(labels[1], labels[2]);
});

test('a three-record chain whose ends clearly differ is split', () => {
  const w = [
    [0, 12, -30],
    [12, 0, 9],
    [-30, 9, 0],
  ];
  const labels = clusterRecords(
    input(w, [
      [0, 1],
      [1, 2],
    ]),
  );
  assert.equal(labels[0], labels[1]);
  assert.notEqual(labels[1], labels[2]);
});

test('a noisy but consistent group stays together', () => {
  // Every pair agrees somewhat; one pair is weakly negative (a typo-ridden record).
  const w = [
    [0, 14, 6, 9],
    [14, 0, 5, -2],
    [6, 5, 0, 7],
    [9, -2, 7, 0],
  ];
  const labels = clusterRecords(
    input(w, [
      [0, 1],
      [0, 2],
      [2, 3],
    ]),
  );
  assert.equal(new Set(labels).size, 1);
});

test('links below the threshold join nothing, and labels are dense in order of first record', () => {
  const w = [
    [0, 1, 20],
    [1, 0, -5],
    [20, -5, 0],
  ];
  assert.deepEqual(
    [
      ...clusterRecords(
        input(w, [
          [0, 1],
          [0, 2],
        ]),
      ),
    ],
    [0, 1, 0],
  );
});

test('a sparse record that links well to two namesakes does not join them when they clearly differ', () => {
  // A1, A2: one person; B1, B2: his namesake born years apart; S: a name alone, linking to all four.
  // The average across the groups is high (S and the names agree), but A1 and B1 clearly differ.
  const w = [
    [0, 20, -14, 2, 9],
    [20, 0, 2, 2, 9],
    [-14, 2, 0, 20, 8],
    [2, 2, 20, 0, 8],
    [9, 9, 8, 8, 0],
  ];
  const links: [number, number][] = [
    [0, 1],
    [2, 3],
    [0, 4],
    [1, 4],
    [2, 4],
    [3, 4],
  ];
  const labels = clusterRecords(input(w, links));
  assert.equal(labels[0], labels[1]);
  assert.equal(labels[2], labels[3]);
  assert.notEqual(labels[0], labels[2], 'the namesakes stay apart');
  assert.equal(labels[4], labels[0], 'the sparse record joins the group it links to best');
  const lenient = clusterRecords({ ...input(w, links), conflict: -100 });
  assert.equal(lenient[0], lenient[2], 'without the conflict rule the average alone would join them');
});

test('a component too large to score in full is clustered over its links under the same conditions', () => {
  const w = [
    [0, 20, -14, 2, 9],
    [20, 0, 2, 2, 9],
    [-14, 2, 0, 20, 8],
    [2, 2, 20, 0, 8],
    [9, 9, 8, 8, 0],
  ];
  const links: [number, number][] = [
    [0, 1],
    [2, 3],
    [0, 4],
    [1, 4],
    [2, 4],
    [3, 4],
  ];
  // maxExact 3: the five records form one component too large for the pair-by-pair method.
  const labels = clusterRecords({ ...input(w, links), maxExact: 3 });
  assert.equal(labels[0], labels[1]);
  assert.equal(labels[2], labels[3]);
  assert.notEqual(labels[0], labels[2], 'the namesakes stay apart');
  assert.equal(labels[4], labels[0], 'the sparse record joins the group it links to most strongly');
  const all = clusterRecords({ ...input(w, links), maxExact: 3, conflict: -100, support: -100 });
  assert.equal(all[0], all[2], 'without the conditions every link would join');
});

test('two namesakes joined by one moderate link stay apart; a noisy pair of groups joins', () => {
  // 0, 1: one man (full record and its romanised copy); 2, 3: his namesake born years later. One
  // link across them (1–2, names alike, the rest missing) passes the threshold; the other cross pairs
  // disagree on birth date and unit (−6 bits each), never −12, so only the average keeps them apart.
  const apart = [
    [0, 20, -6, -6],
    [20, 0, 5, -6],
    [-6, 5, 0, 20],
    [-6, -6, 20, 0],
  ];
  const links: [number, number][] = [
    [0, 1],
    [1, 2],
    [2, 3],
  ];
  const a = clusterRecords(input(apart, links));
  assert.equal(a[0], a[1]);
  assert.equal(a[2], a[3]);
  assert.notEqual(a[1], a[2]);
  // The same shape where the other cross pairs only lean against (typos, a missing town): one person.
  const noisy = [
    [0, 20, -2, -3],
    [20, 0, 5, -4],
    [-2, 5, 0, 20],
    [-3, -4, 20, 0],
  ];
  const b = clusterRecords(input(noisy, links));
  assert.equal(new Set(b).size, 1);
});

test('weights of the pairs scored in full, given beforehand, give the same clusters', () => {
  // Two components of three and four records (one of them with a conflicting pair) and a lone pair.
  const n = 9;
  const w = Array.from({ length: n }, (_, a) =>
    Array.from({ length: n }, (_, b) => (a === b ? 0 : ((a * 7 + b * 11) % 19) - 9)),
  );
  const links: [number, number][] = [
    [0, 1],
    [1, 2],
    [3, 4],
    [4, 5],
    [5, 6],
    [7, 8],
  ];
  for (const [a, b] of links) w[a]![b] = w[b]![a] = 12;
  w[3]![6] = w[6]![3] = -20;
  const plain = input(w, links);
  const pairs = exactPairs(plain);
  assert.equal(pairs.count, 3 + 6);
  const given = Float64Array.from({ length: pairs.count }, (_, k) => w[pairs.left[k]!]![pairs.right[k]!]!);
  const notCalled = { ...plain, score: (): number => assert.fail('a pair scored in full was scored again') };
  assert.deepEqual(clusterRecords(notCalled, given), clusterRecords(plain));
  assert.notEqual(clusterRecords(plain)[3], clusterRecords(plain)[6], 'the conflicting pair stays apart');
});
