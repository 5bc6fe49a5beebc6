/**
 * Which registry persons each row of an import may be: those sharing the most linkage keys with
 * it. The finder knows the persons of every key a row of the import has had: the key table's
 * (looked up once, `learn`) and those the import itself gave keys (`list`), in the order they came.
 * It lives where the chunks' candidates are counted: on the import's thread, or on the worker that
 * prepares the rows (row-preparer.ts), which then counts the next chunk's candidates while the
 * import's thread writes the chunk before.
 */
import { KeyPostings } from './key-postings.js';
import { grown } from './grown.js';
import { isLinkageKey } from '../indexing.js';
import type { FoundKeys } from './row-prep.js';

/** Persons scored per row at most (those sharing the most blocking keys with it). */
const MAX_CANDIDATES = 10;

/**
 * Keys naming more persons than this are too common to propose candidates: in a registry of a
 * million, a key such as "birth month and day with an initial" names hundreds, carries little
 * evidence, and would load more candidates than every other key together.
 */
export const MAX_BLOCK = 200;

/**
 * A row's keys by reference: row `row` of the chunk being applied, whose keys the side that counts
 * candidates holds already, with the keys as staged (`text`, a JSON array), so that the import's
 * thread neither takes them apart nor sends them back.
 */
export interface RowKeys {
  readonly row: number;
  readonly text: string;
}

/** A person's keys: given one by one, or a row's of the chunk being applied. */
export type PersonKeys = readonly string[] | RowKeys;

/**
 * Persons the import gave keys, in the order it gave them: person i has seq `seqs[i]`, and either
 * the keys of row `rows[i]` of the chunk being applied or, where that is -1, the keys
 * `keys[ends[i - 1] .. ends[i]]` (linkage keys only). Kept as flat arrays so that they cross to a
 * worker as they are.
 */
export interface ListedPersons {
  readonly seqs: number[];
  readonly rows: number[];
  readonly ends: number[];
  readonly keys: string[];
}

export function noneListed(): ListedPersons {
  return { seqs: [], rows: [], ends: [], keys: [] };
}

/** Adds a person to a list of persons (its linkage keys only). */
export function listPerson(into: ListedPersons, seq: number, keys: PersonKeys): void {
  into.seqs.push(seq);
  if ('row' in keys) into.rows.push(keys.row);
  else {
    into.rows.push(-1);
    for (const k of keys) if (isLinkageKey(k)) into.keys.push(k);
  }
  into.ends.push(into.keys.length);
}

export class CandidateFinder {
  private readonly postings: KeyPostings;
  /**
   * Keys shared with the row being ranked, by person seq; zero between rows (see mostShared). Two
   * bytes a person: the counts of two million persons take 4 MB, and a row's hundreds of scattered
   * reads of them hit the processor's cache more often than at four bytes.
   */
  private shared = new Uint16Array(1024);
  /** By seq: 1 once the person is listed under some key (see KeyPostings.add's `fresh`). */
  private listedAny = new Uint8Array(1024);
  /** One key's persons, newest first (see mostShared). */
  private readonly chain: Int32Array;
  private readonly met: number[] = [];

  /** @param cap keys naming more persons than this name none (see KeyPostings). */
  constructor(cap: number) {
    this.postings = new KeyPostings(cap);
    this.chain = new Int32Array(cap);
  }

  /** True when the key table's persons of `key` are known (learnt), or the key is common. */
  known(key: string): boolean {
    return this.postings.known(key);
  }

  /** Records what the key table holds for keys (those known already are left as they are). */
  learn(found: FoundKeys): void {
    const { keys, counts, seqs } = found;
    let at = 0;
    for (let k = 0; k < keys.length; k++) {
      const n = counts[k]!;
      const from = at;
      if (n > 0) at += n;
      const key = keys[k]!;
      if (this.postings.known(key)) continue;
      if (n < 0) {
        this.postings.fetched(key, null);
        continue;
      }
      const persons = seqs.subarray(from, at);
      for (const p of persons) {
        if (p >= this.listedAny.length) this.listedAny = grown(this.listedAny, p);
        this.listedAny[p] = 1;
      }
      this.postings.fetched(key, persons);
    }
  }

  /**
   * Lists persons the import gave keys under those keys, in the order given; `chunkKeys` are the
   * linkage keys of each row of the chunk the persons' row references point into.
   */
  list(persons: ListedPersons, chunkKeys: readonly (readonly string[])[] = []): void {
    const { seqs, rows, ends, keys } = persons;
    let k = 0;
    for (let i = 0; i < seqs.length; i++) {
      const seq = seqs[i]!;
      if (seq >= this.listedAny.length) this.listedAny = grown(this.listedAny, seq);
      const fresh = this.listedAny[seq] === 0;
      this.listedAny[seq] = 1;
      const row = rows[i]!;
      if (row >= 0) {
        const own = chunkKeys[row];
        if (!own) throw new RangeError(`listed person ${seq}: no row ${row} in the chunk`);
        for (const key of own) this.postings.add(key, seq, fresh);
      }
      for (; k < ends[i]!; k++) this.postings.add(keys[k]!, seq, fresh);
    }
  }

