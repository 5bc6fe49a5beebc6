/** Aggregate figures: the one data route open to analysts. Counts only, never a person. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../authenticate.js';
import { responses } from '../schemas/common.js';
import { StatsQuery } from '../schemas/requests.js';
import { StatsOut } from '../schemas/resources.js';
import type { PluginOptions } from './options.js';

/** Stats route plugin. */
export const statsPlugin: FastifyPluginAsyncZod<PluginOptions> = async (server, { app }) => {
  server.get(
    '/api/stats',
    {
      schema: {
        tags: ['stats'],
        summary: 'Counts by state, place and month',
        querystring: StatsQuery,
        response: responses(StatsOut),
      },
    },
    async (request) => app.stats.get(actorOf(request), { ...request.query }),
  );
};
