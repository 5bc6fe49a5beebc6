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

/** Pairs as two growing arrays on shared memory (so that a worker's pairs reach the caller uncopied). */
export class PairBuffer {
  left: Int32Array = new Int32Array(new SharedArrayBuffer(1 << 18));
  right: Int32Array = new Int32Array(new SharedArrayBuffer(1 << 18));
  count = 0;
  push(a: number, b: number): void {
    if (this.count === this.left.length) this.reserve(this.count + 1);
    this.left[this.count] = a;
    this.right[this.count] = b;
    this.count++;
  }
  /** Appends `count` pairs of two arrays. */
  append(left: Int32Array, right: Int32Array, count: number): void {
    this.reserve(this.count + count);
    this.left.set(left.subarray(0, count), this.count);
    this.right.set(right.subarray(0, count), this.count);
    this.count += count;
  }
  private reserve(size: number): void {
    if (size <= this.left.length) return;
    let length = this.left.length;
    while (length < size) length *= 2;
    const grow = (x: Int32Array): Int32Array => {
      const y = new Int32Array(new SharedArrayBuffer(length * 4));
      y.set(x.subarray(0, this.count));
      return y;
    };
    this.left = grow(this.left);
    this.right = grow(this.right);
  }
}

/** Members of each block, grouped by a counting sort over key ids. */
function groupByKey(ids: Int32Array, count: number): { starts: Int32Array; members: Int32Array } {
  const starts = shared(Int32Array, count + 1);
  for (let i = 0; i < ids.length; i++) if (ids[i]! >= 0) starts[ids[i]! + 1]!++;
  for (let k = 0; k < count; k++) starts[k + 1]! += starts[k]!;
  const fill = starts.slice(0, count);
  const members = shared(Int32Array, starts[count]!);
  for (let i = 0; i < ids.length; i++) if (ids[i]! >= 0) members[fill[ids[i]!]!++] = i;
  return { starts, members };
}

function shared<T extends Int32Array | Uint8Array>(
  Kind: { new (b: SharedArrayBuffer): T; BYTES_PER_ELEMENT: number },
  length: number,
): T {
  return new Kind(new SharedArrayBuffer(Math.max(1, length) * Kind.BYTES_PER_ELEMENT));
}

/**
 * The blocks [from, to) of one rule, as plain arrays on shared memory: what `blockPairs` needs, on
 * whichever thread runs it. `ids`, `pos` and `windowedKey` are written (for the blocks' own
 * members only), the rest is read.
 */
export interface BlockJob {
  /** Each record's key id under this rule; set to -1 here for the members of skipped blocks. */
  readonly ids: Int32Array;
  readonly starts: Int32Array;
  /** Record indexes grouped by block; a windowed block's members are sorted here by `rank`. */
  readonly members: Int32Array;
  /** Per record and earlier rule: key id and window position (see candidatePairs). */
  readonly seen: Int32Array;
  readonly rules: number;
  readonly rulesBefore: number;
  readonly dated: Uint8Array;
  readonly origin: Uint8Array | null;
  readonly window: number;
  readonly maxBlock: number;
  /** Each record's rank in sorted-neighbourhood order, when some block of the rule is windowed. */
  readonly rank: Int32Array | null;
  /** Each record's position in its windowed block (written). */
  readonly pos: Int32Array | null;
  /** Per key id, 1 when its block was windowed (written). */
  readonly windowedKey: Uint8Array | null;
  readonly from: number;
  readonly to: number;
}

/** What a run of blocks did besides its pairs. */
export interface BlockCounts {
  skippedBlocks: number;
  skippedRecords: number;
  windowedBlocks: number;
}

/**
 * The candidate pairs of blocks [from, to) of one rule, in block order, into `out`: blocks over
 * `maxBlock` are skipped, blocks over the window compared by sorted neighbourhood, and pairs an
 * earlier rule found left out.
 */
