/**
 * End-to-end harness: the real server (buildServer + createApp) on a temporary SQLite database,
 * listening on 127.0.0.1, seeded through the app; and Debian's Chromium driven by playwright-core
 * with a fresh profile. Nothing is downloaded: without /usr/bin/chromium or a built web/dist the
 * suites skip with a message saying which is missing.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { createApp, type App } from '../src/app/index.js';
import { InsecureTestHasher } from '../src/app/testing/test-app.js';
import { testConfig } from '../src/config/config.js';
import { openDatabase, type Database } from '../src/db/dialects/dialect.js';
import { migrateToLatest } from '../src/db/migrations/index.js';
import { systemActor, type Actor, type Role } from '../src/domain/index.js';
import { buildServer } from '../src/http/build-server.js';
import { defaultWebRoot } from '../src/http/plugins/web.js';

export const CHROMIUM = '/usr/bin/chromium';
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
/** The two screens the application must work on. */
export const VIEWPORTS = {
  laptop: { width: 1366, height: 768 },
  tablet: { width: 820, height: 1180 },
} as const;
/** Every seeded user's password. */
export const PASSWORD = 'e2e password 12345';
const ARTIFACTS = fileURLToPath(new URL('../../test-artifacts/', import.meta.url));

/** Why the browser suites cannot run here, or null when they can. */
export function skipReason(): string | null {
  if (!existsSync(CHROMIUM)) return `${CHROMIUM} is absent (apt-get install chromium)`;
  if (!defaultWebRoot()) return 'web/dist is not built (npm run build:web)';
  return null;
}

/** A running server with its app, base URL and one user per role. */
export interface World {
  readonly app: App;
  readonly url: string;
  readonly users: Record<Role, { id: string; username: string; actor: Actor }>;
  close(): Promise<void>;
}

/** Starts the server on a fresh database with one user per role (user names `<role>-e2e`). */
export async function startWorld(): Promise<World> {
  const dir = mkdtempSync(join(tmpdir(), 'wa-e2e-'));
  const database: Database = openDatabase(join(dir, 'e2e.sqlite'));
  await migrateToLatest(database);
  const app = createApp({ database, hasher: InsecureTestHasher });
  const config = testConfig({ loginRatePerMinute: 10_000, apiRatePerMinute: 1_000_000 });
  const server = await buildServer({ app, config });
  const url = await server.listen({ host: '127.0.0.1', port: 0 });
  const users = {} as World['users'];
  for (const role of ['admin', 'registrar', 'tracing_officer', 'analyst', 'auditor'] as const) {
    const u = await app.auth.addUser(systemActor, {
      username: `${role.replace('_', '-')}-e2e`,
      displayName: `E2E ${role}`,
      role,
      password: PASSWORD,
    });
    users[role] = { id: u.id, username: u.username, actor: { userId: u.id, role, via: 'session' } as Actor };
  }
  return {
    app,
    url,
    users,
    close: async () => {
      await server.close();
      await database.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A browser with a fresh profile directory, closed (and its profile removed) by `close`. */
export async function openBrowser(
  viewport: { width: number; height: number } = VIEWPORTS.laptop,
  locale = 'en-GB',
) {
  const profile = mkdtempSync(join(tmpdir(), 'wa-chromium-'));
  const context: BrowserContext = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    args: ARGS,
    headless: true,
    viewport,
    locale,
  });
  const page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(10_000);
  return {
    context,
    page,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Signs in through the form and waits for the shell. */
export async function signIn(page: Page, url: string, username: string): Promise<void> {
  await page.goto(url);
  await page.getByLabel('User name').fill(username);
  await page.locator('input[autocomplete="current-password"]').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('button', { name: 'Sign out' }).waitFor();
}

/** Saves a full-page screenshot as test-artifacts/<name>.png. */
export async function shot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const path = join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}
