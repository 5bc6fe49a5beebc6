/** Reports routes: submit (text, HTML or URL), read with leads, accept or dismiss leads, reconcile. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { SubmitReportInput } from '../../app/index.js';
import { actorOf } from '../authenticate.js';
import { Id, IdParams, responses } from '../schemas/common.js';
import type { PluginOptions } from './options.js';

const tags = ['reports'];
const Submitted = z.object({
  id: Id,
  duplicate: z.boolean(),
  figures: z.number().int(),
  leads: z.number().int(),
  reason: z.string().nullable(),
});
const Summary = z.object({
  id: Id,
  title: z.string().nullable(),
  published: z.string().nullable(),
  publisher: z.string().nullable(),
  language: z.string().nullable(),
  url: z.string().nullable(),
  createdAt: z.string(),
  figures: z.number().int(),
  persons: z.number().int(),
  reason: z.string().nullable(),
  leads: z.record(z.string(), z.number()),
});
const Lead = z.object({
  id: Id,
  mentionIndex: z.number().int(),
  name: z.string(),
  candidates: z.array(
    z
      .object({
        personId: Id,
        probability: z.number(),
        weight: z.number().optional(),
        explanation: z.unknown().optional(),
        fields: z.record(z.string(), z.string()).nullable().optional(),
      })
      .loose(),
  ),
  status: z.string(),
  personId: Id.nullable(),
  version: z.number().int(),
});
const Detail = z
  .object({
    id: Id,
    sourceId: Id,
    title: z.string().nullable(),
    published: z.string().nullable(),
    publisher: z.string().nullable(),
    language: z.string().nullable(),
    url: z.string().nullable(),
    createdAt: z.string(),
    extraction: z.unknown(),
    leads: z.array(Lead),
  })
  .meta({ id: 'ReportDetail' });
const AcceptBody = z.strictObject({ personId: Id.nullish(), expectedVersion: z.number().int().min(1) });
const DismissBody = z.strictObject({
  reason: z.string().trim().min(1).max(2000),
  expectedVersion: z.number().int().min(1),
});
const Reconciled = z.object({
  reports: z.array(z.unknown()),
  reconciliation: z.array(z.unknown()),
  series: z.array(z.unknown()),
  framingDifferences: z.array(z.unknown()),
  registry: z.array(z.unknown()),
});

/** Reports route plugin. */
export const reportsPlugin: FastifyPluginAsyncZod<PluginOptions> = async (server, { app }) => {
  server.post(
    '/api/reports',
    {
      schema: {
        tags,
        summary: 'Submit a report: text, HTML or a URL (fetched safely)',
        body: SubmitReportInput,
        response: responses(Submitted, 201),
      },
    },
    async (request, reply) => reply.code(201).send(await app.reports.submit(actorOf(request), request.body)),
  );
  server.get(
    '/api/reports',
    {
      schema: {
        tags,
        summary: 'Stored reports with counts of figures and leads',
        response: responses(z.array(Summary)),
      },
    },
    async (request) => app.reports.list(actorOf(request)),
  );
  server.get(
    '/api/reports/reconciliation',
    {
      schema: {
        tags,
        summary: 'Figures reconciled across reports and compared with the registry (aggregates only)',
        response: responses(Reconciled),
      },
    },
    async (request) => app.reports.reconcile(actorOf(request), {}),
  );
  server.get(
    '/api/reports/:id',
    {
      schema: {
        tags,
        summary: 'A report with its extraction and leads',
        params: IdParams,
        response: responses(Detail),
      },
    },
    async (request) => app.reports.get(actorOf(request), request.params.id),
  );
  server.post(
    '/api/leads/:id/accept',
    {
      schema: {
        tags,
        summary: 'Accept a lead into unconfirmed claims and events (new or existing person)',
        params: IdParams,
        body: AcceptBody,
        response: responses(
          z.object({ leadId: Id, personId: Id, claims: z.number().int(), events: z.number().int() }),
        ),
      },
    },
    async (request) => app.reports.acceptLead(actorOf(request), request.params.id, request.body),
  );
  server.post(
    '/api/leads/:id/dismiss',
    {
      schema: {
        tags,
        summary: 'Dismiss a lead',
        params: IdParams,
        body: DismissBody,
        response: responses(z.object({ leadId: Id, status: z.string() })),
      },
    },
    async (request) => app.reports.dismissLead(actorOf(request), request.params.id, request.body),
  );
};
