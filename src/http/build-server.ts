/**
 * The HTTP server factory: `buildServer({ app, config })` returns a ready Fastify instance without
 * listening, so tests use `inject` and the CLI decides where to listen. One plugin per module.
 */
import Fastify, {
  LogController,
  type FastifyBaseLogger,
  type FastifyInstance,
  type FastifyReply,
} from 'fastify';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import { serializerCompiler } from 'fastify-type-provider-zod';
import type { App, Logger } from '../app/index.js';
import type { Config } from '../config/config.js';
import { DomainError } from '../domain/index.js';
import { installAuthentication } from './authenticate.js';
import { toErrorResponse } from './error-mapping.js';
import { asFastifyLogger, installRequestLog, loggerOptions } from './logging.js';
import { applySecurityHeaders, installSecurityHeaders } from './security-headers.js';
import { zodValidatorCompiler } from './validation.js';
import { auditPlugin } from './plugins/audit.js';
import { authPlugin } from './plugins/auth.js';
import { docsPlugin, registerOpenApi } from './plugins/docs.js';
import { healthPlugin } from './plugins/health.js';
import { importsPlugin } from './plugins/imports.js';
import { exportsPlugin } from './plugins/exports.js';
import { matchingPlugin } from './plugins/matching.js';
import { modelsPlugin } from './plugins/models.js';
import { tracingPlugin } from './plugins/tracing.js';
import { reportsPlugin } from './plugins/reports.js';
import { personsPlugin } from './plugins/persons.js';
import { placesPlugin } from './plugins/places.js';
import { setupPlugin } from './plugins/setup.js';
import { sourcesPlugin } from './plugins/sources.js';
import { statsPlugin } from './plugins/stats.js';
import { tokensPlugin } from './plugins/tokens.js';
import { usersPlugin } from './plugins/users.js';
import { webPlugin } from './plugins/web.js';

export interface ServerDeps {
  readonly app: App;
  readonly config: Readonly<Config>;
  /** A logger to use (pino, or the app's Logger port); by default one is made from config.logLevel with redaction. */
  readonly logger?: FastifyBaseLogger | Logger;
  /** The API version shown in the OpenAPI document. */
  readonly version?: string;
}

const ROUTE_PLUGINS = [
  healthPlugin,
  setupPlugin,
  authPlugin,
  usersPlugin,
  tokensPlugin,
  sourcesPlugin,
  placesPlugin,
  personsPlugin,
  importsPlugin,
  exportsPlugin,
  matchingPlugin,
  modelsPlugin,
  tracingPlugin,
  reportsPlugin,
  auditPlugin,
  statsPlugin,
  docsPlugin,
];

function installErrorHandling(server: FastifyInstance): void {
  server.setErrorHandler((err, request, reply) => {
    const { status, body, internal } = toErrorResponse(err);
    // Only the kind of error and where it was thrown: messages may quote input, which may be personal.
    if (internal)
      request.log.error(
        {
          errName: (err as Error)?.name,
          errCode: (err as { code?: unknown })?.code,
          stack: (err as Error)?.stack?.split('\n').slice(1).join('\n'),
        },
        'unexpected error',
      );
    return reply.code(status).send(body);
  });
  server.setNotFoundHandler((request, reply) => {
    const { status, body } = toErrorResponse(
      new DomainError('NOT_FOUND', `no route ${request.method} for this path`),
    );
    return reply.code(status).send(body);
  });
}

/** Builds the server: plugins registered and ready, not listening. */
export async function buildServer(deps: ServerDeps): Promise<FastifyInstance> {
  const { app, config } = deps;
  const server = Fastify({
    ...(deps.logger ? { loggerInstance: asFastifyLogger(deps.logger) } : { logger: loggerOptions(config) }),
    logController: new LogController({ disableRequestLogging: true }),
    trustProxy: config.trustProxy,
    bodyLimit: config.bodyLimitBytes,
    return503OnClosing: true,
    // Errors raised before routing (a malformed URL) get the same envelope as every other error.
    frameworkErrors: (err, request, reply) => {
      const { status, body } = toErrorResponse(err);
      applySecurityHeaders(reply as FastifyReply, request.url);
      void (reply as FastifyReply).code(status).send(body);
    },
  });
  server.setValidatorCompiler(zodValidatorCompiler);
  server.setSerializerCompiler(serializerCompiler);
  installErrorHandling(server);
  installSecurityHeaders(server);
  installRequestLog(server);
  await server.register(cookie);
  await server.register(rateLimit, {
    global: true,
    max: config.apiRatePerMinute,
    timeWindow: 60_000,
    errorResponseBuilder: (_request, ctx) =>
      new DomainError('RATE_LIMITED', `too many requests; try again in ${Math.ceil(ctx.ttl / 1000)} s`, {
        details: { retryAfterSeconds: Math.ceil(ctx.ttl / 1000) },
      }),
  });
  installAuthentication(server, app);
  await registerOpenApi(server, deps.version ?? '0.1.0');
  for (const plugin of ROUTE_PLUGINS) await server.register(plugin, { app, config });
  await server.register(webPlugin, { app, config });
  await server.ready();
  return server;
}
