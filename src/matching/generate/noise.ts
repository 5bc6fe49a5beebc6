/**
 * Clerical errors as people make them when typing names: a neighbouring key, a dropped letter, a
 * doubled letter, two letters exchanged. Keyboards follow the script: the Ukrainian or Russian
 * ЙЦУКЕН layout for Cyrillic, QWERTY for Latin.
 */
import type { Rng } from './prng.js';

/** Which keyboard a source types on. */
export type Keyboard = 'uk' | 'ru' | 'latin';

const LAYOUTS: Readonly<Record<Keyboard, readonly string[]>> = {
  uk: ['йцукенгшщзхї', 'фівапролджє', 'ячсмитьбю'],
  ru: ['йцукенгшщзхъ', 'фывапролджэ', 'ячсмитьбю'],
  latin: ['qwertyuiop', 'asdfghjkl', 'zxcvbnm'],
};

/** For each key, the keys next to it on the same or an adjacent row. */
function neighbourTable(rows: readonly string[]): Map<string, string> {
  const table = new Map<string, string>();
  rows.forEach((row, r) => {
    for (let c = 0; c < row.length; c++) {
      let near = (row[c - 1] ?? '') + (row[c + 1] ?? '');
      for (const other of [rows[r - 1], rows[r + 1]])
        if (other) near += other.slice(Math.max(0, c - 1), c + 1);
      table.set(row[c] as string, near);
    }
  });
  return table;
}

const NEIGHBOURS: Readonly<Record<Keyboard, Map<string, string>>> = {
  uk: neighbourTable(LAYOUTS.uk),
  ru: neighbourTable(LAYOUTS.ru),
  latin: neighbourTable(LAYOUTS.latin),
};

/**
 * One typing error in `text`, somewhere after its first letter (people rarely mistype the first).
 * Words of fewer than three letters are left alone.
 */
export function typo(text: string, rng: Rng, keyboard: Keyboard): string {
  if (text.length < 3) return text;
  const at = 1 + rng.int(text.length - 1);
  const ch = text[at] as string;
  const kind = rng.next();
  if (kind < 0.4) {
    const lower = ch.toLowerCase();
    const near = NEIGHBOURS[keyboard].get(lower);
    if (near) {
      const sub = near[rng.int(near.length)] as string;
      return text.slice(0, at) + (ch === lower ? sub : sub.toUpperCase()) + text.slice(at + 1);
    }
  }
  const prev = text[at - 1] as string;
  // Exchanging two equal letters would change nothing: drop one instead.
  if (kind < 0.65 || (kind >= 0.85 && prev === ch)) return text.slice(0, at) + text.slice(at + 1);
  if (kind < 0.85) return text.slice(0, at) + ch + text.slice(at);
  return text.slice(0, at - 1) + ch + prev + text.slice(at + 1);
}

/** "Андрій" → "А.", keeping the first letter as written. */
export function initial(name: string): string {
  return name ? `${name[0]}.` : '';
}

/** Upper case for surname-first official lists (КОВАЛЬЧУК); hyphenated names keep their parts. */
export function upper(name: string): string {
  return name.toUpperCase();
}
