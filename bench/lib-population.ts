/** The generated population as the registry receives it, and search queries made from it (benchmarks). */
import {
  STYLES,
  STYLE_ORDER,
  fieldMapping,
  formatDate,
  type Person,
  type PopulationLike,
} from '../src/matching/generate/index.js';
import { renderRecord } from '../src/matching/generate/render-record.js';
import { Rng } from '../src/matching/generate/prng.js';
import type { Actor } from '../src/domain/index.js';
import type { App } from '../src/app/index.js';

const day = (d: { year: number; month: number; day: number }) => ({
  year: d.year,
  month: d.month,
  day: d.day,
});

/** A generated person as the registry receives it: claims and one event. */
export function registration(p: Person, sourceId: string) {
  const claims: { field: string; value: unknown }[] = [
    { field: 'family_name', value: p.familyName },
    { field: 'given_name', value: p.givenName },
    { field: 'patronymic', value: p.patronymic },
    { field: 'name_original', value: `${p.familyName} ${p.givenName} ${p.patronymic}` },
    { field: 'sex', value: p.sex === 'M' ? 'male' : 'female' },
    { field: 'date_of_birth', value: day(p.birthDate) },
    { field: 'place_of_birth', value: p.birthPlace.name },
  ];
  if (p.rank) claims.push({ field: 'rank', value: p.rank });
  if (p.unit) claims.push({ field: 'unit', value: `${p.unit.number} ${p.unit.kind}` });
  if (p.serviceNumber) claims.push({ field: 'service_number', value: p.serviceNumber });
  const kind = p.category === 'military' ? 'captured' : 'missing';
  return { sourceId, claims, events: [{ kind, date: day(p.eventDate), placeText: p.eventPlace.name }] };
}

/**
 * Registers the first `n` persons of `population` through the bulk path (`registerBatch`, `batch`
 * persons a transaction) and returns the registry ids in population order. Progress on stderr.
 */
export async function fillRegistry(
  app: App,
  actor: Actor,
  sourceId: string,
  population: PopulationLike,
  n: number,
  batch = 1000,
): Promise<string[]> {
  const ids: string[] = [];
  const t0 = performance.now();
  for (let i = 0; i < n; i += batch) {
    const items = Array.from({ length: Math.min(batch, n - i) }, (_, j) =>
      registration(population.at(i + j), sourceId),
    );
    const r = await app.persons.registerBatch(actor, sourceId, items);
    ids.push(...r.ids);
    const s = (performance.now() - t0) / 1000;
    process.stderr.write(`\rregistered ${i + items.length}/${n} (${Math.round((i + items.length) / s)}/s)`);
  }
  process.stderr.write(`\rregistered ${n} in ${((performance.now() - t0) / 1000).toFixed(0)} s\n`);
  return ids;
}

export type Kind = 'name' | 'name+date' | 'partial';
export interface Query {
  readonly q: string;
  readonly kind: Kind;
  /** The registry id of the person the query was made from. */
  readonly truth: string;
}

/** A 32-bit hash, so persons queried are spread over the whole population. */
function hash32(x: number): number {
  let h = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/**
 * `count` queries: query k describes a person as source style k mod 7 writes it, as a name, a name
 * with the birth date (the true one, as an officer types it from an enquiry) or a name still being
 * typed (the last word cut after two to four letters).
 */
export function makeQueries(
  population: PopulationLike,
  ids: readonly string[],
  count: number,
  seed = 2022,
): Query[] {
  const out: Query[] = [];
  for (let k = 0; k < count; k++) {
    const index = hash32(k + 1) % ids.length;
    const person = population.at(index);
    const style = STYLES[STYLE_ORDER[k % STYLE_ORDER.length]!];
    const rng = Rng.of(seed, 0x71756572, k);
    const cells = renderRecord(person, style, rng, `q${k}`);
    const columns = fieldMapping(style);
    const cell = (field: 'full_name' | 'family_name' | 'given_name' | 'patronymic') => {
      const header = columns[field];
      return header ? (cells[style.columns.findIndex((c) => c.header === header)] ?? '') : '';
    };
    const latin = style.convention !== null;
    let name = cell('full_name');
    if (!name) {
      const family = cell('family_name') || person.familyName;
      const given = cell('given_name');
      const patronymic = (k >> 1) % 3 === 0 ? cell('patronymic') : '';
      // Latin-script writers put the given name first about half the time; lists put the family name first.
      name = (latin && k % 4 < 2 ? [given, family] : [family, given, patronymic]).filter(Boolean).join(' ');
    }
    const kind: Kind = (['name', 'name+date', 'partial'] as const)[Math.floor(k / 7) % 3]!;
    let q = name;
    if (kind === 'name+date')
      q = `${name} ${formatDate(person.birthDate, (['dmy-dot', 'iso', 'dmy-slash'] as const)[k % 3]!)}`;
    else if (kind === 'partial') {
      const words = name.split(' ');
      const last = words[words.length - 1]!;
      if (words.length > 1 && last.length > 4) words[words.length - 1] = last.slice(0, 2 + (k % 3));
      else if (words.length === 1) words[0] = last.slice(0, Math.max(3, last.length - 2));
      q = words.join(' ');
    }
    out.push({ q, kind, truth: ids[index]! });
  }
  return out;
}
