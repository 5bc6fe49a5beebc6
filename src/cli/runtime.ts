/**
 * The composition root for the command line: configuration, database, logger and app, built once
 * per command from the validated, frozen configuration.
 */
import { loadConfig, type Config } from '../config/config.js';
import type { Database } from '../db/dialects/dialect.js';
import type { App, Logger } from '../app/index.js';
import type { CliContext } from './context.js';

export interface Runtime {
  readonly config: Readonly<Config>;
  readonly database: Database;
  readonly app: App;
  readonly logger: Logger;
  close(): Promise<void>;
}

/** The configuration with the global --db option applied. */
export function cliConfig(ctx: CliContext, overrides: Partial<Config> = {}): Readonly<Config> {
  const db = ctx.db();
  return loadConfig(undefined, { ...(db ? { db } : {}), ...overrides });
}

/**
 * Opens the database (migrating it to the latest schema) and builds the app. The app, the database
 * drivers and the logger are loaded here, on demand, so that commands which need no registry
 * (help, dedupe, names, reports extract) start without them.
 */
export async function openRuntime(ctx: CliContext, overrides: Partial<Config> = {}): Promise<Runtime> {
  const config = cliConfig(ctx, overrides);
  const [{ pino }, { openDatabase }, { migrateToLatest }, { createApp }] = await Promise.all([
    import('pino'),
    import('../db/dialects/dialect.js'),
    import('../db/migrations/index.js'),
    import('../app/index.js'),
  ]);
  const logger = pino(
    { level: config.logLevel, base: { service: 'whereabouts' } },
    pino.destination(2),
  ) as unknown as Logger;
  const database = openDatabase(config.db);
  try {
    await migrateToLatest(database);
  } catch (e) {
    await database.close();
    throw e;
  }
  const app = createApp({ database, logger, settings: { sessionTtlHours: config.sessionTtlHours } });
  await app.models.loadActive(); // the model officers activated, if any, instead of the shipped one
  return { config, database, app, logger, close: () => database.close() };
}

/** Runs `fn` with a runtime and closes it afterwards, whatever happens. */
export async function withRuntime<T>(
  ctx: CliContext,
  fn: (rt: Runtime) => Promise<T>,
  overrides: Partial<Config> = {},
): Promise<T> {
  const rt = await openRuntime(ctx, overrides);
  try {
    return await fn(rt);
  } finally {
    await rt.close();
  }
}
