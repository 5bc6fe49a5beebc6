/**
 * Suggests which field each column holds, from HXL hashtags (when present) and header names in
 * English, Ukrainian and Russian. Pure and deterministic; an officer confirms or corrects the result
 * before an import, and unmatched columns are left out for them to see.
 */
import { parseHashtag } from '../hxl/hashtags.js';
import type { FieldName } from './field-names.js';
import { HEADER_SYNONYMS, SYMBOL_HEADERS } from './header-synonyms.js';
import { hxlField } from './hxl-fields.js';

/** Lower case, ё → е, apostrophes dropped, other punctuation as single spaces. */
export function normaliseHeader(s: string): string {
  return s
    .normalize('NFC')
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/['’ʼ`]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

interface Candidate {
  readonly column: string;
  readonly field: FieldName;
  readonly score: number;
}

const SYNONYMS: ReadonlyArray<{ field: FieldName; phrase: string }> = Object.entries(HEADER_SYNONYMS).flatMap(
  ([field, phrases]) => phrases.map((p) => ({ field: field as FieldName, phrase: normaliseHeader(p) })),
);

/**
 * Column → field. Each field goes to at most one column: the best-scoring one (hashtag, then an exact
 * header name, then the longest known wording inside the header), ties to the leftmost.
 *
 * @example suggestMapping(['Прізвище', "Ім'я", 'Дата народження']) // { Прізвище: 'family_name', ... }
 */
export function suggestMapping(
  header: readonly string[],
  hxlTags?: readonly string[],
): Record<string, FieldName> {
  const candidates: Candidate[] = [];
  header.forEach((column, i) => {
    const fromTag = hxlTags?.[i] ? hxlField(parseHashtag(hxlTags[i] as string)) : null;
    if (fromTag) candidates.push({ column, field: fromTag, score: 1000 });
    const c = headerCandidate(column);
    if (c) candidates.push({ column, ...c });
  });
  const order = new Map(header.map((h, i) => [h, i]));
  candidates.sort((a, b) => b.score - a.score || (order.get(a.column) ?? 0) - (order.get(b.column) ?? 0));
  const out: Record<string, FieldName> = {};
  const used = new Set<FieldName>();
  for (const c of candidates) {
    if (used.has(c.field) || Object.hasOwn(out, c.column)) continue;
    out[c.column] = c.field;
    used.add(c.field);
  }
  return out;
}

/** The best field for one header name, with a score (exact 500, else the length of the wording). */
function headerCandidate(column: string): { field: FieldName; score: number } | null {
  const symbol = SYMBOL_HEADERS[column.trim()];
  if (symbol) return { field: symbol, score: 500 };
  const norm = normaliseHeader(column);
  if (norm === '') return null;
  const padded = ` ${norm} `;
  let best: { field: FieldName; score: number } | null = null;
  for (const { field, phrase } of SYNONYMS) {
    const score = phrase === norm ? 500 : padded.includes(` ${phrase} `) ? phrase.length : 0;
    if (score > (best?.score ?? 0)) best = { field, score };
  }
  return best;
}
