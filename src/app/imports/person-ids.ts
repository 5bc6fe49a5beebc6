/**
 * The ids of persons by seq, for the length of one import. The key table names persons by seq
 * (migration 0014), and an import reads the ids of its candidates to read their records: some
 * ten thousand a chunk late in a million-row import. Looked up one by one, each id cost two
 * b-tree descents (the seq index, then the table), on pages the import's own writes had pushed out
 * of the cache. Here they are read a block of BLOCK seqs at a time, in seq order, which is the
 * table's order, and kept as the id's 128 bits in four 32-bit words (16 bytes a person instead of
 * some 70 for a string). Ids that are not lower-case UUIDs (none the service makes) go in a Map.
 */
import { sql } from 'kysely';
import type { Executor } from '../../db/repositories/person-repository.js';
import { grown } from './grown.js';

/** Seqs read per block. */
const BLOCK = 1024;

/** Value of each lower-case hex digit by character code; -1 for any other character. */
const HEX = new Int8Array(128).fill(-1);
for (let d = 0; d < 10; d++) HEX[48 + d] = d;
for (let d = 0; d < 6; d++) HEX[97 + d] = 10 + d;

/** The hex digit of each value 0–15. */
const DIGITS = '0123456789abcdef';

/** Offsets of the dashes in a UUID's 36 characters. */
const DASHES = [8, 13, 18, 23];

export class PersonIds {
  /** Four words per seq. */
  private words = new Int32Array(4 * BLOCK);
  /** Per seq: 1 when its id is held in `words`, 2 when in `others`. */
  private held = new Uint8Array(BLOCK);
  /** Per block: 1 once read. */
  private read = new Uint8Array(16);
  private readonly others = new Map<number, string>();
  private readonly w = new Int32Array(4);

  /** Holds the id of a person the import has just given a seq (its block may be read already). */
  note(seq: number, id: string): void {
    this.reserve(seq);
    if (parseUuid(id, this.w)) {
      this.words.set(this.w, 4 * seq);
      this.held[seq] = 1;
    } else {
      this.others.set(seq, id);
      this.held[seq] = 2;
    }
  }

  /**
   * The ids of `seqs` (seqs without a person are left out), reading the blocks not read yet of
   * those not held (the persons an import creates are noted as it creates them).
   */
  async of(db: Executor, seqs: readonly number[]): Promise<Map<number, string>> {
    const blocks = new Set<number>();
    for (const s of seqs) {
      if (s < this.held.length && this.held[s] !== 0) continue;
      const b = Math.floor(s / BLOCK);
      if (b >= this.read.length || this.read[b] === 0) blocks.add(b);
    }
    for (const b of [...blocks].sort((x, y) => x - y)) await this.readBlock(db, b);
    const out = new Map<number, string>();
    for (const s of seqs) {
      const id = this.id(s);
      if (id !== undefined) out.set(s, id);
    }
    return out;
  }

  private async readBlock(db: Executor, b: number): Promise<void> {
    const r = await sql<{ seq: number; id: string }>`SELECT seq, id FROM persons
      WHERE seq >= ${b * BLOCK} AND seq < ${(b + 1) * BLOCK}`.execute(db);
    for (const { seq, id } of r.rows) this.note(Number(seq), id);
    if (b >= this.read.length) this.read = grown(this.read, b);
    this.read[b] = 1;
  }

  private id(seq: number): string | undefined {
    const held = seq < this.held.length ? this.held[seq] : 0;
    if (held === 2) return this.others.get(seq);
    if (held !== 1) return undefined;
    let out = '';
    for (let k = 0; k < 4; k++) {
      const word = this.words[4 * seq + k]!;
      for (let shift = 28; shift >= 0; shift -= 4) {
        out += DIGITS[(word >>> shift) & 15]!;
        if (DASHES.includes(out.length)) out += '-';
      }
    }
    return out;
  }

  private reserve(seq: number): void {
    if (seq < this.held.length) return;
    this.held = grown(this.held, seq);
    // Four words a seq: as long as four times the flags (at least twice the words held).
    this.words = grown(this.words, 4 * this.held.length - 1);
  }
}

/** Reads a lower-case UUID into `w`; false when `text` is not one. */
function parseUuid(text: string, w: Int32Array): boolean {
  if (text.length !== 36) return false;
  for (const d of DASHES) if (text.charCodeAt(d) !== 45) return false;
  let word = 0;
  let digits = 0;
  let k = 0;
  for (let i = 0; i < 36; i++) {
    if (i === 8 || i === 13 || i === 18 || i === 23) continue;
    const c = text.charCodeAt(i);
    const d = c < 128 ? HEX[c]! : -1;
    if (d < 0) return false;
    word = (word << 4) | d;
    if (++digits === 8) {
      w[k++] = word;
      word = 0;
      digits = 0;
    }
  }
  return true;
}
