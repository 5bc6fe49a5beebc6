/**
 * Configuration: the only module that reads process.env. It validates once and returns a frozen
 * object; everything else receives it from the composition root.
 */
import { z } from 'zod';
import { DomainError } from '../domain/errors.js';
import { zodIssues } from '../domain/validation.js';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no', 'auto'])
  .transform((v) => (v === 'auto' ? 'auto' : v === 'true' || v === '1' || v === 'yes'));

const Schema = z.object({
  WHEREABOUTS_DB: z.string().min(1).default('./data/whereabouts.sqlite'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  WHEREABOUTS_BASE_URL: z.url().optional(),
  WHEREABOUTS_LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
    .default('info'),
  /** Secure cookies: 'auto' sets them when the request came over https (directly or via a trusted proxy). */
  WHEREABOUTS_SECURE_COOKIES: bool.default('auto'),
  WHEREABOUTS_TRUST_PROXY: bool.default(false),
  WHEREABOUTS_SESSION_TTL_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(12),
  WHEREABOUTS_BODY_LIMIT_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(1024 ** 3)
    .default(1024 * 1024),
  WHEREABOUTS_UPLOAD_LIMIT_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(16 * 1024 ** 3)
    .default(2 * 1024 ** 3),
  WHEREABOUTS_LOGIN_RATE_PER_MINUTE: z.coerce.number().int().min(1).max(10_000).default(10),
  WHEREABOUTS_API_RATE_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(1200),
});

export interface Config {
  readonly db: string;
  readonly host: string;
  readonly port: number;
  readonly baseUrl: string;
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  readonly secureCookies: boolean | 'auto';
  readonly trustProxy: boolean;
  readonly sessionTtlHours: number;
  readonly bodyLimitBytes: number;
  readonly uploadLimitBytes: number;
  readonly loginRatePerMinute: number;
  readonly apiRatePerMinute: number;
}

/** Reads and validates configuration from an environment (process.env by default), then freezes it. */
export function loadConfig(
  env: Record<string, string | undefined> = process.env,
  overrides: Partial<Config> = {},
): Readonly<Config> {
  const parsed = Schema.safeParse(
    Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== '')),
  );
  if (!parsed.success)
    throw new DomainError('VALIDATION_FAILED', 'invalid configuration in the environment', {
      issues: zodIssues(parsed.error),
    });
  const e = parsed.data;
  const host = overrides.host ?? e.HOST;
  const port = overrides.port ?? e.PORT;
  const config: Config = {
    db: e.WHEREABOUTS_DB,
    host,
    port,
    baseUrl:
      e.WHEREABOUTS_BASE_URL ??
      `http://${host === '0.0.0.0' || host === '127.0.0.1' ? 'localhost' : host}:${port}`,
    logLevel: e.WHEREABOUTS_LOG_LEVEL,
    secureCookies: e.WHEREABOUTS_SECURE_COOKIES,
    trustProxy: e.WHEREABOUTS_TRUST_PROXY === true,
    sessionTtlHours: e.WHEREABOUTS_SESSION_TTL_HOURS,
    bodyLimitBytes: e.WHEREABOUTS_BODY_LIMIT_BYTES,
    uploadLimitBytes: e.WHEREABOUTS_UPLOAD_LIMIT_BYTES,
    loginRatePerMinute: e.WHEREABOUTS_LOGIN_RATE_PER_MINUTE,
    apiRatePerMinute: e.WHEREABOUTS_API_RATE_PER_MINUTE,
    ...overrides,
  };
  return Object.freeze(config);
}

/** A configuration for tests: defaults, no environment. */
export function testConfig(overrides: Partial<Config> = {}): Readonly<Config> {
  return loadConfig({}, { logLevel: 'silent', ...overrides });
}
