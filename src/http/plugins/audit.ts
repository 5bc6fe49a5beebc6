/** The audit trail (auditors and administrators): read it in order, verify its hash chain. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../authenticate.js';
import { page, responses } from '../schemas/common.js';
import { AuditListQuery, VerifyBody } from '../schemas/requests.js';
import { AuditEntryOut, VerifyOut } from '../schemas/resources.js';
import type { PluginOptions } from './options.js';

/** Audit routes plugin. */
export const auditPlugin: FastifyPluginAsyncZod<PluginOptions> = async (server, { app }) => {
  server.get(
    '/api/audit',
    {
      schema: {
        tags: ['audit'],
        summary: 'Audit entries in order; cursor is the last sequence number seen',
        querystring: AuditListQuery,
        response: responses(page(AuditEntryOut)),
      },
    },
    async (request) => {
      const { cursor, ...rest } = request.query;
      const { items, nextAfter } = await app.audit.list(actorOf(request), {
        ...rest,
        ...(cursor !== undefined && { after: cursor }),
      });
      return { items, nextCursor: nextAfter === null ? null : String(nextAfter) };
    },
  );
  server.post(
    '/api/audit/verify',
    {
      schema: {
        tags: ['audit'],
        summary: 'Verify the hash chain of the audit log',
        body: VerifyBody,
        response: responses(VerifyOut),
      },
    },
    async (request) => app.audit.verify(actorOf(request), request.body?.anchor),
  );
};
