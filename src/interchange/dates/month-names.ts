/**
 * Month names in English, Ukrainian and Russian (nominative and genitive: "березень", "5 березня"),
 * and their unambiguous abbreviations ("бер.", "Sept", "окт").
 */

const NAMES: ReadonlyArray<readonly string[]> = [
  ['january', 'січень', 'січня', 'январь', 'января'],
  ['february', 'лютий', 'лютого', 'февраль', 'февраля'],
  ['march', 'березень', 'березня', 'март', 'марта'],
  ['april', 'квітень', 'квітня', 'апрель', 'апреля'],
  ['may', 'травень', 'травня', 'май', 'мая'],
  ['june', 'червень', 'червня', 'июнь', 'июня'],
  ['july', 'липень', 'липня', 'июль', 'июля'],
  ['august', 'серпень', 'серпня', 'август', 'августа'],
  ['september', 'вересень', 'вересня', 'сентябрь', 'сентября'],
  ['october', 'жовтень', 'жовтня', 'октябрь', 'октября'],
  ['november', 'листопад', 'листопада', 'ноябрь', 'ноября'],
  ['december', 'грудень', 'грудня', 'декабрь', 'декабря'],
];

const EXACT = new Map<string, number>();
NAMES.forEach((names, i) => names.forEach((n) => EXACT.set(n, i + 1)));

/** Month number (1–12) of a name or an abbreviation of at least three letters; null otherwise. */
export function monthNumber(word: string): number | null {
  const w = word.toLowerCase().replace(/\.$/, '');
  const exact = EXACT.get(w);
  if (exact !== undefined) return exact;
  if (w.length < 3) return null;
  let found: number | null = null;
  for (let i = 0; i < NAMES.length; i++) {
    if (!(NAMES[i] as readonly string[]).some((n) => n.startsWith(w))) continue;
    if (found !== null && found !== i + 1) return null;
    found = i + 1;
  }
  return found;
}
