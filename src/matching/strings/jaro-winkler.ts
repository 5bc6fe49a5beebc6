/** Jaro and Jaro–Winkler similarity without allocation in the steady state. */

// Scratch flags for matched positions; grown on demand, never shrunk.
let flagsA = new Uint8Array(64);
let flagsB = new Uint8Array(64);

function ensure(n: number): void {
  if (flagsA.length < n) flagsA = new Uint8Array(n * 2);
  if (flagsB.length < n) flagsB = new Uint8Array(n * 2);
}

/**
 * Jaro similarity in [0,1]: 1 for equal strings, 0 when nothing matches. Two empty strings are
 * equal (1); one empty string against a non-empty one scores 0.
 */
export function jaro(a: string, b: string): number {
  if (a === b) return 1;
  const la = a.length;
  const lb = b.length;
  if (la === 0 || lb === 0) return 0;
  ensure(Math.max(la, lb));
  flagsA.fill(0, 0, la);
  flagsB.fill(0, 0, lb);
  const window = Math.max(0, (Math.max(la, lb) >> 1) - 1);
  let matches = 0;
  for (let i = 0; i < la; i++) {
    const c = a.charCodeAt(i);
    const lo = i > window ? i - window : 0;
    const hi = Math.min(lb - 1, i + window);
    for (let j = lo; j <= hi; j++) {
      if (flagsB[j] === 0 && b.charCodeAt(j) === c) {
        flagsA[i] = 1;
        flagsB[j] = 1;
        matches++;
        break;
      }
    }
  }
  if (matches === 0) return 0;
  let halfTranspositions = 0;
  let k = 0;
  for (let i = 0; i < la; i++) {
    if (flagsA[i] === 0) continue;
    while (flagsB[k] === 0) k++;
    if (a.charCodeAt(i) !== b.charCodeAt(k)) halfTranspositions++;
    k++;
  }
  const t = halfTranspositions >> 1;
  return (matches / la + matches / lb + (matches - t) / matches) / 3;
}

/**
 * Jaro–Winkler similarity in [0,1]. The common-prefix boost (up to 4 characters, `prefixScale`
 * per character, default 0.1, at most 0.25) is applied only when the Jaro score exceeds 0.7, as in
 * Winkler's original definition, so that unrelated strings sharing a first letter are not lifted.
 */
export function jaroWinkler(a: string, b: string, prefixScale = 0.1): number {
  const j = jaro(a, b);
  if (j <= 0.7 || j === 1) return j;
  const scale = prefixScale > 0.25 ? 0.25 : prefixScale < 0 ? 0 : prefixScale;
  const limit = Math.min(4, a.length, b.length);
  let prefix = 0;
  while (prefix < limit && a.charCodeAt(prefix) === b.charCodeAt(prefix)) prefix++;
  return j + prefix * scale * (1 - j);
}
