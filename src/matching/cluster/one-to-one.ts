/** One-to-one assignment of links between two files: best pairs first, each record used once. */

/** Indexes (into the pair arrays) of the pairs kept, best weight first. */
export function oneToOne(
  left: Int32Array,
  right: Int32Array,
  weights: Float32Array,
  candidates: readonly number[],
): number[] {
  const order = [...candidates].sort((a, b) => weights[b]! - weights[a]! || a - b);
  const usedL = new Set<number>();
  const usedR = new Set<number>();
  const kept: number[] = [];
  for (const k of order) {
    const l = left[k]!;
    const r = right[k]!;
    if (usedL.has(l) || usedR.has(r)) continue;
    usedL.add(l);
    usedR.add(r);
    kept.push(k);
  }
  return kept;
}
