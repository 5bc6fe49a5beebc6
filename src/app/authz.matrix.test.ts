import { test } from 'node:test';
import assert from 'node:assert/strict';
import { forEachDialect } from '../db/testing/dialects.js';
import {
  ROLES,
  can,
  isDomainError,
  type Permission,
  type Role,
  PERSONAL_PERMISSIONS,
  ROLE_PERMISSIONS,
} from '../domain/index.js';
import { actor, aSource, officer, testApp } from './testing/test-app.js';
import type { App } from './create-app.js';

type Case = {
  name: string;
  permission: Permission;
  run: (app: App, role: Role, ids: Ids) => Promise<unknown>;
};
type Ids = { person: string; source: string; place: string };

const CASES: Case[] = [
  {
    name: 'register person',
    permission: 'person.write',
    run: (app, r, ids) =>
      app.persons.register(actor(r), { sourceId: ids.source, claims: [{ field: 'rank', value: 'x' }] }),
  },
  {
    name: 'add claim',
    permission: 'person.write',
    run: (app, r, ids) =>
      app.persons.addClaim(actor(r), ids.person, {
        sourceId: ids.source,
        claim: { field: 'unit', value: 'u' },
      }),
  },
  {
    name: 'add event',
    permission: 'person.write',
    run: (app, r, ids) =>
      app.persons.addEvent(actor(r), ids.person, { sourceId: ids.source, event: { kind: 'sighted' } }),
  },
  {
    name: 'read person',
    permission: 'person.read',
    run: (app, r, ids) => app.persons.get(actor(r), ids.person),
  },
  { name: 'list persons', permission: 'person.read', run: (app, r) => app.persons.list(actor(r), {}) },
  {
    name: 'merge',
    permission: 'person.merge',
    run: (app, r, ids) =>
      app.persons.merge(actor(r), { survivorId: ids.person, mergedId: ids.person, reason: 'x' }),
  },
  {
    name: 'create source',
    permission: 'source.write',
    run: (app, r) => app.sources.create(actor(r), { kind: 'list', title: 't' }),
  },
  { name: 'list sources', permission: 'source.read', run: (app, r) => app.sources.list(actor(r), {}) },
  {
    name: 'create place',
    permission: 'place.write',
    run: (app, r) => app.places.create(actor(r), { name: 'p', kind: 'town' }),
  },
  { name: 'list places', permission: 'place.read', run: (app, r) => app.places.list(actor(r), {}) },
  {
    name: 'add user',
    permission: 'user.manage',
    run: (app, r) =>
      app.auth.addUser(actor(r), {
        username: `u${r}`,
        displayName: 'U',
        role: 'analyst',
        password: 'correct horse battery',
      }),
  },
  { name: 'list users', permission: 'user.manage', run: (app, r) => app.auth.listUsers(actor(r)) },
  { name: 'read audit', permission: 'audit.read', run: (app, r) => app.audit.list(actor(r), {}) },
  { name: 'verify audit', permission: 'audit.verify', run: (app, r) => app.audit.verify(actor(r)) },
  { name: 'stats', permission: 'stats.read', run: (app, r) => app.stats.get(actor(r), {}) },
];

test('analysts and auditors hold no permission that returns personal data', () => {
  for (const role of ['analyst', 'auditor'] as const)
    for (const p of ROLE_PERMISSIONS[role])
      assert.equal(PERSONAL_PERMISSIONS.has(p), false, `${role} has ${p}`);
});

forEachDialect('authorization per use case and role', (fx) => {
  for (const c of CASES) {
    test(c.name, async () => {
      const app = testApp(fx.database());
      const src = await aSource(app);
      const place = await app.places.create(officer, { name: 'Somewhere', kind: 'town' });
      const { person } = await app.persons.register(officer, {
        sourceId: src.id,
        claims: [{ field: 'family_name', value: 'Marchenko' }],
      });
      const ids = { person: person.id, source: src.id, place: place.id };
      for (const role of ROLES) {
        const outcome = await c.run(app, role, ids).then(
          () => 'ok',
          (e: unknown) => (isDomainError(e) ? e.code : String(e)),
        );
        if (can(role, c.permission))
          assert.notEqual(outcome, 'FORBIDDEN', `${role} should be allowed to ${c.name}`);
        else assert.equal(outcome, 'FORBIDDEN', `${role} must not ${c.name}`);
      }
    });
  }
});