  /** Each row's candidates (see mostShared), given each row's linkage keys. */
  candidates(linkageKeys: readonly (readonly string[])[]): number[][] {
    return linkageKeys.map((k) => this.mostShared(k, MAX_CANDIDATES));
  }

  /**
   * The seqs of the persons sharing the most of `keys` (learnt or listed ones), at most `max`;
   * of those sharing as many, the first listed (all of them, in the order met, when there are no
   * more). Counted in an array by seq, kept from row to row and zeroed where used, with a running
   * top list: a map per row and sorting every person met cost more than scoring.
   */
  mostShared(keys: readonly string[], max: number): number[] {
    if (keys.length > 0xffff) throw new RangeError('mostShared: more keys than a count holds');
    const { chain, met } = this;
    met.length = 0;
    for (const k of keys) {
      // Newest first: walked backwards, persons are met oldest first.
      for (let i = this.postings.personsInto(k, chain) - 1; i >= 0; i--) {
        const p = chain[i]!;
        if (p >= this.shared.length) this.shared = grown(this.shared, p);
        if (this.shared[p]!++ === 0) met.push(p);
      }
    }
    const shared = this.shared;
    if (met.length <= max) {
      for (const p of met) shared[p] = 0;
      return met.slice();
    }
    // Each count is read once, and zeroed as it is read: a row meets hundreds of persons, and
    // every visit to the counts is a read from a place in memory of its own.
    const top: number[] = [];
    const topCounts: number[] = [];
    for (const p of met) {
      const n = shared[p]!;
      shared[p] = 0;
      if (top.length === max && n <= topCounts[max - 1]!) continue;
      let at = top.length;
      while (at > 0 && topCounts[at - 1]! < n) at--;
      top.splice(at, 0, p);
      topCounts.splice(at, 0, n);
      if (top.length > max) {
        top.pop();
        topCounts.pop();
      }
    }
    return top;
  }

  /**
   * The persons of a learnt (or listed) key into `out`, as seqs; false, with `out` empty, when
   * the key names more than `cap` persons.
   */
  personsOf(key: string, out: number[]): boolean {
    return this.postings.persons(key, out);
  }
}

/**
 * Counts the candidates of an import's chunks, in order, wherever they are counted: chunk i (as
 * numbered by `begin`) once the i chunks before it are applied and their persons listed
 * (`applied`), so that a row finds the persons every earlier chunk created or gave facts, exactly
 * as if the chunks were matched one after another. Rows may be prepared (their keys looked up)
 * ahead of that; a key looked up for a chunk not counted yet is not looked up again.
 */
export class ChunkCounter {
  readonly finder: CandidateFinder;
  private appliedChunks = 0;
  private preparedChunks = 0;
  private readonly waiting: { chunk: number; resolve(): void }[] = [];
  /** Keys looked up for chunks prepared but not counted yet. */
  private readonly looking = new Set<string>();
  /** The linkage keys of each row of the chunks counted but not applied yet, by chunk. */
  private readonly rowKeys = new Map<number, readonly (readonly string[])[]>();

  constructor(cap: number) {
    this.finder = new CandidateFinder(cap);
  }

  /** True when the key table's persons of `key` are known, or are being looked up already. */
  known(key: string): boolean {
    return this.looking.has(key) || this.finder.known(key);
  }

  /** Numbers the next chunk to be prepared (in the order chunks are given, before their keys are looked up). */
  begin(): number {
    return this.preparedChunks++;
  }

  /** The keys just looked up for a chunk not counted yet. */
  looked(found: FoundKeys): void {
    for (const k of found.keys) this.looking.add(k);
  }

  /** The candidates of prepared chunk `chunk`, once the chunks before it are applied. */
  async count(chunk: number, rowKeys: readonly (readonly string[])[], found: FoundKeys): Promise<number[][]> {
    if (this.appliedChunks < chunk)
      await new Promise<void>((resolve) => this.waiting.push({ chunk, resolve }));
    this.finder.learn(found);
    for (const k of found.keys) this.looking.delete(k);
    // Filtered once: the same keys rank the rows now and list their persons when applied.
    const linkage = rowKeys.map((k) => k.filter(isLinkageKey));
    this.rowKeys.set(chunk, linkage);
    return this.finder.candidates(linkage);
  }

  /** A chunk was applied: the persons it listed, in order (row references point into its rows). */
  applied(persons: ListedPersons): void {
    const chunk = this.appliedChunks;
    this.finder.list(persons, this.rowKeys.get(chunk));
    this.rowKeys.delete(chunk);
    this.appliedChunks++;
    for (let i = this.waiting.length - 1; i >= 0; i--)
      if (this.waiting[i]!.chunk <= this.appliedChunks) this.waiting.splice(i, 1)[0]!.resolve();
  }
}
