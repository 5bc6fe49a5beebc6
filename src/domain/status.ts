/**
 * Status events: dated steps of a person's timeline. Append-only; a retraction removes one from the
 * reduction but not from history. The current status is a pure reduction over the events.
 */
import { z } from 'zod';
import type { BatchId, EventId, PersonId, PlaceId, SourceId, UserId } from './ids.js';
import { idSchema } from './ids.js';
import { CONFIDENCE, CONFIDENCE_RANK, PartialDateSchema, type Confidence } from './claim.js';
import { comparePartialDates, type PartialDate } from './partial-date.js';

export const EVENT_KINDS = [
  'surrendered',
  'captured',
  'evacuated',
  'wounded',
  'hospitalised',
  'interned',
  'transferred',
  'visited',
  'tried',
  'sentenced',
  'released',
  'exchanged',
  'repatriated',
  'escaped',
  'died',
  'missing',
  'sighted',
  'contact_restored',
] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

export const SEVERITY = ['light', 'moderate', 'serious', 'critical'] as const;

/** Where a person is, as a state; derived from events. */
export const STATES = [
  'unknown',
  'missing',
  'in_custody',
  'hospitalised',
  'released',
  'at_large',
  'dead',
  'in_contact',
] as const;
export type State = (typeof STATES)[number];

export const EventInput = z
  .strictObject({
    kind: z.enum(EVENT_KINDS),
    date: PartialDateSchema.nullish(),
    placeId: idSchema('PlaceId').nullish(),
    placeText: z.string().trim().min(1).max(300).nullish(),
    fromPlaceId: idSchema('PlaceId').nullish(),
    severity: z.enum(SEVERITY).nullish(),
    details: z.string().trim().max(5000).nullish(),
    confidence: z.enum(CONFIDENCE).default('unconfirmed'),
  })
  .superRefine((e, ctx) => {
    if (e.kind === 'transferred' && !e.placeId && !e.placeText)
      ctx.addIssue({ code: 'custom', path: ['placeId'], message: 'a transfer needs the place it went to' });
    if (e.severity && e.kind !== 'wounded' && e.kind !== 'hospitalised')
      ctx.addIssue({
        code: 'custom',
        path: ['severity'],
        message: 'severity applies to wounded or hospitalised',
      });
  });
export type EventInput = z.infer<typeof EventInput>;

export interface StatusEvent {
  readonly id: EventId;
  readonly personId: PersonId;
  readonly kind: EventKind;
  readonly date: PartialDate | null;
  readonly placeId: PlaceId | null;
  readonly placeText: string | null;
  readonly fromPlaceId: PlaceId | null;
  readonly severity: (typeof SEVERITY)[number] | null;
  readonly details: string | null;
  readonly confidence: Confidence;
  readonly sourceId: SourceId;
  readonly batchId: BatchId | null;
  readonly recordedAt: string;
  readonly recordedBy: UserId;
}

export interface CurrentStatus {
  readonly state: State;
  /** The event that set the state, or null when nothing is known. */
  readonly since: PartialDate | null;
  readonly placeId: PlaceId | null;
  readonly placeText: string | null;
  /** The event that last placed the person (may be later than the one that set the state). */
  readonly lastEventId: EventId | null;
  readonly accordingTo: SourceId | null;
  readonly wounded: boolean;
}

/** The state an event kind leads to; null when the kind leaves the state as it was. */
export function stateAfter(kind: EventKind, previous: State): State | null {
  switch (kind) {
    case 'surrendered':
    case 'captured':
    case 'interned':
    case 'tried':
    case 'sentenced':
      return 'in_custody';
    case 'transferred':
      // A transfer to a hospital is recorded as 'hospitalised'; any other transfer is to custody.
      return 'in_custody';
    case 'visited':
      return previous === 'hospitalised' ? 'hospitalised' : 'in_custody';
    case 'evacuated':
      return previous === 'unknown' || previous === 'missing' ? 'in_custody' : null;
    case 'hospitalised':
      return 'hospitalised';
    case 'wounded':
      return null;
    case 'released':
    case 'exchanged':
    case 'repatriated':
      return 'released';
    case 'escaped':
      return 'at_large';
    case 'died':
      return 'dead';
    case 'missing':
      return 'missing';
    case 'sighted':
      return null;
    case 'contact_restored':
      return 'in_contact';
  }
}

/**
 * Orders a timeline: dated events by date (coarser dates first on ties), undated ones after them in
 * the order they were recorded. Disputed events stay in the timeline but do not drive the status.
 */
export function orderTimeline<E extends Pick<StatusEvent, 'date' | 'recordedAt'>>(events: readonly E[]): E[] {
  return [...events].sort((a, b) => {
    if (a.date && b.date) {
      const c = comparePartialDates(a.date, b.date);
      if (c !== 0) return c;
    } else if (a.date || b.date) return a.date ? -1 : 1;
    return a.recordedAt < b.recordedAt ? -1 : a.recordedAt > b.recordedAt ? 1 : 0;
  });
}

/** The current status and location: a pure reduction over the (non-retracted) events. */
export function currentStatus(
  events: readonly StatusEvent[],
  retracted: ReadonlySet<string> = new Set(),
): CurrentStatus {
  let status: CurrentStatus = {
    state: 'unknown',
    since: null,
    placeId: null,
    placeText: null,
    lastEventId: null,
    accordingTo: null,
    wounded: false,
  };
  const live = events.filter((e) => !retracted.has(e.id) && CONFIDENCE_RANK[e.confidence] > 0);
  for (const e of orderTimeline(live)) {
    const next = stateAfter(e.kind, status.state);
    const placed = e.placeId !== null || e.placeText !== null;
    const leavesPlace = next === 'released' || next === 'at_large' || next === 'missing' || next === 'dead';
    status = {
      state: next ?? status.state,
      since: next ? e.date : status.since,
      placeId: placed ? e.placeId : leavesPlace ? null : status.placeId,
      placeText: placed ? e.placeText : leavesPlace ? null : status.placeText,
      lastEventId: e.id,
      accordingTo: e.sourceId,
      wounded:
        e.kind === 'wounded' ||
        (e.kind === 'hospitalised' && e.severity !== null) ||
        (status.wounded && !leavesPlace),
    };
  }
  return status;
}
