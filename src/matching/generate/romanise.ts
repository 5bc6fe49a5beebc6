/**
 * Romanisation for the Latin-script sources through the names module, memoised: a million records
 * repeat a few thousand names, and each is romanised once per convention and language.
 */
import { transliterate } from '../names/index.js';
import type { Convention } from '../names/index.js';

export type { Convention };

/** Conventions made for Ukrainian that have a Russian counterpart for Russian forms of names. */
const FOR_RUSSIAN: Partial<Record<Convention, Convention>> = {
  'ua-national-2010': 'bgn-pcgn-ru',
  'bgn-pcgn-uk': 'bgn-pcgn-ru',
};

/** One memo table per convention and language, so a lookup needs no composed key. */
const caches = new Map<string, Map<string, string>>();

/**
 * `text` (Cyrillic) as `convention` writes it, read as Ukrainian or Russian. A source that writes
 * Ukrainian by the national system writes a Russian form by BGN/PCGN, as capture cards do.
 */
export function romanise(text: string, convention: Convention, lang: 'uk' | 'ru'): string {
  const table = `${convention}/${lang}`;
  let cache = caches.get(table);
  if (cache === undefined) caches.set(table, (cache = new Map()));
  let out = cache.get(text);
  if (out === undefined) {
    out = transliterate(text, lang === 'ru' ? (FOR_RUSSIAN[convention] ?? convention) : convention, lang);
    cache.set(text, out);
  }
  return out;
}
