/**
 * Request logging without personal data. Fastify's own request logs (which carry the URL, and so
 * the query string, where a name may be searched) are turned off; one line per request records the
 * method, the route pattern (never the concrete URL), the status and the duration. Redaction is a
 * second guard should anything log a request or its headers anyway.
 */
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import type { Logger } from '../app/index.js';
import type { Config } from '../config/config.js';

/** Paths pino removes from any object logged through the server's logger. */
export const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-csrf-token"]',
  'req.body',
  'req.query',
  'req.url',
  'res.headers["set-cookie"]',
  'headers.authorization',
  'headers.cookie',
  'body',
  'query',
];

/** pino options for the logger the server creates when none is given. */
export function loggerOptions(config: Pick<Config, 'logLevel'>) {
  return {
    level: config.logLevel,
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    serializers: {
      req: (req: { method?: string; routeOptions?: { url?: string } }) => ({
        method: req.method,
        route: req.routeOptions?.url ?? 'unmatched',
      }),
      res: (res: { statusCode?: number }) => ({ status: res.statusCode }),
    },
  };
}

/** Logs one line per finished request: method, route pattern, status, duration. */
export function installRequestLog(server: FastifyInstance): void {
  server.addHook('onResponse', async (request, reply) => {
    request.log.info(
      {
        method: request.method,
        route: request.routeOptions.url ?? 'unmatched',
        status: reply.statusCode,
        ms: Math.round(reply.elapsedTime * 10) / 10,
      },
      'request',
    );
  });
}

/**
 * Accepts the app's Logger port (any pino logger satisfies it) as Fastify's logger. A pino logger
 * is used as is; a narrower logger gets the missing levels mapped onto the ones it has.
 */
export function asFastifyLogger(logger: Logger | FastifyBaseLogger): FastifyBaseLogger {
  const l = logger as Partial<FastifyBaseLogger>;
  if (typeof l.fatal === 'function' && typeof l.trace === 'function' && typeof l.level === 'string')
    return logger as FastifyBaseLogger;
  const port = logger as Logger;
  return {
    level: 'info',
    info: port.info.bind(port),
    warn: port.warn.bind(port),
    error: port.error.bind(port),
    debug: port.debug.bind(port),
    fatal: port.error.bind(port),
    trace: port.debug.bind(port),
    silent: () => undefined,
    child: (bindings: Record<string, unknown>) => asFastifyLogger(port.child(bindings)),
  } as unknown as FastifyBaseLogger;
}
