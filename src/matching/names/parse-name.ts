/** Parsing a full name into given names, patronymic and family names (first version). */
import { detectScript } from './script.js';
import type { Script } from './script.js';

/** A full name split into its parts; tokens keep their original spelling. */
export interface ParsedName {
  given: string[];
  patronymic: string | null;
  family: string[];
  initials: string[];
  script: Script;
  original: string;
}

/** Splits a full name into parts (first version: last token is the family name). */
export function parseName(full: string): ParsedName {
  const tokens = full.split(/[\s,]+/u).filter(Boolean);
  const family = tokens.length > 0 ? [tokens[tokens.length - 1]!] : [];
  return {
    given: tokens.slice(0, -1),
    patronymic: null,
    family,
    initials: [],
    script: detectScript(full),
    original: full,
  };
}
