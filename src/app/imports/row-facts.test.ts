import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import type { ClaimInput, EventInput } from '../../domain/index.js';
import { contentHash } from './row-facts.js';

/**
 * The digest as imports have stored it in `import_rows.content_hash`: each claim and event hashed
 * in turn. A re-import compares against stored digests, so the same row must keep the same one.
 */
function storedDigest(claims: readonly ClaimInput[], events: readonly EventInput[]): string {
  const h = createHash('sha256');
  for (const c of claims) h.update(`${c.field}\u0000${JSON.stringify(c.value)}\u0001`);
  for (const e of events)
    h.update(
      `${e.kind}\u0000${JSON.stringify(e.date ?? null)}\u0000${e.placeText ?? ''}\u0000${e.details ?? ''}\u0001`,
    );
  return h.digest('base64url').slice(0, 27);
}

const claim = (field: ClaimInput['field'], value: ClaimInput['value']): ClaimInput => ({
  field,
  value,
  confidence: 'unconfirmed',
  sensitivity: 'normal',
  assertedAt: null,
});

const event = (over: Partial<EventInput>): EventInput => ({
  kind: 'captured',
  date: null,
  placeId: null,
  placeText: null,
  fromPlaceId: null,
  severity: null,
  details: null,
  confidence: 'unconfirmed',
  ...over,
});

test('a row keeps the content digest earlier imports stored, and any change of a value changes it', () => {
  const rows: [ClaimInput[], EventInput[]][] = [
    [[], []],
    [
      [
        claim('family_name', 'Самойленко'),
        claim('given_name', "Мар'яна"),
        claim('date_of_birth', { year: 1991, month: 2 }),
      ],
      [event({ date: { year: 2022, month: 5, day: 17 }, placeText: 'Оленівка' })],
    ],
    [
      [claim('notes', 'line one\nline two, "quoted" \u0000 and 🙂')],
      [event({ kind: 'hospitalised', details: 'ward 3' }), event({ kind: 'released' })],
    ],
  ];
  const seen = new Set<string>();
  for (const [claims, events] of rows) {
    const digest = contentHash(claims, events);
    assert.equal(digest, storedDigest(claims, events));
    assert.match(digest, /^[A-Za-z0-9_-]{27}$/);
    seen.add(digest);
  }
  assert.equal(seen.size, rows.length, 'different rows, different digests');
  const [claims, events] = rows[1]!;
  const moved = [{ ...claims[0]!, value: 'Самойленка' }, ...claims.slice(1)];
  assert.notEqual(contentHash(moved, events), contentHash(claims, events));
  assert.notEqual(
    contentHash(claims, [event({ ...events[0]!, placeText: 'Мелітополь' })]),
    contentHash(claims, events),
  );
});
