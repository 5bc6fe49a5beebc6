/** The generated population as the registry receives it, for the benchmarks that fill a registry with it. */
import type { Person, PopulationLike } from '../src/matching/generate/index.js';
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
