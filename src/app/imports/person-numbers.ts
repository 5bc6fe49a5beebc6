/**
 * Person ids numbered 0, 1, 2… in the order an import meets them, so that candidates are counted
 * in arrays. The key table answers a key with its persons' ids joined by commas, and an import
 * into a million persons numbers some ten million of them: splitting each list into strings and
 * looking each up in a Map cost more than the query. Here an id is read in place from the list,
 * its 32 hex digits as four 32-bit words, and looked up in an open-addressing table of those words;
 * no id is kept as a string (16 bytes a person instead of some 70): `id(n)` writes it out again
 * from its words. Ids that are not lower-case UUIDs (none the service makes) go through a Map.
 */

/** Value of each lower-case hex digit by character code; -1 for any other character. */
const HEX = new Int8Array(128).fill(-1);
for (let d = 0; d < 10; d++) HEX[48 + d] = d;
for (let d = 0; d < 6; d++) HEX[97 + d] = 10 + d;

/** Offsets of the dashes in a UUID's 36 characters. */
const DASHES = [8, 13, 18, 23];

/** The hex digit of each value 0–15. */
const DIGITS = '0123456789abcdef';

export class PersonNumbers {
  private count = 0;
  /** Ids that are not lower-case UUIDs, by number and by id. */
  private readonly otherIds = new Map<number, string>();
  /** Four words (the id's 128 bits) per number. */
  private words = new Int32Array(4 * 1024);
  /** Number + 1 per slot; 0 for an empty slot. Its length is a power of two. */
  private slots = new Int32Array(2048);
  private readonly others = new Map<string, number>();
  /** The words of the id being looked up. */
  private readonly w = new Int32Array(4);

  /** Ids numbered so far. */
  get size(): number {
    return this.count;
  }

  /** The id of number `n`. */
  id(n: number): string {
    if (n < 0 || n >= this.count) throw new RangeError(`no person numbered ${n}`);
    const other = this.otherIds.get(n);
    if (other !== undefined) return other;
    let out = '';
    for (let k = 0; k < 4; k++) {
      const word = this.words[4 * n + k]!;
      for (let shift = 28; shift >= 0; shift -= 4) {
        out += DIGITS[(word >>> shift) & 15]!;
        if (DASHES.includes(out.length)) out += '-';
      }
    }
    return out;
  }

  /** The number of an id, numbering it when met for the first time. */
  of(id: string): number {
    return this.at(id, 0, id.length);
  }

  /** The number of the id written in `text` from `from` to `to` (exclusive). */
  at(text: string, from: number, to: number): number {
    if (!this.parse(text, from, to)) {
      const id = text.slice(from, to);
      let n = this.others.get(id);
      if (n === undefined) {
        n = this.count++;
        this.others.set(id, n);
        this.otherIds.set(n, id);
        this.reserve(n);
      }
      return n;
    }
    const w = this.w;
    const mask = this.slots.length - 1;
    let slot = hash(w[0]!, w[1]!, w[2]!, w[3]!) & mask;
    for (;;) {
      const v = this.slots[slot]!;
      if (v === 0) break;
      const b = 4 * (v - 1);
      const words = this.words;
      if (words[b] === w[0] && words[b + 1] === w[1] && words[b + 2] === w[2] && words[b + 3] === w[3])
        return v - 1;
      slot = (slot + 1) & mask;
    }
    const n = this.count++;
    this.reserve(n);
    this.words.set(w, 4 * n);
    this.slots[slot] = n + 1;
    if (2 * (this.count - this.others.size) > this.slots.length) this.rehash();
    return n;
  }

  /** Makes room for the words of number `n`. */
  private reserve(n: number): void {
    if (4 * n + 4 <= this.words.length) return;
    const grown = new Int32Array(this.words.length * 2);
    grown.set(this.words);
    this.words = grown;
  }

  /**
   * Reads a lower-case UUID into `w`; false when the text is not one. Each word is read from its
   * fixed places (8-4-4-4-12 digits), a bad digit marking `invalid` through its -1.
   */
  private parse(text: string, from: number, to: number): boolean {
    if (to - from !== 36) return false;
    for (const d of DASHES) if (text.charCodeAt(from + d) !== 45) return false;
    invalid = 0;
    this.w[0] = hexAt(text, from, 8);
    this.w[1] = (hexAt(text, from + 9, 4) << 16) | hexAt(text, from + 14, 4);
    this.w[2] = (hexAt(text, from + 19, 4) << 16) | hexAt(text, from + 24, 4);
    this.w[3] = hexAt(text, from + 28, 8);
    return invalid >= 0;
  }

  /** Doubles the slots and places every UUID-numbered id again. */
  private rehash(): void {
    const slots = new Int32Array(this.slots.length * 2);
    const mask = slots.length - 1;
    const words = this.words;
    for (let n = 0; n < this.count; n++) {
      if (this.otherIds.has(n)) continue;
      const b = 4 * n;
      let slot = hash(words[b]!, words[b + 1]!, words[b + 2]!, words[b + 3]!) & mask;
      while (slots[slot] !== 0) slot = (slot + 1) & mask;
      slots[slot] = n + 1;
    }
    this.slots = slots;
  }
}

/** Set negative by hexAt when it meets a character that is not a lower-case hex digit. */
let invalid = 0;

/** The value of the `n` (at most 8) hex digits at `at`. */
function hexAt(text: string, at: number, n: number): number {
  let v = 0;
  for (let i = at; i < at + n; i++) {
    const c = text.charCodeAt(i);
    const d = c < 128 ? HEX[c]! : -1;
    invalid |= d;
    v = (v << 4) | (d & 15);
  }
  return v;
}

/** Mixes four words into a well-spread 32-bit hash (murmur3's finaliser over a simple combination). */
function hash(a: number, b: number, c: number, d: number): number {
  let h =
    Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca6b) ^ Math.imul(c, 0xc2b2ae35) ^ Math.imul(d, 0x27d4eb2f);
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}
