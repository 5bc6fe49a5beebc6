/**
 * Candidates' match records for the length of one import, prepared for the engine once, kept
 * where the candidates are scored (on the import's worker thread when it has one). The same
 * registry persons come back as candidates chunk after chunk (everyone of a common name born in
 * the same year), and reading, decoding and preparing their stored records again cost more than
 * scoring them. Records are kept prepared, column by column (PreparedStore: some 200 bytes a
 * record), and each chunk's candidate set is gathered from them.
 *
 * Two kinds of person are kept. A registry person the import has not written is read from the
 * registry where it is first a candidate: the import does not change it, so any connection reads
 * the same records. A person the import writes (creates, or gives facts) is marked stale when its
 * chunk lists it (`stale`) and given its new records once they are written (`written`): the
 * worker's connection sees the registry as it was before the import, and cannot read them. Past
 * `limit` registry records kept, those are all forgotten and read again as needed; the written
 * ones are kept (they could not be read again), some 800,000 at most for a million-row import.
 */
import {
  PreparedStore,
  type FeatureCaches,
  type MatchRecord,
  type PreparedSet,
} from '../../matching/index.js';
import type { Executor } from '../../db/repositories/person-repository.js';
import { DomainError } from '../../domain/errors.js';
import { decodeMatchRecords, loadMatchRecords } from '../match-records.js';
import { PersonIds } from './person-ids.js';
import { grown } from './grown.js';

/**
 * A person a chunk wrote (created, or gave facts): its seq and id, and its new records, as stored
 * (encodeMatchRecords), or, for a person created from a row of the chunk, as that row was
 * prepared for matching (`row`: its place in the chunk's prepared set), which is the record the
 * person stores.
 */
export type WrittenPerson =
  | { readonly seq: number; readonly id: string; readonly stored: string }
  | { readonly seq: number; readonly id: string; readonly row: number };

/** The persons a chunk wrote, with their new records. */
export type WrittenRecords = readonly WrittenPerson[];

/** A chunk's candidates prepared as one set, and which rows of it are whose. */
export interface GatheredCandidates {
  readonly set: PreparedSet;
  /** The set's rows of each person, by the person's seq (persons without records are left out). */
  readonly rows: ReadonlyMap<number, readonly number[]>;
}

/** Per person (by seq), what is kept. */
const NOT_KEPT = 0;
const READ = 1;
const WRITTEN = 2;
const STALE = 3;

/**
 * Persons are known by their seqs (StagedKeys): candidates come from the key postings as seqs, and
 * a registry person's id is read only to read its records.
 */
export class CandidateRecords {
  private readonly store = new PreparedStore();
  /**
   * By person seq: the store's place of the person's first record + 1 (0: none kept), and how many
   * records follow it there (a person's records are added together, so their places follow one
   * another). Typed arrays rather than a map of lists: a million persons kept in a map took a
   * million small arrays for the collector to walk.
   */
  private first = new Int32Array(1024);
  private count = new Uint16Array(1024);
  /** By seq: NOT_KEPT, READ (from the registry), WRITTEN (given by the import) or STALE. */
  private state = new Uint8Array(1024);
  /** Records kept of written persons. */
  private writtenRecords = 0;
  private readonly personIds = new PersonIds();

  /** @param limit registry records kept at most (forgotten ones included, until they are dropped). */
  constructor(private readonly limit = 1_000_000) {}

  /**
   * Reads and keeps the records of the registry persons among `persons` (distinct seqs) that are
   * not kept: their stored records, or records derived from their claims where a person has none
   * (loadMatchRecords). Persons the import wrote and whose records were not given yet are passed
   * over: a chunk's candidates are loaded this way while the chunk before it is still written.
   */
  async load(db: Executor, persons: readonly number[], caches?: FeatureCaches): Promise<void> {
    let missing = persons.filter((p) => this.stateOf(p) === NOT_KEPT);
    if (missing.length === 0) return;
    let read = await this.read(db, missing);
    let count = 0;
    for (const r of read.values()) count += r.length;
    if (this.store.size - this.writtenRecords + count > this.limit) {
      this.dropRead();
      missing = persons.filter((p) => this.stateOf(p) === NOT_KEPT);
      const more = missing.filter((p) => !read.has(p));
      read = new Map([...read, ...(await this.read(db, more))]);
    }
    this.keep(missing, read, READ, caches);
  }

  /**
   * The match records of persons (distinct seqs) prepared as one set, each person's records in
   * order, the persons in the order given; registry persons not kept are read first (`load`).
   * Throws INTERNAL for a person the import wrote whose new records were not given.
   */
  async gather(
    db: Executor,
    persons: readonly number[],
    caches?: FeatureCaches,
  ): Promise<GatheredCandidates> {
    for (const p of persons)
      if (this.stateOf(p) === STALE)
        throw new DomainError(
          'INTERNAL',
          `person ${p} was written by the import and its records were not given`,
        );
    await this.load(db, persons, caches);
    const places: number[] = [];
    const rows = new Map<number, number[]>();
    for (const person of persons) {
      if (person >= this.first.length || this.first[person] === 0 || rows.has(person)) continue;
      const own: number[] = [];
      for (let i = 0, from = this.first[person]! - 1; i < this.count[person]!; i++)
        own.push(places.push(from + i) - 1);
      rows.set(person, own);
    }
    return { set: this.store.gather(places), rows };
  }

