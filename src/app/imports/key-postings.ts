/**
 * The persons each blocking key names, for the length of one import, in typed arrays: a table of
 * keys (open addressing on a 64-bit hash of the key text) and a pool of postings chained per key.
 *
 * An import of a million rows looks up some twenty million keys. Kept in maps of strings and
 * arrays, that many keys would take gigabytes; here a key costs 16 bytes of table and a posting 8,
 * and neither the key text nor a per-key object is kept. Two keys whose 64-bit hashes collide
 * share their persons: the only effect is a candidate scored that did not need to be.
 */

/** A slot's state: empty (0), or taken by a key, which may also be fetched and common. */
const EMPTY = 0;
const FETCHED = 1;
const COMMON = 2;
const TAKEN = 4;

/** Share of slots taken before the table doubles (linear probing stays short below this). */
const MAX_LOAD = 0.8;

/** Two independent 32-bit hashes of `text` (FNV-1a and a multiply-rotate), finalised like murmur3. */
export function keyHash(text: string, out: Int32Array): void {
  let a = 0x811c9dc5;
  let b = 0x9747b28c;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 15;
  }
  out[0] = fmix(a ^ text.length);
  out[1] = fmix(b);
}

function fmix(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return h ^ (h >>> 16);
}

export class KeyPostings {
  private lo: Int32Array;
  private hi: Int32Array;
  /** Per slot: last posting + 1 (0: none). */
  private head: Int32Array;
  /** Persons per key, at most `cap` (at most 255). */
  private count: Uint8Array;
  private state: Uint8Array;
  private keys = 0;
  /**
   * Postings, two numbers each: the person, then the key's posting before it + 1 (0: none). Side
   * by side, a walk down a key's chain reads one place in memory per posting, not two.
   */
  private pool = new Int32Array(1 << 17);
  private used = 0;
  private readonly h = new Int32Array(2);

  /**
   * @param cap a key that comes to name more persons than this is marked common: its persons are
   *   dropped and it names none from then on.
   */
  constructor(readonly cap: number) {
    if (cap > 255) throw new RangeError('KeyPostings: cap over 255');
    const slots = 1 << 16;
    this.lo = new Int32Array(slots);
    this.hi = new Int32Array(slots);
    this.head = new Int32Array(slots);
    this.count = new Uint8Array(slots);
    this.state = new Uint8Array(slots);
  }

  /** Distinct keys held. */
  get size(): number {
    return this.keys;
  }

  /** True when the key's registry persons were recorded (`fetched`), or it is common. */
  known(key: string): boolean {
    const s = this.find(key);
    return s >= 0 && (this.state[s]! & (FETCHED | COMMON)) !== 0;
  }

  /** Records what the registry holds for a key: its persons, or null for more than `cap`. */
  fetched(key: string, persons: ArrayLike<number> | null): void {
    const s = this.slot(key);
    // The key table lists each person once: only persons added before need the check.
    const check = this.head[s] !== 0;
    this.state[s]! |= FETCHED;
    if (persons === null) this.markCommon(s);
    else for (let i = 0; i < persons.length; i++) this.addAt(s, persons[i]!, check);
  }

  /**
   * Adds a person to a key (once: a person already listed is not listed again). `fresh` says the
   * person is listed under no key yet (numbered just now): then only the key's last posting can be
   * that person, which spares walking the key's postings (up to `cap`) for every key of every new
   * person.
   */
  add(key: string, person: number, fresh = false): void {
    const s = this.slot(key);
    if (!fresh) this.addAt(s, person, true);
    else if (this.head[s] === 0 || this.pool[2 * this.head[s]! - 2] !== person) this.addAt(s, person, false);
  }

  /**
   * The persons of a key, oldest first, into `out` (cleared first); returns false, leaving `out`
   * empty, when the key is common.
   */
  persons(key: string, out: number[]): boolean {
    out.length = 0;
    const s = this.find(key);
    if (s < 0) return true;
    if (this.state[s]! & COMMON) return false;
    for (let p = this.head[s]!; p !== 0; p = this.pool[2 * p - 1]!) out.push(this.pool[2 * p - 2]!);
    out.reverse();
    return true;
  }

