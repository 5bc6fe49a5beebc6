/** Exports over HTTP: persons streamed as CSV, XLSX, PFIF 1.4 or JSON Lines (audited, role-filtered). */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ExportField } from '../../app/exports/index.js';
import { actorOf } from '../authenticate.js';
import { responses } from '../schemas/common.js';
import { ExportOut, ExportQuery } from '../schemas/imports.js';
import type { PluginOptions } from './options.js';

/** Export routes plugin. */
export const exportsPlugin: FastifyPluginAsyncZod<PluginOptions> = async (server, { app }) => {
  server.get(
    '/api/exports',
    {
      schema: {
        tags: ['exports'],
        summary: 'Export persons (fields and the person-list filter), streamed',
        querystring: ExportQuery,
        response: responses(ExportOut),
      },
    },
    async (request, reply) => {
      const { format, fields, ...filter } = request.query;
      const chosen = fields?.split(',') as ExportField[] | undefined;
      const ex = await app.exports.run(actorOf(request), {
        format,
        filter,
        ...(chosen && { fields: chosen }),
      });
      // The stream bypasses the response serializer.
      return reply
        .type(ex.contentType)
        .header('content-disposition', `attachment; filename="${ex.fileName}"`)
        .serializer((x: unknown) => x as string)
        .send(ex.stream as never);
    },
  );
};
