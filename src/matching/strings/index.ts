/**
 * String similarity for the matcher's hot loops. Every function works on UTF-16 code units and
 * reuses module-level scratch buffers, so a call allocates nothing once the buffers have grown to
 * the longest string seen. Not re-entrant across threads by design: each worker has its own module.
 */
export { jaro, jaroWinkler } from './jaro-winkler.js';
export { damerauLevenshtein, levenshtein, levenshteinRatio } from './edit-distance.js';
export { tokenSetSimilarity } from './token-set.js';
