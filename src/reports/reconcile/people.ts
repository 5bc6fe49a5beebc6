/**
 * People across reports: person mentions of all reports grouped when their names are one person
 * (see text/person-keys.ts), so that "Denys Varchuk" in one report and "Denis Vartchuk" in another
 * are listed together.
 */
import type { ReportExtraction } from '../types.js';
import { personKeys, samePersonName } from '../text/person-keys.js';

/** One person across reports, with every mention. */
export interface PersonAcrossReports {
  readonly name: string;
  readonly mentions: { report: number; name: string }[];
}

/** Groups person mentions of all reports into people. */
export function groupPeople(reports: readonly ReportExtraction[]): PersonAcrossReports[] {
  const people: Group[] = [];
  // Candidates are looked up by family key first; whole-name similarity only among names that
  // share the key's first letters, so that the grouping stays near-linear.
  const byKey = new Map<string, Group[]>();
  const byPrefix = new Map<string, Group[]>();
  reports.forEach((r, report) => {
    for (const p of r.persons) {
      const names = [p.name, ...p.variants];
      const keys = names.map((n) => personKeys(n).familyKey);
      const candidates = new Set<Group>();
      for (const k of keys)
        for (const g of [...(byKey.get(k) ?? []), ...(byPrefix.get(k.slice(0, 2)) ?? [])]) candidates.add(g);
      const found = [...candidates].find((g) => g.names.some((a) => names.some((b) => samePersonName(a, b))));
      const group = found ?? { name: p.name, names: [], mentions: [] };
      if (!found) people.push(group);
      group.mentions.push({ report, name: p.name });
      for (const n of names) if (!group.names.includes(n)) group.names.push(n);
      if (group.name.split(' ').length < p.name.split(' ').length) group.name = p.name;
      for (const k of keys) {
        add(byKey, k, group);
        add(byPrefix, k.slice(0, 2), group);
      }
    }
  });
  return people.map(({ name, mentions }) => ({ name, mentions }));
}

interface Group {
  name: string;
  names: string[];
  mentions: { report: number; name: string }[];
}

function add(map: Map<string, Group[]>, key: string, g: Group): void {
  const list = map.get(key) ?? [];
  if (!list.includes(g)) list.push(g);
  map.set(key, list);
}
