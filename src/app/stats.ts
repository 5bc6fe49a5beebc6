/** Aggregate figures for analysts: counts only, never a name or an id of a person. */
import { sql } from 'kysely';
import { z } from 'zod';
import { parseInput, type Actor } from '../domain/index.js';
import { authorize } from './authz.js';
import type { AppContext } from './context.js';

const Input = z.strictObject({
  from: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional(),
  to: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional(),
});

export interface Stats {
  readonly persons: number;
  readonly byState: Record<string, number>;
  readonly byPlace: { placeId: string | null; placeName: string | null; state: string; count: number }[];
  readonly eventsByMonth: { month: string; kind: string; count: number }[];
}

export async function getStats(ctx: AppContext, actor: Actor, raw: unknown = {}): Promise<Stats> {
  authorize(actor, 'stats.read');
  const input = parseInput(Input, raw, 'filter');
  const db = ctx.database.db;
  const total = await db
    .selectFrom('persons')
    .select(sql<number>`count(*)`.as('n'))
    .where('merged_into', 'is', null)
    .executeTakeFirstOrThrow();
  const states = await db
    .selectFrom('person_status')
    .select(['state', sql<number>`count(*)`.as('n')])
    .groupBy('state')
    .execute();
  const places = await db
    .selectFrom('person_status')
    .leftJoin('places', 'places.id', 'person_status.place_id')
    .select(['person_status.place_id', 'places.name', 'person_status.state', sql<number>`count(*)`.as('n')])
    .groupBy(['person_status.place_id', 'places.name', 'person_status.state'])
    .execute();
  let ev = db
    .selectFrom('status_events')
    .select([sql<string>`substr(date_from, 1, 7)`.as('month'), 'kind', sql<number>`count(*)`.as('n')])
    .where('date_from', 'is not', null)
    .where('status_events.id', 'not in', (eb) => eb.selectFrom('event_retractions').select('event_id'));
  if (input.from) ev = ev.where('date_from', '>=', input.from);
  if (input.to) ev = ev.where('date_from', '<=', input.to);
  const events = await ev
    .groupBy([sql`substr(date_from, 1, 7)`, 'kind'])
    .orderBy(sql`substr(date_from, 1, 7)`)
    .execute();
  return {
    persons: Number(total.n),
    byState: Object.fromEntries(states.map((s) => [s.state, Number(s.n)])),
    byPlace: places.map((p) => ({
      placeId: p.place_id,
      placeName: p.name,
      state: p.state,
      count: Number(p.n),
    })),
    eventsByMonth: events.map((e) => ({ month: e.month, kind: e.kind, count: Number(e.n) })),
  };
}
