/** Places: a gazetteer with name variants in any script. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { PlaceInput } from '../../domain/index.js';
import { actorOf } from '../authenticate.js';
import { IdParams, NoQuery, page, responses } from '../schemas/common.js';
import { PlaceListQuery, PlaceVariantsBody } from '../schemas/requests.js';
import { PlaceOut } from '../schemas/resources.js';
import type { PluginOptions } from './options.js';

/** Place routes plugin. */
export const placesPlugin: FastifyPluginAsyncZod<PluginOptions> = async (server, { app }) => {
  server.get(
    '/api/places',
    {
      schema: {
        tags: ['places'],
        summary: 'List places by name; q matches the start of any variant',
        querystring: PlaceListQuery,
        response: responses(page(PlaceOut)),
      },
    },
    // The use case returns one bounded list ordered by name (narrow it with q); there is no next page.
    async (request) => ({
      items: await app.places.list(actorOf(request), { ...request.query }),
      nextCursor: null,
    }),
  );
  server.post(
    '/api/places',
    {
      schema: {
        tags: ['places'],
        summary: 'Create a place',
        body: PlaceInput,
        response: responses(PlaceOut, 201),
      },
    },
    async (request, reply) => reply.code(201).send(await app.places.create(actorOf(request), request.body)),
  );
  server.get(
    '/api/places/:id',
    {
      schema: {
        tags: ['places'],
        summary: 'Read a place',
        querystring: NoQuery,
        params: IdParams,
        response: responses(PlaceOut),
      },
    },
    async (request) => app.places.get(actorOf(request), request.params.id),
  );
  server.put(
    '/api/places/:id/variants',
    {
      schema: {
        tags: ['places'],
        summary: 'Replace the name variants of a place',
        params: IdParams,
        body: PlaceVariantsBody,
        response: responses(PlaceOut),
      },
    },
    async (request) => app.places.setVariants(actorOf(request), request.params.id, request.body),
  );
};
