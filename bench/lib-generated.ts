/** Generated multi-source data as one labelled list of match records, for eval and bench. */
import { generate } from '../src/matching/generate/index.js';
import { isFieldType, type FieldType, type MatchRecord } from '../src/matching/index.js';
import type { Labelled } from './eval.js';

/** `persons` people written by `sources` sources, every record with its true person. */
export async function generatedLabelled(persons: number, sources: number, seed: number): Promise<Labelled> {
  const lists = generatedSources(persons, sources, seed);
  return {
    name: `generated ${persons}×${sources}`,
    records: lists.flatMap((l) => l.records),
    truth: lists.flatMap((l) => l.truth),
  };
}

/** The same population as `sources` separate labelled lists, one per source. */
export function generatedSources(persons: number, sources: number, seed: number): Labelled[] {
  const data = generate({ persons, sources, seed });
  const personOf = new Map(data.truth.map((t) => [t.recordId, t.personId]));
  return data.sources.map((source, k) => {
    const mapping = Object.entries(source.fields).filter(([type]) => isFieldType(type)) as [
      FieldType,
      string,
    ][];
    const asOf = (source.fields as Record<string, string | undefined>)['age_as_of'];
    const records: MatchRecord[] = [];
    const truth: string[] = [];
    for (const row of source.rows) {
      const id = row['record_id'] ?? '';
      const fields: Partial<Record<FieldType, string>> = {};
      for (const [type, col] of mapping) if (row[col]) fields[type] = row[col];
      const asOfValue = asOf ? row[asOf] : undefined;
      records.push(asOfValue ? { id, fields, age_as_of: asOfValue } : { id, fields });
      truth.push(personOf.get(id) ?? id);
    }
    return { name: `generated source ${k + 1}`, records, truth };
  });
}
