/** API tokens for machine clients: issue one for a user (shown once), revoke one. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../authenticate.js';
import { IdParams, NoContent, responses } from '../schemas/common.js';
import { TokenBody, TokenIssuedOut } from '../schemas/requests.js';
import type { PluginOptions } from './options.js';

/** Token routes plugin. */
export const tokensPlugin: FastifyPluginAsyncZod<PluginOptions> = async (server, { app }) => {
  server.post(
    '/api/users/:id/tokens',
    {
      schema: {
        tags: ['tokens'],
        summary: 'Issue an API token (the secret is in this answer only)',
        params: IdParams,
        body: TokenBody,
        response: responses(TokenIssuedOut, 201),
      },
    },
    async (request, reply) =>
      reply.code(201).send(await app.auth.issueToken(actorOf(request), request.params.id, request.body)),
  );
  server.delete(
    '/api/tokens/:id',
    {
      schema: {
        tags: ['tokens'],
        summary: 'Revoke an API token',
        params: IdParams,
        response: responses(NoContent, 204),
      },
    },
    async (request, reply) => {
      await app.auth.revokeToken(actorOf(request), request.params.id);
      return reply.code(204).send(null);
    },
  );
};
