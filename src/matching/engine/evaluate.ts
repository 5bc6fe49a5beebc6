/** Quality measures against known truth: pairwise and B-cubed scores, blocking recall. */

/** Precision, recall and F1. */
export interface Scores {
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
}

function scores(tp: number, predicted: number, actual: number): Scores {
  const precision = predicted === 0 ? 1 : tp / predicted;
  const recall = actual === 0 ? 1 : tp / actual;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

const pairsIn = (n: number): number => (n * (n - 1)) / 2;

function countBy<T>(items: Iterable<T>): Map<T, number> {
  const m = new Map<T, number>();
  for (const x of items) m.set(x, (m.get(x) ?? 0) + 1);
  return m;
}

/** Pairwise scores of a clustering: pairs of records put together, against pairs truly together. */
export function pairwiseScores(
  predicted: ArrayLike<number | string>,
  truth: ArrayLike<number | string>,
): Scores {
  const n = truth.length;
  const joint = countBy(Array.from({ length: n }, (_, i) => `${predicted[i]}\u0000${truth[i]}`));
  let tp = 0;
  for (const c of joint.values()) tp += pairsIn(c);
  let pp = 0;
  for (const c of countBy(Array.from(predicted)).values()) pp += pairsIn(c);
  let ap = 0;
  for (const c of countBy(Array.from(truth)).values()) ap += pairsIn(c);
  return scores(tp, pp, ap);
}

/** B-cubed scores: per-record precision and recall of its cluster, averaged over records. */
export function bcubedScores(
  predicted: ArrayLike<number | string>,
  truth: ArrayLike<number | string>,
): Scores {
  const n = truth.length;
  const joint = countBy(Array.from({ length: n }, (_, i) => `${predicted[i]}\u0000${truth[i]}`));
  const pSize = countBy(Array.from(predicted));
  const tSize = countBy(Array.from(truth));
  let p = 0;
  let r = 0;
  for (let i = 0; i < n; i++) {
    const both = joint.get(`${predicted[i]}\u0000${truth[i]}`)!;
    p += both / pSize.get(predicted[i]!)!;
    r += both / tSize.get(truth[i]!)!;
  }
  const precision = n === 0 ? 1 : p / n;
  const recall = n === 0 ? 1 : r / n;
  return {
    precision,
    recall,
    f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall),
  };
}

/** Share of true pairs (same truth label; across files when `origin` is given) among the candidates. */
export function blockingRecall(
  left: Int32Array,
  right: Int32Array,
  count: number,
  truth: ArrayLike<number | string>,
  origin?: Uint8Array,
): number {
  let found = 0;
  for (let k = 0; k < count; k++) if (truth[left[k]!] === truth[right[k]!]) found++;
  let total = 0;
  if (origin) {
    const l = countBy(
      Array.from({ length: truth.length }, (_, i) => i)
        .filter((i) => origin[i] === 0)
        .map((i) => truth[i]!),
    );
    for (let i = 0; i < truth.length; i++) if (origin[i] === 1) total += l.get(truth[i]!) ?? 0;
  } else for (const c of countBy(Array.from(truth)).values()) total += pairsIn(c);
  return total === 0 ? 1 : found / total;
}

/** Scores of links between two files against the truth labels of both. */
export function linkScores(
  links: readonly { left: number; right: number }[],
  leftTruth: ArrayLike<number | string>,
  rightTruth: ArrayLike<number | string>,
): Scores {
  const tp = links.filter((l) => leftTruth[l.left] === rightTruth[l.right]).length;
  const right = countBy(Array.from(rightTruth));
  let actual = 0;
  for (let i = 0; i < leftTruth.length; i++) actual += right.get(leftTruth[i]!) ?? 0;
  return scores(tp, links.length, actual);
}
