/** Users (administrators only, enforced by the use cases): list, add, change role, name or state. */
import { UserInput } from '../../domain/index.js';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../authenticate.js';
import { IdParams, page, responses } from '../schemas/common.js';
import { UserListQuery, UserPatchBody } from '../schemas/requests.js';
import { UserOut } from '../schemas/resources.js';
import type { PluginOptions } from './options.js';

/** User management routes plugin. */
export const usersPlugin: FastifyPluginAsyncZod<PluginOptions> = async (server, { app }) => {
  server.get(
    '/api/users',
    {
      schema: {
        tags: ['users'],
        summary: 'List users by username',
        querystring: UserListQuery,
        response: responses(page(UserOut)),
      },
    },
    async (request) => {
      const all = await app.auth.listUsers(actorOf(request));
      // The use case returns every user (a small table); pages are cut here, by username.
      const limit = Number(request.query.limit ?? 100);
      const after = request.query.cursor;
      const rest = after === undefined ? all : all.filter((u) => u.username > after);
      const items = rest.slice(0, limit);
      return { items, nextCursor: rest.length > limit ? items[items.length - 1]!.username : null };
    },
  );
  server.post(
    '/api/users',
    {
      schema: { tags: ['users'], summary: 'Add a user', body: UserInput, response: responses(UserOut, 201) },
    },
    async (request, reply) => reply.code(201).send(await app.auth.addUser(actorOf(request), request.body)),
  );
  server.patch(
    '/api/users/:id',
    {
      schema: {
        tags: ['users'],
        summary: 'Change a user',
        params: IdParams,
        body: UserPatchBody,
        response: responses(UserOut),
      },
    },
    async (request) => app.auth.updateUser(actorOf(request), request.params.id, request.body),
  );
};