  /** Persons (by seq) whose records the import is about to change: gathering one fails until it is given. */
  stale(seqs: Iterable<number>): void {
    for (const p of seqs) {
      this.forget(p);
      this.state[p] = STALE;
    }
  }

  /**
   * The new records of persons the import wrote (a person given twice: the later records); those
   * given by row are copied from `rows`, the chunk's prepared set, without preparing them again.
   */
  written(w: WrittenRecords, caches?: FeatureCaches, rows?: PreparedSet): void {
    const last = new Map<number, WrittenPerson>();
    for (const person of w) {
      this.forget(person.seq);
      last.delete(person.seq);
      last.set(person.seq, person);
    }
    const read = new Map<number, MatchRecord[]>();
    const copied: { seq: number; id: string; row: number }[] = [];
    for (const person of last.values())
      if ('stored' in person) read.set(person.seq, decodeMatchRecords(person.id, person.stored));
      else copied.push(person);
    this.keep([...read.keys()], read, WRITTEN, caches);
    if (copied.length === 0) return;
    if (!rows)
      throw new DomainError('INTERNAL', `person ${copied[0]!.seq} was given by row without the rows`);
    const owners = copied.map((c) => c.seq);
    for (const p of owners) this.state[p] = WRITTEN;
    const places = this.store.addFrom(
      rows,
      copied.map((c) => c.row),
      copied.map((c) => c.id),
    );
    this.placed(owners, places, WRITTEN);
  }

  private stateOf(p: number): number {
    return p < this.state.length ? this.state[p]! : NOT_KEPT;
  }

  private forget(p: number): void {
    if (p >= this.state.length) {
      this.state = grown(this.state, p);
      this.first = grown(this.first, p);
      this.count = grown(this.count, p);
    }
    if (this.state[p] === WRITTEN) this.writtenRecords -= this.count[p]!;
    this.first[p] = 0;
    this.count[p] = 0;
    this.state[p] = NOT_KEPT;
  }

  /**
   * Prepares and keeps the records of persons (in order), and marks them kept: a person without
   * records too, so that it is not read again.
   */
  private keep(
    persons: readonly number[],
    read: ReadonlyMap<number, readonly MatchRecord[]>,
    state: number,
    caches?: FeatureCaches,
  ): void {
    const owners: number[] = [];
    const records: MatchRecord[] = [];
    for (const p of persons) {
      if (p >= this.state.length) this.forget(p);
      this.state[p] = state;
      for (const r of read.get(p) ?? []) {
        owners.push(p);
        records.push(r);
      }
    }
    this.placed(owners, this.store.add(records, caches), state);
  }

  /**
   * Notes where the store keeps records just added: record k, of person `owners[k]`, at
   * `places[k]` (a person's records given together, so that their places follow one another).
   */
  private placed(owners: readonly number[], places: readonly number[], state: number): void {
    places.forEach((place, k) => {
      const p = owners[k]!;
      if (k > 0 && owners[k - 1] === p) this.count[p]!++;
      else {
        this.first[p] = place + 1;
        this.count[p] = 1;
      }
    });
    if (state === WRITTEN) this.writtenRecords += places.length;
  }

  /** Forgets every registry person's records; the written ones are kept, at new places. */
  private dropRead(): void {
    const persons: number[] = [];
    const keep: number[] = [];
    for (let p = 0; p < this.state.length; p++) {
      if (this.state[p] === READ) {
        this.first[p] = 0;
        this.count[p] = 0;
        this.state[p] = NOT_KEPT;
      } else if (this.state[p] === WRITTEN && this.count[p]! > 0) {
        persons.push(p);
        for (let i = 0; i < this.count[p]!; i++) keep.push(this.first[p]! - 1 + i);
      }
    }
    this.store.retain(keep);
    let at = 0;
    for (const p of persons) {
      this.first[p] = at + 1;
      at += this.count[p]!;
    }
  }

  /** The match records of registry persons by seq, read on `db` (persons without an id are left out). */
  private async read(db: Executor, seqs: readonly number[]): Promise<Map<number, readonly MatchRecord[]>> {
    const out = new Map<number, readonly MatchRecord[]>();
    if (seqs.length === 0) return out;
    const idOf = await this.personIds.of(db, seqs);
    const loaded = await loadMatchRecords(db, [...idOf.values()]);
    for (const p of seqs) {
      const id = idOf.get(p);
      if (id !== undefined) out.set(p, loaded.get(id) ?? []);
    }
    return out;
  }
}
