/**
 * HXL hashtags (https://hxlstandard.org): a row of "#tag +attribute" cells that says what each column
 * holds, independent of the language of the text header. Attribute order carries no meaning, so
 * tags are normalised with sorted attributes.
 */

const HASHTAG = /^#([a-z][a-z0-9_]*)((?:\s*\+\s*[a-z][a-z0-9_]*)*)$/i;

/** A parsed hashtag: "#affected +name +given" → { tag: 'affected', attributes: ['given', 'name'] }. */
export interface Hashtag {
  readonly tag: string;
  readonly attributes: readonly string[];
}

/** Parses one cell as a hashtag spec, or null. */
export function parseHashtag(cell: string): Hashtag | null {
  const m = HASHTAG.exec(cell.trim());
  if (!m) return null;
  const attrs = (m[2] ?? '')
    .split('+')
    .map((a) => a.trim().toLowerCase())
    .filter((a) => a !== '');
  return { tag: (m[1] as string).toLowerCase(), attributes: [...new Set(attrs)].sort() };
}

/** Canonical text of a hashtag: "#affected +given +name". */
export function formatHashtag(h: Hashtag): string {
  return ['#' + h.tag, ...h.attributes.map((a) => '+' + a)].join(' ');
}

/** True when a row is an HXL hashtag row: at least one cell, and every non-blank cell, is a hashtag. */
export function isHashtagRow(cells: readonly string[]): boolean {
  let tagged = 0;
  for (const c of cells) {
    if (c.trim() === '') continue;
    if (!parseHashtag(c)) return false;
    tagged++;
  }
  return tagged > 0;
}
