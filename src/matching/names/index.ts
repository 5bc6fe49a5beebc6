/**
 * Names: scripts, romanisation by convention, the cross-convention key, given-name classes,
 * parsing of full names, Daitch–Mokotoff codes and full-name similarity. See README.md.
 */
export type { Script, CyrillicLanguage } from './script.js';
export { detectScript, detectCyrillicLanguage } from './script.js';
export type { Convention } from './transliterate.js';
export { CONVENTIONS, transliterate } from './transliterate.js';
export { toLatin } from './to-latin.js';
export { nameKey, nameKeys, givenNameKey } from './name-key.js';
export type { GivenNameClass, GivenNameLanguage, PatronymicInfo } from './given-names.js';
export {
  givenNameClass,
  givenNameSex,
  givenNameForms,
  givenNameClasses,
  patronymicClass,
  patronymicInfo,
} from './given-names.js';
export type { ParsedName } from './parse-name.js';
export { parseName } from './parse-name.js';
export { daitchMokotoff } from './daitch-mokotoff.js';
export type { NameExplanation, AlignedPart, NamePartKind } from './name-similarity.js';
export { nameSimilarity } from './name-similarity.js';
