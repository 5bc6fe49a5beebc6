/**
 * Candidate pairs: the union of every rule's blocks, each pair produced once. A pair found by rule
 * k is skipped when an earlier rule already put both records in one (kept) block, so no global set
 * of pairs is needed. Blocks larger than `maxBlockSize` are skipped and reported: they come from
 * values too common to discriminate, and other rules still reach their records.
 */
import type { PreparedSet } from '../record/index.js';
import type { MatchModel } from '../model/match-model.js';
import { ruleKeyIds } from './rule-keys.js';

/** What blocking did, rule by rule. */
export interface BlockingReport {
  readonly records: number;
  readonly pairs: number;
  readonly rules: readonly {
    name: string;
    pairs: number;
    blocks: number;
    skippedBlocks: number;
    skippedRecords: number;
    /** Blocks compared by sorted neighbourhood (larger than the model's window). */
    windowedBlocks: number;
  }[];
}

/** Candidate pairs as two parallel arrays of record indexes (left[k] < right[k] in dedupe mode). */
export interface CandidatePairs {
  readonly left: Int32Array;
  readonly right: Int32Array;
  readonly count: number;
  readonly report: BlockingReport;
  /** Per rule, each record's key id (-1: no key, or its block was skipped); tells which rules found a pair. */
  readonly ruleIds: readonly Int32Array[];
  /**
   * Per rule, which key ids had their block compared by sorted neighbourhood (1), or null when none
   * did. Pairs of such a block are neighbours in birth date order, not a fair sample of the block.
   */
  readonly windowedKeys: readonly (Uint8Array | null)[];
}

/** Options: `origin` marks each record's file (0 or 1); pairs then join records of different files. */
export interface BlockingOptions {
  readonly origin?: Uint8Array;
  readonly maxBlockSize?: number;
  readonly onProgress?: (rule: string, done: number, total: number) => void;
}

class PairBuffer {
  left: Int32Array = new Int32Array(new SharedArrayBuffer(1 << 18));
  right: Int32Array = new Int32Array(new SharedArrayBuffer(1 << 18));
  count = 0;
  push(a: number, b: number): void {
    if (this.count === this.left.length) {
      const grow = (x: Int32Array): Int32Array => {
        const y = new Int32Array(new SharedArrayBuffer(x.length * 8));
        y.set(x);
        return y;
      };
      this.left = grow(this.left);
      this.right = grow(this.right);
    }
    this.left[this.count] = a;
    this.right[this.count] = b;
    this.count++;
  }
}

/** Members of each block, grouped by a counting sort over key ids. */
function groupByKey(ids: Int32Array, count: number): { starts: Int32Array; members: Int32Array } {
  const starts = new Int32Array(count + 1);
  for (let i = 0; i < ids.length; i++) if (ids[i]! >= 0) starts[ids[i]! + 1]!++;
  for (let k = 0; k < count; k++) starts[k + 1]! += starts[k]!;
  const fill = starts.slice(0, count);
  const members = new Int32Array(starts[count]!);
  for (let i = 0; i < ids.length; i++) if (ids[i]! >= 0) members[fill[ids[i]!]!++] = i;
  return { starts, members };
}

