/** Given-name equivalence classes across languages and scripts (first version: no data yet). */

/** The id of the equivalence class of a given name in any language, script or romanisation, or null. */
export function givenNameClass(_token: string): string | null {
  return null;
}

/** The class of the father's given name for a patronymic (Миколайович → class of Mykola), or null. */
export function patronymicClass(_token: string): string | null {
  return null;
}

/** The sex recorded for a given name's class ('m', 'f'), or null when unknown or not a given name. */
export function givenNameSex(_token: string): 'm' | 'f' | null {
  return null;
}
