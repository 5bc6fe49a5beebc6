/**
 * Test helpers for the HTTP edge: a server on a test database with one user (and API token) per
 * role, and small wrappers around `inject`. Never listens.
 */
import type { FastifyBaseLogger, FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import type { Database } from '../../db/dialects/dialect.js';
import { createApp, type App, type Clock } from '../../app/index.js';
import { InsecureTestHasher } from '../../app/testing/test-app.js';
import { testConfig, type Config } from '../../config/config.js';
import { ROLES, systemActor, type Role, type User } from '../../domain/index.js';
import { buildServer } from '../build-server.js';

/** The password every test user has. */
export const TEST_PASSWORD = 'correct horse battery staple';

export interface HttpWorld {
  readonly app: App;
  readonly server: FastifyInstance;
  readonly users: Record<Role, User>;
  /** A bearer API token per role. */
  readonly tokens: Record<Role, string>;
}

/** A clock the test moves by hand. */
export function manualClock(start = new Date('2026-01-10T10:00:00Z')): Clock & { advance(ms: number): void } {
  let now = start.getTime();
  return { now: () => new Date(now), advance: (ms) => void (now += ms) };
}

/** A server without users (for the setup flow). Login limits are high unless the test sets them. */
export async function bareServer(
  database: Database,
  opts: { config?: Partial<Config>; clock?: Clock; logger?: FastifyBaseLogger } = {},
) {
  const app = createApp({ database, hasher: InsecureTestHasher, ...(opts.clock && { clock: opts.clock }) });
  const server = await buildServer({
    app,
    config: testConfig({ loginRatePerMinute: 10_000, ...opts.config }),
    ...(opts.logger && { logger: opts.logger }),
  });
  return { app, server };
}

/** A server with one user and one API token per role; usernames carry `tag` so suites can share a database. */
export async function httpWorld(
  database: Database,
  tag: string,
  opts: { config?: Partial<Config>; logger?: FastifyBaseLogger } = {},
): Promise<HttpWorld> {
  const { app, server } = await bareServer(database, opts);
  const users = {} as Record<Role, User>;
  const tokens = {} as Record<Role, string>;
  for (const role of ROLES) {
    users[role] = await app.auth.addUser(systemActor, {
      username: `${tag}-${role}`,
      displayName: `Test ${role}`,
      role,
      password: TEST_PASSWORD,
    });
    tokens[role] = (await app.auth.issueToken(systemActor, users[role].id, { name: 'tests' })).token;
  }
  return { app, server, users, tokens };
}

export interface CallOptions {
  readonly token?: string;
  readonly cookie?: string;
  readonly csrf?: string;
  readonly body?: unknown;
  readonly headers?: Record<string, string>;
}

/** One request; `body` is sent as JSON. */
export function call(
  server: FastifyInstance,
  method: InjectOptions['method'],
  url: string,
  o: CallOptions = {},
): Promise<LightMyRequestResponse> {
  const headers: Record<string, string> = { ...o.headers };
  if (o.token) headers['authorization'] = `Bearer ${o.token}`;
  if (o.cookie) headers['cookie'] = o.cookie;
  if (o.csrf) headers['x-csrf-token'] = o.csrf;
  return server.inject({ method, url, headers, ...(o.body !== undefined && { payload: o.body as object }) });
}

/** Signs in and returns the cookie to send back and the CSRF token. */
export async function signIn(
  server: FastifyInstance,
  username: string,
  password = TEST_PASSWORD,
  headers: Record<string, string> = {},
) {
  const r = await call(server, 'POST', '/api/auth/login', { body: { username, password }, headers });
  const setCookie = String(r.headers['set-cookie'] ?? '');
  const cookie = setCookie.split(';')[0] ?? '';
  return {
    response: r,
    setCookie,
    cookie,
    csrfToken: r.statusCode === 200 ? (r.json() as { csrfToken: string }).csrfToken : '',
  };
}

/** The error code of an error response. */
export function codeOf(r: LightMyRequestResponse): string | undefined {
  return (r.json() as { error?: { code?: string } }).error?.code;
}

/** The field paths named by an error response. */
export function pathsOf(r: LightMyRequestResponse): string[] {
  const issues =
    (r.json() as { error?: { details?: { issues?: { path?: string }[] } } }).error?.details?.issues ?? [];
  return issues.map((i) => i.path ?? '');
}
