/**
 * When two written names are one person: same family name across spellings (the names module's
 * cross-convention key: Varchuk, Vartchouk, Warczuk meet) and compatible given names (same key, same
 * given-name class such as Denys/Denis, same initial, or one side without a given name).
 */
import { givenNameClass, nameKey, nameSimilarity } from '../../matching/names/index.js';

/** Keys of a written full name: family key and given-name key (null for a bare family name). */
export function personKeys(name: string): { familyKey: string; givenKey: string | null } {
  const parts = name.split(/\s+/).filter(Boolean);
  const family = parts[parts.length - 1] ?? '';
  return { familyKey: nameKey(family), givenKey: parts.length > 1 ? nameKey(parts[0]!) : null };
}

/** True when two given-name keys can belong to one person. */
export function compatibleGiven(a: string | null, b: string | null): boolean {
  if (a === null || b === null || a === b) return true;
  const ca = givenNameClass(a);
  return (ca !== null && ca === givenNameClass(b)) || a.charAt(0) === b.charAt(0);
}

/** True when two written names are one person by the rules above, or very similar as wholes. */
export function samePersonName(a: string, b: string): boolean {
  const ka = personKeys(a);
  const kb = personKeys(b);
  if (ka.familyKey !== '' && ka.familyKey === kb.familyKey) return compatibleGiven(ka.givenKey, kb.givenKey);
  return (
    ka.givenKey !== null &&
    kb.givenKey !== null &&
    compatibleGiven(ka.givenKey, kb.givenKey) &&
    nameSimilarity(a, b).score >= 0.93
  );
}