export function blockPairs(job: BlockJob, out: PairBuffer, onProgress?: (k: number) => void): BlockCounts {
  const { ids, starts, members, seen, rules: R, rulesBefore, dated, origin, window, maxBlock } = job;
  const counts: BlockCounts = { skippedBlocks: 0, skippedRecords: 0, windowedBlocks: 0 };
  for (let k = job.from; k < job.to; k++) {
    const s = starts[k]!;
    const e = starts[k + 1]!;
    if (e - s > maxBlock) {
      counts.skippedBlocks++;
      counts.skippedRecords += e - s;
      for (let x = s; x < e; x++) ids[members[x]!] = -1;
      continue;
    }
    const windowed = window > 0 && e - s > window + 1;
    if (windowed) {
      const r = job.rank!;
      const pos = job.pos!;
      const block = members.subarray(s, e).sort((a, b) => r[a]! - r[b]!);
      for (let x = 0; x < block.length; x++) pos[block[x]!] = x;
      job.windowedKey![k] = 1;
      counts.windowedBlocks++;
    }
    for (let x = s; x < e; x++) {
      const a = members[x]!;
      for (let y = x + 1; y < e; y++) {
        const b = members[y]!;
        // Beyond the window only members without a birth date meet: they have no place in the order.
        if (windowed && y > x + window && dated[a] && dated[b]) continue;
        if (origin && origin[a] === origin[b]) continue;
        if (seenBefore(seen, R, rulesBefore, window, dated, a, b)) continue;
        if (origin) {
          if (origin[a] === 1) out.push(b, a);
          else out.push(a, b);
        } else if (a < b) out.push(a, b);
        else out.push(b, a);
      }
    }
    if (onProgress && (k & 0xffff) === 0) onProgress(k);
  }
  return counts;
}

/**
 * Runs blocks elsewhere (a worker thread): resolves with their pairs and counts. The job's arrays
 * are shared, so what it writes is seen by the caller.
 */
export type BlockRunner = (job: BlockJob) => Promise<BlockPart>;

/** The pairs (the first `count` of `left` and `right`) and counts of a run of blocks. */
export interface BlockPart {
  readonly left: Int32Array;
  readonly right: Int32Array;
  readonly count: number;
  readonly counts: BlockCounts;
}

/** Pairs a block of `size` members yields at most: what splitting a rule's blocks balances. */
function blockCost(size: number, window: number, maxBlock: number): number {
  if (size > maxBlock) return size;
  return window > 0 && size > window + 1 ? size * window : (size * (size - 1)) / 2;
}

/** Generates the candidate pairs of a prepared set under a model's blocking rules. */
export function candidatePairs(
  S: PreparedSet,
  model: MatchModel,
  opts: BlockingOptions = {},
): CandidatePairs {
  const run = new RulePasses(S, model, opts, opts.origin ?? null);
  for (const rule of model.blocking.rules) {
    const job = run.job(rule);
    const before = run.out.count;
    run.finish(rule.name, job, before, blockPairs(job, run.out, run.progress(rule.name, job.to)));
  }
  return run.result();
}

/**
 * The same pairs, in the same order, with each rule's blocks split between the calling thread
 * and `runner` (the later blocks, about half the work, there).
 */
export async function candidatePairsWith(
  S: PreparedSet,
  model: MatchModel,
  opts: BlockingOptions,
  runner: BlockRunner,
): Promise<CandidatePairs> {
  // The runner's thread reads the origins too: they go on shared memory.
  const origin = opts.origin ? shared(Uint8Array, S.n) : null;
  if (origin) origin.set(opts.origin!);
  const run = new RulePasses(S, model, opts, origin);
  for (const rule of model.blocking.rules) {
    const job = run.job(rule);
    const before = run.out.count;
    // Split where the later blocks hold about half of the rule's work.
    const cost = (k: number) => blockCost(job.starts[k + 1]! - job.starts[k]!, run.window, job.maxBlock);
    let total = 0;
    for (let k = 0; k < job.to; k++) total += cost(k);
    let split = job.to;
    for (let k = job.to - 1, tail = 0; k >= 0 && tail < total / 2; k--) {
      tail += cost(k);
      split = k;
    }
    const there = split < job.to ? runner({ ...job, from: split }) : null;
    // Not left unhandled while this thread runs its own part.
    there?.catch(() => undefined);
    const counts = blockPairs({ ...job, to: split }, run.out, run.progress(rule.name, job.to));
    if (there) {
      const part = await there;
      run.out.append(part.left, part.right, part.count);
      counts.skippedBlocks += part.counts.skippedBlocks;
      counts.skippedRecords += part.counts.skippedRecords;
      counts.windowedBlocks += part.counts.windowedBlocks;
    }
    run.finish(rule.name, job, before, counts);
  }
  return run.result();
}

