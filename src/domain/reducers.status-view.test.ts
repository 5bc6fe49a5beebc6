import { test } from 'node:test';
import assert from 'node:assert/strict';
import { asId, currentStatus, personView, type Claim, type StatusEvent, type EventKind } from './index.js';

let n = 0;
function ev(kind: EventKind, date: StatusEvent['date'], extra: Partial<StatusEvent> = {}): StatusEvent {
  n++;
  return {
    id: asId(`e${n}`),
    personId: asId('p'),
    kind,
    date,
    placeId: null,
    placeText: null,
    fromPlaceId: null,
    severity: null,
    details: null,
    confidence: 'probable',
    sourceId: asId('s1'),
    batchId: null,
    recordedAt: `2022-06-01T00:00:${String(n).padStart(2, '0')}Z`,
    recordedBy: asId('u'),
    ...extra,
  };
}

test('status is a reduction over the timeline in date order, whatever the recording order', () => {
  const events = [
    ev('exchanged', { year: 2022, month: 9, day: 21 }),
    ev('surrendered', { year: 2022, month: 5, day: 17 }, { placeText: 'Steelworks' }),
    ev('hospitalised', { year: 2022, month: 5, day: 18 }, { placeText: 'Hospital', severity: 'serious' }),
    ev('transferred', { year: 2022, month: 6 }, { placeText: 'Colony' }),
  ];
  const s = currentStatus(events);
  assert.equal(s.state, 'released');
  assert.equal(s.placeText, null, 'release leaves the place of detention');
  const before = currentStatus(events, new Set([events[0]!.id]));
  assert.equal(before.state, 'in_custody');
  assert.equal(before.placeText, 'Colony');
  assert.equal(before.wounded, true);
});

test('table: each event kind moves the state as expected', () => {
  const table: [EventKind, string][] = [
    ['captured', 'in_custody'],
    ['interned', 'in_custody'],
    ['hospitalised', 'hospitalised'],
    ['released', 'released'],
    ['exchanged', 'released'],
    ['repatriated', 'released'],
    ['escaped', 'at_large'],
    ['died', 'dead'],
    ['missing', 'missing'],
    ['contact_restored', 'in_contact'],
    ['sighted', 'unknown'],
    ['wounded', 'unknown'],
  ];
  for (const [kind, state] of table)
    assert.equal(currentStatus([ev(kind, { year: 2022 })]).state, state, kind);
});

test('disputed events stay in history but do not drive the status', () => {
  assert.equal(
    currentStatus([ev('missing', { year: 2022 }), ev('died', { year: 2023 }, { confidence: 'disputed' })])
      .state,
    'missing',
  );
});

function claim(field: Claim['field'], value: Claim['value'], extra: Partial<Claim> = {}): Claim {
  n++;
  return {
    id: asId(`c${n}`),
    personId: asId('p'),
    field,
    value,
    confidence: 'unconfirmed',
    sensitivity: 'normal',
    sourceId: asId('s1'),
    batchId: null,
    assertedAt: null,
    recordedAt: `2022-06-01T00:00:${String(n).padStart(2, '0')}Z`,
    recordedBy: asId('u'),
    supersedes: null,
    reason: null,
    ...extra,
  };
}

test('the view picks confidence first, then reliability, then date, and lists conflicts once per value', () => {
  const claims = [
    claim('family_name', 'Shevchuk', { sourceId: asId('low') }),
    claim('family_name', 'Shevchenko', { sourceId: asId('high') }),
    claim('family_name', 'shevchenko ', { sourceId: asId('other') }),
    claim('given_name', 'Taras', { confidence: 'confirmed', sourceId: asId('low') }),
    claim('given_name', 'Tarас', { sourceId: asId('high') }),
  ];
  const view = personView(
    asId('p'),
    claims,
    new Set(),
    new Map([
      ['low', 'E'],
      ['high', 'A'],
    ]),
  );
  assert.equal(view.fields.family_name!.best.value, 'Shevchenko');
  assert.deepEqual(
    view.fields.family_name!.best.sourceIds,
    ['high', 'other'],
    'equal values are grouped with all their sources',
  );
  assert.deepEqual(
    view.fields.family_name!.conflicts.map((c) => c.value),
    ['Shevchuk'],
  );
  assert.equal(
    view.fields.given_name!.best.value,
    'Taras',
    'a confirmed claim beats a more reliable unconfirmed one',
  );
});
