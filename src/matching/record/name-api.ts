/**
 * The names engine as the record model uses it. One file binds it, so the rest of the matcher
 * does not care where parsing, keys and classes come from.
 */
export {
  nameKey,
  parseName,
  givenNameClass,
  patronymicClass,
  daitchMokotoff,
  toLatin,
} from '../names/index.js';
