/**
 * Clustering for deduplication that does not chain. Connected components over links above the
 * threshold are only a first cut: one wrong link would join two people and everyone linked to them.
 * Each component with more than two records is therefore re-clustered over all its pairs (scored
 * afresh, including pairs blocking never produced): groups join through their strongest link only
 * when their records also agree on average and no two of them clearly differ, so A–B and B–C cannot
 * pull A and C together when A and C clearly differ (a sparse record, a name without a birth date,
 * links well to two namesakes born years apart: it joins one of them, never both). Components too
 * large to score in full (more than `maxExact` records) are clustered over their own links, strongest
 * first, under the same conditions, scoring only the pairs across the two groups a link would join.
 */
import { UnionFind } from './union-find.js';

/** Inputs to clustering: n records, scored links, and a way to score any pair. */
export interface ClusterInput {
  readonly n: number;
  readonly left: Int32Array;
  readonly right: Int32Array;
  readonly weights: Float32Array;
  readonly count: number;
  /** Match weight threshold (bits) for a link and for joining groups. */
  readonly threshold: number;
  /** Scores any pair of records (used inside components). */
  readonly score: (i: number, j: number) => number;
  /** Least average clipped weight (bits) over all cross pairs for two groups to join (default −3). */
  readonly support?: number;
  /** Largest component re-clustered pair by pair (default 300). */
  readonly maxExact?: number;
  /**
   * Weight (bits) below which two records clearly differ: groups holding such a pair never join,
   * however well a third record links to both (default −12).
   */
  readonly conflict?: number;
}

/**
 * Weights are clipped before averaging. A strong link counts as "sure" (+10) but no more, so that it
 * cannot outvote a pair of records that clearly differ (down to −30).
 */
const CLIP_HIGH = 10;
/**
 * Least average cross-pair weight for two groups to join. At −6 two namesakes born a few years
 * apart (about −6 bits: names agree, birth dates and units do not) joined through a sparse record
 * that names neither date; −3 keeps them apart and still joins groups whose records are merely
 * sparse or noisy (a missing field weighs 0; a typo weighs a few bits).
 */
const DEFAULT_SUPPORT = -3;
const CLIP_LOW = 30;

/** Links above the threshold, and their connected components. */
interface FirstCut {
  readonly edges: readonly number[];
  readonly components: readonly number[][];
}

function firstCut(input: ClusterInput): FirstCut {
  const edges: number[] = [];
  for (let k = 0; k < input.count; k++) if (input.weights[k]! >= input.threshold) edges.push(k);
  return { edges, components: components(input.n, edges, input, input.threshold) };
}

/** Whether a component is re-clustered over all its pairs. */
function exact(comp: readonly number[], input: ClusterInput): boolean {
  return comp.length > 2 && comp.length <= (input.maxExact ?? 300);
}

/**
 * Every pair that clustering scores in full, in the order it scores them: for each component of
 * three to `maxExact` records, its members' pairs (comp[a], comp[b]), a < b. Scoring them elsewhere
 * (worker threads) and passing the weights to `clusterRecords` gives the same clusters.
 */
export function exactPairs(input: ClusterInput): { left: Int32Array; right: Int32Array; count: number } {
  let count = 0;
  const cut = firstCut(input);
  for (const comp of cut.components) if (exact(comp, input)) count += (comp.length * (comp.length - 1)) / 2;
  const left = new Int32Array(new SharedArrayBuffer(Math.max(1, count) * 4));
  const right = new Int32Array(new SharedArrayBuffer(Math.max(1, count) * 4));
  let k = 0;
  for (const comp of cut.components) {
    if (!exact(comp, input)) continue;
    for (let a = 0; a < comp.length; a++)
      for (let b = a + 1; b < comp.length; b++) {
        left[k] = comp[a]!;
        right[k] = comp[b]!;
        k++;
      }
  }
  return { left, right, count };
}

/**
 * Cluster label (0-based, dense, in order of first record) for every record. `exactWeights`, when
 * given, holds the weights of `exactPairs(input)` in its order, so those pairs are not scored here.
 */
export function clusterRecords(input: ClusterInput, exactWeights?: Float64Array): Int32Array {
  const labels = new Int32Array(input.n).fill(-1);
  let next = 0;
  const assign = (members: readonly number[]): void => {
    for (const m of members) labels[m] = next;
    next++;
  };
  const { edges, components: comps } = firstCut(input);
  let cursor = 0;
  const scored = exactWeights && ((): number => exactWeights[cursor++]!);
  // Components too large to score in full are clustered over their own links only.
  const large: number[][] = [];
  const largeOf = new Int32Array(input.n).fill(-1);
  for (const comp of comps) {
    if (comp.length <= 2) assign(comp);
    else if (exact(comp, input)) supportedLinkage(comp, input, scored).forEach(assign);
    else {
      for (const m of comp) largeOf[m] = large.length;
      large.push(comp);
    }
  }
  if (large.length > 0) {
    const local: number[][] = large.map(() => []);
    for (const k of edges) {
      const c = largeOf[input.left[k]!]!;
      if (c >= 0) local[c]!.push(k);
    }
    large.forEach((comp, c) => sparseLinkage(comp, local[c]!, input).forEach(assign));
  }
  return relabelInOrder(labels);
}

