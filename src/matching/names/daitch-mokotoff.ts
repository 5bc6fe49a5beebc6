/** Daitch–Mokotoff soundex (first version). */

/** Every Daitch–Mokotoff code of a name token (first version: none). */
export function daitchMokotoff(_token: string): string[] {
  return [];
}
