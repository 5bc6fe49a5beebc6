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
  const windowedKeys: (Uint8Array | null)[] = [];
  // What earlier rules did, record by record (row i: per rule, i's key id and its position in its
  // sorted block when the block was windowed, else -1): a pair's check reads two rows, not two
  // places in every rule's column.
  const R = model.blocking.rules.length;
  const seen = new Int32Array(S.n * R * 2);
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
          if (seenBefore(seen, R, earlier.length, window, dated, a, b)) continue;
          if (origin) {
            if (origin[a] === 1) out.push(b, a);
            else out.push(a, b);
          } else if (a < b) out.push(a, b);
          else out.push(b, a);
        }
      }
      if (opts.onProgress && (k & 0xffff) === 0) opts.onProgress(rule.name, k, count);
    }
    const r = earlier.length;
    for (let i = 0; i < S.n; i++) {
      seen[(i * R + r) * 2] = ids[i]!;
      seen[(i * R + r) * 2 + 1] = pos ? pos[i]! : -1;
    }
    earlier.push(ids);
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
  seen: Int32Array,
  R: number,
  rules: number,
  window: number,
  dated: Uint8Array,
  a: number,
  b: number,
): boolean {
  const ra = a * R * 2;
  const rb = b * R * 2;
  for (let r = 0; r < rules; r++) {
    const ka = seen[ra + 2 * r]!;
    if (ka < 0 || ka !== seen[rb + 2 * r]) continue;
    const pa = seen[ra + 2 * r + 1]!;
    if (pa < 0 || !dated[a] || !dated[b]) return true;
    const d = pa - seen[rb + 2 * r + 1]!;
    if (d <= window && d >= -window) return true;
  }
  return false;
}

/**
 * Each record's value of a text feature as its place among the set's values in string order
 * ('\uffff' standing for a missing value), so that records compare by integers.
 */
function textOrder(S: PreparedSet, f: 'family' | 'givenClass'): Int32Array {
  const col = S.str[f];
  const MISSING = '\uffff';
  const used = new Uint8Array(S.strings.length);
  for (let i = 0; i < S.n; i++) if (col[i]! >= 0) used[col[i]!] = 1;
  const values: string[] = [MISSING];
  const idsOf: number[] = [-1];
  for (let id = 0; id < used.length; id++)
    if (used[id]) {
      values.push(S.strings[id]!);
      idsOf.push(id);
    }
  const order = Array.from(values.keys()).sort((a, b) =>
    values[a]! < values[b]! ? -1 : values[a]! > values[b]! ? 1 : 0,
  );
  const place = new Int32Array(S.strings.length);
  let missing = 0;
  for (let k = 0, p = 0; k < order.length; k++) {
    // Equal strings share a place (only '\uffff' itself could equal the missing value).
    if (k > 0 && values[order[k]!] !== values[order[k - 1]!]) p++;
    const id = idsOf[order[k]!]!;
    if (id < 0) missing = p;
    else place[id] = p;
  }
  const out = new Int32Array(S.n);
  for (let i = 0; i < S.n; i++) out[i] = col[i]! < 0 ? missing : place[col[i]!]!;
  return out;
}

/** Each record's rank in the order of family name, given-name class and birth date (missing last). */
function sortRank(S: PreparedSet): Int32Array {
  const order = Array.from({ length: S.n }, (_, i) => i);
  const family = textOrder(S, 'family');
  const given = textOrder(S, 'givenClass');
  const { dobY, dobM, dobD } = S.num;
  order.sort(
    (a, b) =>
      family[a]! - family[b]! ||
      given[a]! - given[b]! ||
      dobY[a]! - dobY[b]! ||
      dobM[a]! - dobM[b]! ||
      dobD[a]! - dobD[b]!,
  );
  const rank = new Int32Array(S.n);
  order.forEach((i, r) => (rank[i] = r));
  return rank;
}