/** Generates the candidate pairs of a prepared set under a model's blocking rules. */
export function candidatePairs(
  S: PreparedSet,
  model: MatchModel,
  opts: BlockingOptions = {},
): CandidatePairs {
  const maxAll = opts.maxBlockSize ?? model.blocking.maxBlockSize;
  const window = model.blocking.window ?? 0;
  const origin = opts.origin;
  const earlier: Int32Array[] = [];
  // Per rule, each record's position in its sorted block when the block was windowed (else -1).
  const positions: (Int32Array | null)[] = [];
  const windowedKeys: (Uint8Array | null)[] = [];
  let rank: Int32Array | null = null;
  const dated = new Uint8Array(S.n);
  for (let i = 0; i < S.n; i++) dated[i] = S.num.dobY[i] !== 0 ? 1 : 0;
  const out = new PairBuffer();
  const rules: BlockingReport['rules'][number][] = [];
  for (const rule of model.blocking.rules) {
    const { ids, count } = ruleKeyIds(S, rule);
    const maxBlock = Math.min(rule.maxBlockSize ?? maxAll, maxAll);
    const { starts, members } = groupByKey(ids, count);
    const before = out.count;
    let skippedBlocks = 0;
    let skippedRecords = 0;
    let windowedBlocks = 0;
    let pos: Int32Array | null = null;
    let windowedKey: Uint8Array | null = null;
    for (let k = 0; k < count; k++) {
      const s = starts[k]!;
      const e = starts[k + 1]!;
      if (e - s > maxBlock) {
        skippedBlocks++;
        skippedRecords += e - s;
        for (let x = s; x < e; x++) ids[members[x]!] = -1;
        continue;
      }
      const windowed = window > 0 && e - s > window + 1;
      if (windowed) {
        rank ??= sortRank(S);
        pos ??= new Int32Array(S.n).fill(-1);
        const r = rank;
        const block = members.subarray(s, e).sort((a, b) => r[a]! - r[b]!);
        for (let x = 0; x < block.length; x++) pos[block[x]!] = x;
        (windowedKey ??= new Uint8Array(count))[k] = 1;
        windowedBlocks++;
      }
      for (let x = s; x < e; x++) {
        const a = members[x]!;
        for (let y = x + 1; y < e; y++) {
          const b = members[y]!;
          // Beyond the window only members without a birth date meet: they have no place in the order.
          if (windowed && y > x + window && dated[a] && dated[b]) continue;
          if (origin && origin[a] === origin[b]) continue;
          if (seenBefore(earlier, positions, window, dated, a, b)) continue;
          if (origin) {
            if (origin[a] === 1) out.push(b, a);
            else out.push(a, b);
          } else if (a < b) out.push(a, b);
          else out.push(b, a);
        }
      }
      if (opts.onProgress && (k & 0xffff) === 0) opts.onProgress(rule.name, k, count);
    }
    earlier.push(ids);
    positions.push(pos);
    windowedKeys.push(windowedKey);
    rules.push({
      name: rule.name,
      pairs: out.count - before,
      blocks: count,
      skippedBlocks,
      skippedRecords,
      windowedBlocks,
    });
  }
  return {
    left: out.left.subarray(0, out.count),
    right: out.right.subarray(0, out.count),
    count: out.count,
    report: { records: S.n, pairs: out.count, rules },
    ruleIds: earlier,
    windowedKeys,
  };
}

/**
 * Whether an earlier rule already paired a and b: same block, and, if the block was windowed,
 * within the window or one of them without a birth date.
 */
function seenBefore(
  earlier: readonly Int32Array[],
  positions: readonly (Int32Array | null)[],
  window: number,
  dated: Uint8Array,
  a: number,
  b: number,
): boolean {
  for (let r = 0; r < earlier.length; r++) {
    const ids = earlier[r]!;
    const ka = ids[a]!;
    if (ka < 0 || ka !== ids[b]) continue;
    const pos = positions[r];
    if (!pos || pos[a]! < 0 || !dated[a] || !dated[b]) return true;
    const d = pos[a]! - pos[b]!;
    if (d <= window && d >= -window) return true;
  }
  return false;
}

/** Each record's rank in the order of family name, given-name class and birth date (missing last). */
function sortRank(S: PreparedSet): Int32Array {
  const text = (f: 'family' | 'givenClass', i: number): string => {
    const id = S.str[f][i]!;
    return id < 0 ? '\uffff' : S.strings[id]!;
  };
  const order = Array.from({ length: S.n }, (_, i) => i);
  const family = order.map((i) => text('family', i));
  const given = order.map((i) => text('givenClass', i));
  const { dobY, dobM, dobD } = S.num;
  order.sort((a, b) =>
    family[a]! < family[b]!
      ? -1
      : family[a]! > family[b]!
        ? 1
        : given[a]! < given[b]!
          ? -1
          : given[a]! > given[b]!
            ? 1
            : dobY[a]! - dobY[b]! || dobM[a]! - dobM[b]! || dobD[a]! - dobD[b]!,
  );
  const rank = new Int32Array(S.n);
  order.forEach((i, r) => (rank[i] = r));
  return rank;
}
