/** Growing the typed arrays an import keeps its postings, counts and ids in. */

/**
 * A copy of `array` long enough to hold index `at`: `factor` times as long, or longer when `at`
 * needs it.
 */
export function grown<T extends Int32Array<ArrayBuffer> | Uint16Array<ArrayBuffer> | Uint8Array<ArrayBuffer>>(
  array: T,
  at: number,
  factor = 2,
): T {
  const Typed = array.constructor as new (n: number) => T;
  const out = new Typed(Math.max(at + 1, Math.ceil(factor * array.length)));
  out.set(array);
  return out;
}
