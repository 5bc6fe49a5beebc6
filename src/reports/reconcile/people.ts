/**
 * People across reports: person mentions of all reports grouped when their names are one person
 * (see text/person-keys.ts), so that "Denys Varchuk" in one report and "Denis Vartchuk" in another
 * are listed together.
 */
import type { ReportExtraction } from '../types.js';
import { samePersonName } from '../text/person-keys.js';

/** One person across reports, with every mention. */
export interface PersonAcrossReports {
  readonly name: string;
  readonly mentions: { report: number; name: string }[];
}

/** Groups person mentions of all reports into people. */
export function groupPeople(reports: readonly ReportExtraction[]): PersonAcrossReports[] {
  const people: { name: string; names: string[]; mentions: { report: number; name: string }[] }[] = [];
  reports.forEach((r, report) => {
    for (const p of r.persons) {
      const names = [p.name, ...p.variants];
      const found = people.find((g) => g.names.some((a) => names.some((b) => samePersonName(a, b))));
      if (found) {
        found.mentions.push({ report, name: p.name });
        for (const n of names) if (!found.names.includes(n)) found.names.push(n);
        if (found.name.split(' ').length < p.name.split(' ').length) found.name = p.name;
      } else people.push({ name: p.name, names, mentions: [{ report, name: p.name }] });
    }
  });
  return people.map(({ name, mentions }) => ({ name, mentions }));
}