/** Connected components over the edges, in order of their first record, members in order. */
function components(n: number, edges: readonly number[], input: ClusterInput, threshold: number): number[][] {
  const uf = new UnionFind(n);
  for (const k of edges) if (input.weights[k]! >= threshold) uf.union(input.left[k]!, input.right[k]!);
  const groupOf = new Int32Array(n).fill(-1);
  const groups: number[][] = [];
  for (let i = 0; i < n; i++) {
    const r = uf.find(i);
    const g = groupOf[r]!;
    if (g < 0) {
      groupOf[r] = groups.length;
      groups.push([i]);
    } else groups[g]!.push(i);
  }
  return groups;
}

/** Largest product of two groups' sizes whose cross pairs are scored before joining them. */
const MAX_CROSS = 10_000;

/**
 * Clustering of a component too large to score every pair: its links in order of weight, strongest
 * first, each joining its two groups under the same conditions as supportedLinkage (no pair of
 * records that clearly differ, enough agreement on average), scoring only the pairs across the two
 * groups. Groups of one person stay small, so this is cheap; groups too large to check never join.
 */
function sparseLinkage(comp: readonly number[], links: readonly number[], input: ClusterInput): number[][] {
  const support = input.support ?? DEFAULT_SUPPORT;
  const conflict = input.conflict ?? -12;
  const order = [...links].sort((a, b) => input.weights[b]! - input.weights[a]!);
  const uf = new UnionFind(input.n);
  const members = new Map<number, number[]>(comp.map((m) => [m, [m]]));
  for (const k of order) {
    const ra = uf.find(input.left[k]!);
    const rb = uf.find(input.right[k]!);
    if (ra === rb) continue;
    const A = members.get(ra)!;
    const B = members.get(rb)!;
    if (A.length * B.length > MAX_CROSS) continue;
    let sum = 0;
    let ok = true;
    for (let x = 0; x < A.length && ok; x++)
      for (let y = 0; y < B.length; y++) {
        const w = Math.max(-CLIP_LOW, Math.min(CLIP_HIGH, input.score(A[x]!, B[y]!)));
        if (w < conflict) {
          ok = false;
          break;
        }
        sum += w;
      }
    if (!ok || sum / (A.length * B.length) < support) continue;
    uf.union(ra, rb);
    const root = uf.find(ra);
    const joined = A.length >= B.length ? A : B;
    for (const m of A.length >= B.length ? B : A) joined.push(m);
    members.delete(ra);
    members.delete(rb);
    members.set(root, joined);
  }
  return [...members.values()];
}

/**
 * Agglomeration inside one component: groups join through their strongest link (as connected
 * components would), but only while the average weight over all their cross pairs stays at or
 * above `support`: a single strong link cannot join two groups whose records otherwise disagree.
 */
function supportedLinkage(comp: readonly number[], input: ClusterInput, scored?: () => number): number[][] {
  const n = comp.length;
  const support = input.support ?? DEFAULT_SUPPORT;
  const conflict = input.conflict ?? -12;
  const sum = new Float64Array(n * n);
  const max = new Float64Array(n * n);
  const min = new Float64Array(n * n);
  for (let a = 0; a < n; a++)
    for (let b = a + 1; b < n; b++) {
      const w = Math.max(-CLIP_LOW, Math.min(CLIP_HIGH, scored ? scored() : input.score(comp[a]!, comp[b]!)));
      sum[a * n + b] = sum[b * n + a] = w;
      max[a * n + b] = max[b * n + a] = w;
      min[a * n + b] = min[b * n + a] = w;
    }
  const size = new Int32Array(n).fill(1);
  const alive = new Uint8Array(n).fill(1);
  const members: number[][] = comp.map((c) => [c]);
  for (;;) {
    let best = -Infinity;
    let ba = -1;
    let bb = -1;
    for (let a = 0; a < n; a++) {
      if (!alive[a]) continue;
      for (let b = a + 1; b < n; b++) {
        const link = max[a * n + b]!;
        if (!alive[b] || link < input.threshold || link <= best) continue;
        if (min[a * n + b]! < conflict) continue;
        if (sum[a * n + b]! / (size[a]! * size[b]!) < support) continue;
        [best, ba, bb] = [link, a, b];
      }
    }
    if (ba < 0) break;
    for (let c = 0; c < n; c++) {
      sum[ba * n + c]! += sum[bb * n + c]!;
      sum[c * n + ba] = sum[ba * n + c]!;
      max[ba * n + c] = max[c * n + ba] = Math.max(max[ba * n + c]!, max[bb * n + c]!);
      min[ba * n + c] = min[c * n + ba] = Math.min(min[ba * n + c]!, min[bb * n + c]!);
    }
    size[ba]! += size[bb]!;
    alive[bb] = 0;
    members[ba]!.push(...members[bb]!);
  }
  return members.filter((_, a) => alive[a]);
}

function relabelInOrder(labels: Int32Array): Int32Array {
  const map = new Map<number, number>();
  const out = new Int32Array(labels.length);
  for (let i = 0; i < labels.length; i++) {
    let l = map.get(labels[i]!);
    if (l === undefined) {
      l = map.size;
      map.set(labels[i]!, l);
    }
    out[i] = l;
  }
  return out;
}