/** One candidate-pair run, rule after rule: what each rule's blocks need, and what they leave. */
class RulePasses {
  readonly out = new PairBuffer();
  readonly window: number;
  private readonly maxAll: number;
  private readonly R: number;
  /**
   * What earlier rules did, record by record (row i: per rule, i's key id and its position in its
   * sorted block when the block was windowed, else -1): a pair's check reads two rows, not two
   * places in every rule's column.
   */
  private readonly seen: Int32Array;
  private readonly dated: Uint8Array;
  private rank: Int32Array | null = null;
  private readonly earlier: Int32Array[] = [];
  private readonly windowedKeys: (Uint8Array | null)[] = [];
  private readonly rules: BlockingReport['rules'][number][] = [];

  constructor(
    private readonly S: PreparedSet,
    model: MatchModel,
    private readonly opts: BlockingOptions,
    private readonly origin: Uint8Array | null,
  ) {
    this.maxAll = opts.maxBlockSize ?? model.blocking.maxBlockSize;
    this.window = model.blocking.window ?? 0;
    this.R = model.blocking.rules.length;
    this.seen = shared(Int32Array, S.n * this.R * 2);
    this.dated = shared(Uint8Array, S.n);
    for (let i = 0; i < S.n; i++) this.dated[i] = S.num.dobY[i] !== 0 ? 1 : 0;
  }

  /** One rule's blocks, ready for `blockPairs`. */
  job(rule: MatchModel['blocking']['rules'][number]): BlockJob {
    const { S, window } = this;
    const keyed = ruleKeyIds(S, rule);
    const ids = shared(Int32Array, S.n);
    ids.set(keyed.ids);
    const count = keyed.count;
    const maxBlock = Math.min(rule.maxBlockSize ?? this.maxAll, this.maxAll);
    const { starts, members } = groupByKey(ids, count);
    let windowed = false;
    for (let k = 0; k < count && !windowed; k++) {
      const size = starts[k + 1]! - starts[k]!;
      windowed = window > 0 && size > window + 1 && size <= maxBlock;
    }
    if (windowed) this.rank ??= sortRank(S);
    return {
      ids,
      starts,
      members,
      seen: this.seen,
      rules: this.R,
      rulesBefore: this.earlier.length,
      dated: this.dated,
      origin: this.origin,
      window,
      maxBlock,
      rank: windowed ? this.rank : null,
      pos: windowed ? shared(Int32Array, S.n).fill(-1) : null,
      windowedKey: windowed ? shared(Uint8Array, count) : null,
      from: 0,
      to: count,
    };
  }

  /** Records what a rule did, for the later rules and the report. */
  finish(name: string, job: BlockJob, before: number, counts: BlockCounts): void {
    const { seen, R } = this;
    const r = this.earlier.length;
    for (let i = 0; i < this.S.n; i++) {
      seen[(i * R + r) * 2] = job.ids[i]!;
      seen[(i * R + r) * 2 + 1] = job.pos ? job.pos[i]! : -1;
    }
    this.earlier.push(job.ids);
    this.windowedKeys.push(job.windowedKey);
    this.rules.push({ name, pairs: this.out.count - before, blocks: job.to, ...counts });
  }

  progress(name: string, total: number): ((k: number) => void) | undefined {
    const report = this.opts.onProgress;
    return report ? (k) => report(name, k, total) : undefined;
  }

  result(): CandidatePairs {
    const { out } = this;
    return {
      left: out.left.subarray(0, out.count),
      right: out.right.subarray(0, out.count),
      count: out.count,
      report: { records: this.S.n, pairs: out.count, rules: this.rules },
      ruleIds: this.earlier,
      windowedKeys: this.windowedKeys,
    };
  }
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