  /**
   * The persons of a key into `out` (room for `cap` at least), newest first; returns how many (0
   * for a common key). For hot loops: nothing is allocated.
   */
  personsInto(key: string, out: Int32Array): number {
    const s = this.find(key);
    if (s < 0 || this.state[s]! & COMMON) return 0;
    const pool = this.pool;
    let n = 0;
    for (let p = this.head[s]!; p !== 0; p = pool[2 * p - 1]!) out[n++] = pool[2 * p - 2]!;
    return n;
  }

  private addAt(s: number, person: number, check: boolean): void {
    if (this.state[s]! & COMMON) return;
    if (check)
      for (let p = this.head[s]!; p !== 0; p = this.pool[2 * p - 1]!)
        if (this.pool[2 * p - 2] === person) return;
    if (this.count[s]! >= this.cap) {
      this.markCommon(s);
      return;
    }
    if (2 * this.used + 2 > this.pool.length) this.compact();
    this.pool[2 * this.used] = person;
    this.pool[2 * this.used + 1] = this.head[s]!;
    this.head[s] = ++this.used;
    this.count[s]!++;
  }

  /**
   * Copies the postings into a pool half as long again (the pool holds tens of millions of
   * postings, so doubling would waste as many), each key's chain in one run, newest first, and
   * drops those of common keys. Postings are added a person at a time, so a key's chain is
   * scattered over the pool, and counting a row's candidates read one place in memory per
   * posting; a chain in one run is read in a sweep. The pool grows by half each time, so each
   * posting is copied a few times over an import.
   */
  private compact(): void {
    const from = this.pool;
    const to = new Int32Array(Math.max(2 * this.used + 2, Math.ceil(1.5 * from.length)));
    const head = this.head;
    let used = 0;
    for (let s = 0; s < head.length; s++) {
      let p = head[s]!;
      if (p === 0) continue;
      head[s] = used + 1;
      while (p !== 0) {
        const next = from[2 * p - 1]!;
        to[2 * used] = from[2 * p - 2]!;
        to[2 * used + 1] = next === 0 ? 0 : used + 2;
        used++;
        p = next;
      }
    }
    this.pool = to;
    this.used = used;
  }

  /** Common keys keep no persons; their postings stay in the pool unused until it is compacted. */
  private markCommon(s: number): void {
    this.state[s]! |= COMMON;
    this.head[s] = 0;
    this.count[s] = 0;
  }

  /** The slot of a key, or -1. */
  private find(key: string): number {
    keyHash(key, this.h);
    const [a, b] = this.h;
    const mask = this.lo.length - 1;
    for (let s = b! & mask; ; s = (s + 1) & mask) {
      if (this.state[s] === EMPTY) return -1;
      if (this.lo[s] === a && this.hi[s] === b) return s;
    }
  }

  /** The slot of a key, taken when new. */
  private slot(key: string): number {
    if (this.keys + 1 > this.lo.length * MAX_LOAD) this.rehash();
    keyHash(key, this.h);
    const [a, b] = this.h;
    const mask = this.lo.length - 1;
    for (let s = b! & mask; ; s = (s + 1) & mask) {
      if (this.state[s] !== EMPTY) {
        if (this.lo[s] === a && this.hi[s] === b) return s;
        continue;
      }
      this.lo[s] = a!;
      this.hi[s] = b!;
      this.state[s] = TAKEN;
      this.keys++;
      return s;
    }
  }

  private rehash(): void {
    const { lo, hi, head, count, state } = this;
    const slots = lo.length * 2;
    this.lo = new Int32Array(slots);
    this.hi = new Int32Array(slots);
    this.head = new Int32Array(slots);
    this.count = new Uint8Array(slots);
    this.state = new Uint8Array(slots);
    const mask = slots - 1;
    for (let s = 0; s < lo.length; s++) {
      if (state[s] === EMPTY) continue;
      let t = hi[s]! & mask;
      while (this.state[t] !== EMPTY) t = (t + 1) & mask;
      this.lo[t] = lo[s]!;
      this.hi[t] = hi[s]!;
      this.head[t] = head[s]!;
      this.count[t] = count[s]!;
      this.state[t] = state[s]!;
    }
  }
}
