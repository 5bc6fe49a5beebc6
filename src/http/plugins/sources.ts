/** Sources: list, create, read, update (optimistic concurrency) and delete when nothing cites them. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { SourceInput } from '../../domain/index.js';
import { actorOf } from '../authenticate.js';
import { IdParams, NoContent, NoQuery, page, responses } from '../schemas/common.js';
import { SourceListQuery, SourceUpdateBody } from '../schemas/requests.js';
import { SourceOut } from '../schemas/resources.js';
import type { PluginOptions } from './options.js';

/** Source routes plugin. */
export const sourcesPlugin: FastifyPluginAsyncZod<PluginOptions> = async (server, { app }) => {
  server.get(
    '/api/sources',
    {
      schema: {
        tags: ['sources'],
        summary: 'List sources',
        querystring: SourceListQuery,
        response: responses(page(SourceOut)),
      },
    },
    async (request) => app.sources.list(actorOf(request), { ...request.query }),
  );
  server.post(
    '/api/sources',
    {
      schema: {
        tags: ['sources'],
        summary: 'Create a source',
        body: SourceInput,
        response: responses(SourceOut, 201),
      },
    },
    async (request, reply) => reply.code(201).send(await app.sources.create(actorOf(request), request.body)),
  );
  server.get(
    '/api/sources/:id',
    {
      schema: {
        tags: ['sources'],
        summary: 'Read a source',
        querystring: NoQuery,
        params: IdParams,
        response: responses(SourceOut),
      },
    },
    async (request) => app.sources.get(actorOf(request), request.params.id),
  );
  server.patch(
    '/api/sources/:id',
    {
      schema: {
        tags: ['sources'],
        summary: 'Update a source at an expected version',
        params: IdParams,
        body: SourceUpdateBody,
        response: responses(SourceOut),
      },
    },
    async (request) => app.sources.update(actorOf(request), request.params.id, request.body),
  );
  server.delete(
    '/api/sources/:id',
    {
      schema: {
        tags: ['sources'],
        summary: 'Delete a source that nothing cites',
        params: IdParams,
        response: responses(NoContent, 204),
      },
    },
    async (request, reply) => {
      await app.sources.remove(actorOf(request), request.params.id);
      return reply.code(204).send(null);
    },
  );
};
