/** Edit distances with early exit, on reusable typed-array rows. */

let rowPrev2 = new Int32Array(64);
let rowPrev = new Int32Array(64);
let rowCur = new Int32Array(64);

function ensure(n: number): void {
  if (rowCur.length >= n) return;
  rowPrev2 = new Int32Array(n * 2);
  rowPrev = new Int32Array(n * 2);
  rowCur = new Int32Array(n * 2);
}

/**
 * Damerau–Levenshtein distance in its optimal-string-alignment form (insertions, deletions,
 * substitutions and transpositions of adjacent characters, no substring edited twice).
 * With `max`, gives up as soon as the distance must exceed it and returns `max + 1`, which is what
 * threshold comparisons need and far cheaper on dissimilar strings.
 */
export function damerauLevenshtein(a: string, b: string, max = Infinity): number {
  return editDistance(a, b, max, true);
}

/** Plain Levenshtein distance (no transpositions), with the same early exit as `damerauLevenshtein`. */
export function levenshtein(a: string, b: string, max = Infinity): number {
  return editDistance(a, b, max, false);
}

/** 1 − Levenshtein distance / length of the longer string; 1 for two empty strings. */
export function levenshteinRatio(a: string, b: string): number {
  const n = Math.max(a.length, b.length);
  if (n === 0) return 1;
  return 1 - editDistance(a, b, Infinity, false) / n;
}

function editDistance(a: string, b: string, max: number, transpose: boolean): number {
  if (a === b) return 0;
  // Keep `b` the shorter so that rows are short.
  if (a.length < b.length) {
    const t = a;
    a = b;
    b = t;
  }
  const la = a.length;
  const lb = b.length;
  if (la - lb > max) return max + 1;
  if (lb === 0) return la > max ? max + 1 : la;
  ensure(lb + 1);
  for (let j = 0; j <= lb; j++) rowPrev[j] = j;
  for (let i = 1; i <= la; i++) {
    const ca = a.charCodeAt(i - 1);
    rowCur[0] = i;
    let rowMin = i;
    for (let j = 1; j <= lb; j++) {
      const cb = b.charCodeAt(j - 1);
      const cost = ca === cb ? 0 : 1;
      let d = Math.min(rowPrev[j - 1]! + cost, rowPrev[j]! + 1, rowCur[j - 1]! + 1);
      if (transpose && i > 1 && j > 1 && ca === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === cb) {
        d = Math.min(d, rowPrev2[j - 2]! + 1);
      }
      rowCur[j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > max) return max + 1;
    const t = rowPrev2;
    rowPrev2 = rowPrev;
    rowPrev = rowCur;
    rowCur = t;
  }
  const d = rowPrev[lb]!;
  return d > max ? max + 1 : d;
}
