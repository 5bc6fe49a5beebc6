/**
 * Framing: the words a report chooses for the events it tells ("surrender" or "evacuation" for
 * leaving the plant, "prisoners of war" or "captured" for custody). Each term once, with the
 * concept it frames, in order of first use.
 */
import type { FramingTerm } from '../types.js';
import { FRAMING_TERMS } from '../lexicon/places-lexicon.js';
import type { SentenceContext } from './context.js';

/** Framing terms of the report. */
export function extractFraming(contexts: readonly SentenceContext[]): FramingTerm[] {
  const seen = new Set<string>();
  const out: FramingTerm[] = [];
  for (const ctx of contexts) {
    for (const hit of FRAMING_TERMS.all(ctx.tokens)) {
      const [concept, term] = hit.value;
      const key = `${concept}|${term}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ term, for: concept });
    }
  }
  return out;
}
