/**
 * First-run setup: GET /setup serves the form, GET /api/setup says whether it is still needed,
 * POST /api/setup creates the first administrator with the one-time token (then 409 SETUP_DONE).
 */
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { NoQuery, responses } from '../schemas/common.js';
import { SetupBody } from '../schemas/requests.js';
import { UserOut } from '../schemas/resources.js';
import { pageCsp } from '../security-headers.js';
import { setupPage } from '../setup-page.js';
import type { PluginOptions } from './options.js';

/** Setup routes plugin. */
export const setupPlugin: FastifyPluginAsyncZod<PluginOptions> = async (server, { app, config }) => {
  server.get(
    '/setup',
    {
      config: { public: true },
      schema: { hide: true, querystring: z.object({ token: z.string().max(200).optional() }) },
    },
    async (_request, reply) => {
      const nonce = randomBytes(16).toString('base64');
      return reply
        .type('text/html; charset=utf-8')
        .header('content-security-policy', pageCsp(nonce))
        .send(setupPage(nonce));
    },
  );
  server.get(
    '/api/setup',
    {
      config: { public: true },
      schema: {
        tags: ['setup'],
        summary: 'Whether the first administrator is still to be created',
        querystring: NoQuery,
        response: responses(z.object({ required: z.boolean() })),
      },
    },
    async () => ({ required: await app.auth.needsSetup() }),
  );
  server.post(
    '/api/setup',
    {
      config: { public: true, rateLimit: { max: config.loginRatePerMinute, timeWindow: 60_000 } },
      schema: {
        tags: ['setup'],
        summary: 'Create the first administrator with the one-time token',
        body: SetupBody,
        response: responses(z.object({ user: UserOut }), 201),
      },
    },
    async (request, reply) => reply.code(201).send({ user: await app.auth.completeSetup(request.body) }),
  );
};
