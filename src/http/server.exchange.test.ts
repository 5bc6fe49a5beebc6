import { test } from 'node:test';
import assert from 'node:assert/strict';
import { forEachDialect } from '../db/testing/dialects.js';
import { call, codeOf, httpWorld, pathsOf } from './testing/http-fixture.js';

forEachDialect('http exchange lists and the review queue', (fx) => {
  test('a list from an imported source, verified, an entry completed, exported; refused without the permissions', async () => {
    const w = await httpWorld(fx.database(), 'exchange');
    const officer = w.tokens.tracing_officer;
    const src = (
      await call(w.server, 'POST', '/api/sources', {
        token: officer,
        body: { kind: 'list', title: 'Imported for exchange' },
      })
    ).json() as { id: string };
    const person = (
      await call(w.server, 'POST', '/api/persons', {
        token: officer,
        body: {
          sourceId: src.id,
          claims: [
            { field: 'family_name', value: 'Білик' },
            { field: 'given_name', value: 'Назар' },
          ],
          events: [{ kind: 'interned', date: { year: 2022, month: 4 } }],
        },
      })
    ).json() as { person: { id: string } };
    const listId = (
      (
        await call(w.server, 'POST', '/api/exchange-lists', {
          token: officer,
          body: { name: 'HTTP exchange', kind: 'exchange', counterpart: 'Other side' },
        })
      ).json() as { id: string }
    ).id;
    const added = await call(w.server, 'POST', `/api/exchange-lists/${listId}/entries`, {
      token: officer,
      body: { sourceId: src.id },
    });
    assert.equal(added.statusCode, 201);
    assert.deepEqual(added.json(), { added: 1, alreadyListed: 0 });
    const bad = await call(w.server, 'POST', `/api/exchange-lists/${listId}/entries`, {
      token: officer,
      body: { sourceId: 'not-an-id' },
    });
    assert.equal(codeOf(bad), 'VALIDATION_FAILED');
    assert.deepEqual(pathsOf(bad), ['sourceId']);
    await call(w.server, 'POST', `/api/exchange-lists/${listId}/verify`, { token: officer });
    type Entry = {
      id: string;
      version: number;
      name: string;
      location: string | null;
      steps: { to: string }[];
      event: { kind: string; date: string } | null;
      verification: { findings: unknown[] };
    };
    let entry = (
      (await call(w.server, 'GET', `/api/exchange-lists/${listId}`, { token: officer })).json() as {
        entries: Entry[];
      }
    ).entries[0]!;
    assert.equal(entry.name, 'Білик Назар');
    assert.deepEqual(entry.verification.findings, []);
    for (const to of ['verified', 'agreed', 'completed'])
      entry = {
        ...entry,
        ...(
          await call(w.server, 'POST', `/api/exchange-lists/${listId}/entries/${entry.id}/transition`, {
            token: officer,
            body: { to, expectedVersion: entry.version, date: '2022-11-05' },
          })
        ).json(),
      } as Entry;
    entry = (
      (await call(w.server, 'GET', `/api/exchange-lists/${listId}`, { token: officer })).json() as {
        entries: Entry[];
      }
    ).entries[0]!;
    assert.deepEqual(
      entry.steps.map((s) => s.to),
      ['proposed', 'verified', 'agreed', 'completed'],
    );
    assert.deepEqual(entry.event, { kind: 'exchanged', date: '2022-11-05' });
    const csv = await call(w.server, 'GET', `/api/exchange-lists/${listId}/export?format=csv`, {
      token: officer,
    });
    assert.equal(csv.statusCode, 200);
    assert.match(String(csv.headers['content-type']), /^text\/csv/);
    assert.match(String(csv.headers['content-disposition']), /attachment; filename="exchange-list-.*\.csv"/);
    const lines = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    assert.equal(lines.length, 2);
    assert.match(lines[0]!, /^entry,entry_status,submitted_name,identity_confidence,findings,checked_at,/);
    assert.match(lines[1]!, new RegExp(`^1,completed,,1,,.*,${person.person.id},Білик,Назар,`));
    assert.match(lines[1]!, /exchanged,2022-11-05/);
    const pfif = await call(w.server, 'GET', `/api/exchange-lists/${listId}/export?format=pfif`, {
      token: officer,
    });
    assert.match(pfif.body, /<pfif:family_name>Білик<\/pfif:family_name>/);
    const fields = await call(
      w.server,
      'GET',
      `/api/exchange-lists/${listId}/export?format=jsonl&fields=family_name`,
      { token: officer },
    );
    assert.deepEqual(Object.keys(JSON.parse(fields.body.trim()) as object), [
      'entry',
      'entry_status',
      'submitted_name',
      'identity_confidence',
      'findings',
      'checked_at',
      'family_name',
    ]);
    assert.equal(
      codeOf(
        await call(w.server, 'GET', `/api/exchange-lists/${listId}/export?format=doc`, { token: officer }),
      ),
      'VALIDATION_FAILED',
    );
    for (const role of ['registrar', 'analyst', 'auditor'] as const)
      assert.equal(
        codeOf(
          await call(w.server, 'GET', `/api/exchange-lists/${listId}/export?format=csv`, {
            token: w.tokens[role],
          }),
        ),
        'FORBIDDEN',
        role,
      );
  });

  test('an enquiry candidate in the review queue: listed, side by side, confirmed through the queue', async () => {
    const w = await httpWorld(fx.database(), 'queue');
    const officer = w.tokens.tracing_officer;
    const src = (
      await call(w.server, 'POST', '/api/sources', { token: officer, body: { kind: 'list', title: 'Queue' } })
    ).json() as { id: string };
    const person = (
      await call(w.server, 'POST', '/api/persons', {
        token: officer,
        body: {
          sourceId: src.id,
          claims: [
            { field: 'family_name', value: 'Вакуленко' },
            { field: 'given_name', value: 'Євген' },
            { field: 'date_of_birth', value: { year: 1986, month: 2, day: 17 } },
          ],
        },
      })
    ).json() as { person: { id: string } };
    const enquiry = (
      await call(w.server, 'POST', '/api/enquiries', {
        token: officer,
        body: {
          enquirer: { name: 'Invented Wife', relationship: 'wife' },
          consent: { tracing: true, givenOn: '2022-06-02' },
          sought: {
            family_name: 'Vakulenko',
            given_name: 'Yevhen',
            date_of_birth: { year: 1986, month: 2, day: 17 },
          },
        },
      })
    ).json() as { id: string };
    const queue = (await call(w.server, 'GET', '/api/review', { token: officer })).json() as {
      items: { id: string; kind: string; leftId: string }[];
    };
    const item = queue.items.find((i) => i.kind === 'enquiry_person' && i.leftId === enquiry.id);
    assert.ok(item);
    const detail = await call(w.server, 'GET', `/api/review/${item.id}`, { token: officer });
    assert.equal(detail.statusCode, 200);
    const d = detail.json() as {
      enquiry: { id: string; status: string };
      left: { view: { fields: Record<string, { best: { value: unknown } }> } };
      right: { id: string };
    };
    assert.equal(d.enquiry.status, 'candidate_found');
    assert.equal(d.left.view.fields['family_name']!.best.value, 'Vakulenko');
    assert.equal(d.right.id, person.person.id);
    const decided = await call(w.server, 'POST', `/api/review/${item.id}/decision`, {
      token: officer,
      body: { decision: 'accepted' },
    });
    assert.deepEqual(decided.json(), { id: item.id, status: 'accepted', mergeId: null });
    const e = (await call(w.server, 'GET', `/api/enquiries/${enquiry.id}`, { token: officer })).json() as {
      status: string;
      personId: string;
    };
    assert.equal(e.status, 'confirmed');
    assert.equal(e.personId, person.person.id);
  });
});
