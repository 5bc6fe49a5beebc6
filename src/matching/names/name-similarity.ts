/** Similarity of two full names across scripts and conventions (first version). */
import { jaroWinkler } from '../strings/index.js';
import { nameKeys } from './name-key.js';

/** The role a token plays in an aligned pair. */
export type NamePartKind = 'family' | 'given' | 'patronymic' | 'initial' | 'other';

/** One aligned pair of tokens (or a token without partner) with its score. */
export interface AlignedPart {
  kind: NamePartKind;
  left: string | null;
  right: string | null;
  score: number;
  reason: string;
}

/** Why two names scored as they did. */
export interface NameExplanation {
  parts: AlignedPart[];
}

/** Compares two full names (first version: mean best Jaro–Winkler of keys). */
export function nameSimilarity(a: string, b: string): { score: number; explanation: NameExplanation } {
  const ka = nameKeys(a);
  const kb = nameKeys(b);
  if (ka.length === 0 || kb.length === 0) return { score: 0, explanation: { parts: [] } };
  let total = 0;
  for (const x of ka) total += Math.max(...kb.map((y) => jaroWinkler(x, y)));
  return { score: total / ka.length, explanation: { parts: [] } };
}
