/**
 * The generator's only source of chance: a 32-bit mulberry PRNG seeded from a hash of (seed, stream,
 * index). Every person and every record draws from its own stream, so any one of them can be
 * rebuilt without generating the others, and the output does not depend on the order of work.
 */

/** Mixes 32-bit words into one well-spread 32-bit value (murmur3's finaliser after each word). */
export function mix32(a: number, b: number, c = 0): number {
  let h = (a ^ 0x9e3779b9) >>> 0;
  h = fmix(Math.imul(h ^ b, 0x85ebca6b));
  h = fmix(Math.imul(h ^ c, 0xc2b2ae35));
  return h >>> 0;
}

function fmix(x: number): number {
  let h = x >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** A uniform number in [0, 1) derived from (seed, stream, index) without keeping any state. */
export function hashUnit(seed: number, stream: number, index: number): number {
  return mix32(seed, stream, index) / 4294967296;
}

/** Seeded random stream (mulberry32). Not cryptographic: it only has to be fast and repeatable. */
export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A stream for one (seed, stream, index) triple. */
  static of(seed: number, stream: number, index: number): Rng {
    return new Rng(mix32(seed, stream, index));
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) | 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** Integer in [lo, hi] inclusive. */
  between(lo: number, hi: number): number {
    return lo + this.int(hi - lo + 1);
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return p > 0 && this.next() < p;
  }

  /** One element of a non-empty array. */
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)] as T;
  }
}

/** Draws indices in proportion to weights in O(log n) per draw (cumulative table, binary search). */
export class WeightedTable<T> {
  private readonly cumulative: Float64Array;
  private readonly total: number;

  constructor(
    readonly items: readonly T[],
    weightOf: (item: T) => number,
  ) {
    this.cumulative = new Float64Array(items.length);
    let sum = 0;
    items.forEach((item, i) => {
      sum += Math.max(0, weightOf(item));
      this.cumulative[i] = sum;
    });
    this.total = sum;
  }

  /** One item, chosen with probability proportional to its weight. */
  draw(rng: Rng): T {
    const x = rng.next() * this.total;
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.cumulative[mid] as number) > x) hi = mid;
      else lo = mid + 1;
    }
    return this.items[lo] as T;
  }
}

/**
 * A keyed bijection of [0, n): a 4-round Feistel network over the next power of four, walking the
 * cycle until the value falls inside the range. It orders a source's records without holding them.
 */
export class Permutation {
  private readonly halfBits: number;
  private readonly mask: number;

  constructor(
    readonly n: number,
    private readonly key: number,
  ) {
    let bits = 2;
    while (2 ** bits < n) bits += 2;
    this.halfBits = bits / 2;
    this.mask = (1 << this.halfBits) - 1;
  }

  /** The image of i (0 <= i < n). */
  at(i: number): number {
    let x = i;
    do x = this.round(x);
    while (x >= this.n);
    return x;
  }

  private round(x: number): number {
    let left = x >>> this.halfBits;
    let right = x & this.mask;
    for (let r = 0; r < 4; r++) {
      const f = mix32(this.key, r, right) & this.mask;
      const next = left ^ f;
      left = right;
      right = next;
    }
    return ((left << this.halfBits) | right) >>> 0;
  }
}
