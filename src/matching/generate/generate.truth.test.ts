import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { generate } from './index.js';

describe('generate: truth', () => {
  const data = generate({ persons: 1500, sources: 4, seed: 7 });

  test('every record of every source is in the truth exactly once, with its source', () => {
    const truthBySource = new Map<string, string[]>();
    const seen = new Set<string>();
    for (const t of data.truth) {
      assert.ok(!seen.has(t.recordId), `record ${t.recordId} appears twice in the truth`);
      seen.add(t.recordId);
      (truthBySource.get(t.source) ?? truthBySource.set(t.source, []).get(t.source))?.push(t.recordId);
    }
    for (const source of data.sources) {
      assert.deepEqual(
        source.rows.map((r) => r.record_id),
        truthBySource.get(source.name),
        source.name,
      );
    }
    assert.equal(
      seen.size,
      data.sources.reduce((n, s) => n + s.rows.length, 0),
    );
  });

  test('every person appears in at least one source and every truth person exists', () => {
    const ids = new Set(data.population.map((p) => p.id));
    const listed = new Set(data.truth.map((t) => t.personId));
    for (const id of listed) assert.ok(ids.has(id), `unknown person ${id}`);
    assert.equal(listed.size, ids.size);
  });

  test('a person appears in several sources, and some twice in one source', () => {
    const sourcesOf = new Map<string, string[]>();
    for (const t of data.truth)
      (sourcesOf.get(t.personId) ?? sourcesOf.set(t.personId, []).get(t.personId))?.push(t.source);
    const inSeveral = [...sourcesOf.values()].filter((s) => new Set(s).size > 1).length;
    const twiceInOne = [...sourcesOf.values()].filter((s) => new Set(s).size < s.length).length;
    assert.ok(inSeveral > data.population.length / 2, `${inSeveral} persons in several sources`);
    assert.ok(twiceInOne > 0, 'no person is listed twice by one source');
  });

  test('record ids are unique across sources, so the lists can be concatenated', () => {
    const all = data.sources.flatMap((s) => s.rows.map((r) => r.record_id));
    assert.equal(new Set(all).size, all.length);
  });

  test('the population holds look-alikes that are different persons', () => {
    const byId = new Map(data.population.map((p) => [p.id, p]));
    const siblings = data.population.filter((p) => p.lookalike?.relation === 'sibling');
    const namesakes = data.population.filter((p) => p.lookalike?.relation === 'namesake');
    assert.ok(siblings.length > 0 && namesakes.length > 0);
    for (const p of siblings) {
      const other = byId.get(p.lookalike?.personId ?? '');
      assert.ok(other && other.id !== p.id);
      assert.equal(p.birthPlace.name, other.birthPlace.name);
      assert.notEqual(p.givenName, other.givenName);
    }
    for (const p of namesakes) {
      const other = byId.get(p.lookalike?.personId ?? '');
      assert.ok(other && other.id !== p.id);
      assert.equal(p.familyName, other.familyName);
      assert.equal(p.givenName, other.givenName);
    }
  });

  test('every source declares a column for each field type it maps, and ages name their date', () => {
    for (const source of data.sources) {
      for (const column of Object.values(source.fields)) assert.ok(source.header.includes(column as string));
      assert.equal(source.fields.record_id, 'record_id');
      if (source.fields.age !== undefined) assert.equal(source.fields.age_as_of, source.fields.event_date);
    }
  });
});
