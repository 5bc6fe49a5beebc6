/** GET /api/health: liveness, the database dialect and whether first-run setup is pending. No auth. */
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { NoQuery, responses } from '../schemas/common.js';
import type { PluginOptions } from './options.js';

const Health = z
  .object({ status: z.literal('ok'), database: z.enum(['sqlite', 'postgres']), setupRequired: z.boolean() })
  .meta({ id: 'Health' });

/** Health route plugin. */
export const healthPlugin: FastifyPluginAsyncZod<PluginOptions> = async (server, { app }) => {
  server.get(
    '/api/health',
    {
      config: { public: true },
      schema: {
        tags: ['health'],
        summary: 'Service health',
        querystring: NoQuery,
        response: responses(Health),
      },
    },
    async () => ({
      status: 'ok' as const,
      database: app.ctx.database.dialect,
      setupRequired: await app.auth.needsSetup(),
    }),
  );
};
