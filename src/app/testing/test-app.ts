/** Test helpers: an app on a given database with a fast password hasher, and actors of every role. */
import { createHash } from 'node:crypto';
import type { Database } from '../../db/dialects/dialect.js';
import { asId, type Actor, type Role, type UserId } from '../../domain/index.js';
import { createApp, type App } from '../create-app.js';
import type { PasswordHasher } from '../ports.js';

/** Stand-in for argon2 in tests that are not about passwords (argon2 is slow by design). */
export const InsecureTestHasher: PasswordHasher = {
  hash: async (p) => `test$${createHash('sha256').update(p).digest('hex')}`,
  verify: async (h, p) => h === `test$${createHash('sha256').update(p).digest('hex')}`,
};

export function testApp(database: Database): App {
  return createApp({ database, hasher: InsecureTestHasher });
}

export function actor(role: Role, n = 1): Actor {
  return {
    userId: asId<UserId>(`00000000-0000-7000-8000-${String(n).padStart(12, '0')}`),
    role,
    via: 'session',
  };
}

export const officer = actor('tracing_officer', 1);
export const registrar = actor('registrar', 2);
export const analyst = actor('analyst', 3);
export const auditor = actor('auditor', 4);
export const admin = actor('admin', 5);

/** A source to cite in tests. */
export async function aSource(
  app: App,
  title = 'Test list',
  reliability: 'A' | 'B' | 'C' | 'D' | 'E' | 'F' = 'C',
) {
  return app.sources.create(officer, {
    kind: 'list',
    title,
    reliability,
    published: '2022-05-20',
    language: 'uk',
  });
}

/** An enquiry from an invented mother, with consent to trace, for the person described by `sought`. */
export function anEnquiry(sought: Record<string, unknown>) {
  return {
    enquirer: { name: 'Invented Enquirer', relationship: 'mother', phone: '+380000000000' },
    consent: { tracing: true, givenOn: '2022-06-01' },
    sought,
    circumstances: { lastSeenPlace: 'Plant', lastSeenDate: { year: 2022, month: 5 } },
  };
}
