/** Family tracing routes: enquiries and their candidates; exchange and release lists with their entries. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AddEntriesInput,
  EnquiryInput,
  EnquiryTransitionInput,
  EntryTransitionInput,
  ExchangeListInput,
} from '../../domain/index.js';
import type { ExportField } from '../../app/exports/index.js';
import { actorOf } from '../authenticate.js';
import { IdParams, responses } from '../schemas/common.js';
import { ExchangeExportQuery, ExportOut } from '../schemas/imports.js';
import {
  AddedOut,
  CandidateParams,
  EnquiryCreatedOut,
  EnquiryDecisionBody,
  EnquiryDecisionOut,
  EnquiryDetailOut,
  EnquiryListOut,
  EnquiryQuery,
  EntryParams,
  EntryTransitionOut,
  ExchangeCreatedOut,
  ExchangeListOut,
  ExchangeListSummaryOut,
  TransitionOut,
  VerifiedOut,
} from '../schemas/tracing.js';
import type { PluginOptions } from './options.js';

/** Enquiry and exchange-list routes plugin. */
export const tracingPlugin: FastifyPluginAsyncZod<PluginOptions> = async (server, { app }) => {
  const e = ['enquiries'];
  server.post(
    '/api/enquiries',
    {
      schema: {
        tags: e,
        summary: 'Record an enquiry; matching runs at once',
        body: EnquiryInput,
        response: responses(EnquiryCreatedOut, 201),
      },
    },
    async (request, reply) =>
      reply.code(201).send(await app.enquiries.create(actorOf(request), request.body)),
  );
  server.get(
    '/api/enquiries',
    {
      schema: {
        tags: e,
        summary: 'List enquiries (newest first)',
        querystring: EnquiryQuery,
        response: responses(EnquiryListOut),
      },
    },
    async (request) => app.enquiries.list(actorOf(request), { ...request.query }),
  );
  server.get(
    '/api/enquiries/:id',
    {
      schema: {
        tags: e,
        summary: 'One enquiry with its steps and candidates',
        params: IdParams,
        response: responses(EnquiryDetailOut),
      },
    },
    async (request) => app.enquiries.get(actorOf(request), request.params.id),
  );
  server.post(
    '/api/enquiries/:id/transition',
    {
      schema: {
        tags: e,
        summary: 'Move an enquiry to another status',
        params: IdParams,
        body: EnquiryTransitionInput,
        response: responses(TransitionOut),
      },
    },
    async (request) => app.enquiries.transition(actorOf(request), request.params.id, request.body),
  );
  server.post(
    '/api/enquiries/:id/candidates/:candidateId/decision',
    {
      schema: {
        tags: e,
        summary: 'Confirm or reject a candidate',
        params: CandidateParams,
        body: EnquiryDecisionBody,
        response: responses(EnquiryDecisionOut),
      },
    },
    async (request) =>
      app.enquiries.decide(actorOf(request), request.params.id, request.params.candidateId, request.body),
  );

  const x = ['exchange lists'];
  server.post(
    '/api/exchange-lists',
    {
      schema: {
        tags: x,
        summary: 'Create an exchange or release list',
        body: ExchangeListInput,
        response: responses(ExchangeCreatedOut, 201),
      },
    },
    async (request, reply) => reply.code(201).send(await app.exchange.create(actorOf(request), request.body)),
  );
  server.get(
    '/api/exchange-lists',
    {
      schema: {
        tags: x,
        summary: 'Lists with entry counts by status',
        response: responses(z.array(ExchangeListSummaryOut)),
      },
    },
    async (request) => app.exchange.list(actorOf(request)),
  );
  server.get(
    '/api/exchange-lists/:id',
    {
      schema: {
        tags: x,
        summary: 'A list with its entries and their verification',
        params: IdParams,
        response: responses(ExchangeListOut),
      },
    },
    async (request) => app.exchange.get(actorOf(request), request.params.id),
  );
  server.post(
    '/api/exchange-lists/:id/entries',
    {
      schema: {
        tags: x,
        summary: 'Add registry persons or entries as a list wrote them',
        params: IdParams,
        body: AddEntriesInput,
        response: responses(AddedOut, 201),
      },
    },
    async (request, reply) =>
      reply.code(201).send(await app.exchange.addEntries(actorOf(request), request.params.id, request.body)),
  );
  server.post(
    '/api/exchange-lists/:id/verify',
    {
      schema: {
        tags: x,
        summary: 'Verify every open entry against the registry',
        params: IdParams,
        response: responses(VerifiedOut),
      },
    },
    async (request) => app.exchange.verify(actorOf(request), request.params.id),
  );
  server.post(
    '/api/exchange-lists/:id/entries/:entryId/transition',
    {
      schema: {
        tags: x,
        summary: 'Move an entry on; completing records the event',
        params: EntryParams,
        body: EntryTransitionInput,
        response: responses(EntryTransitionOut),
      },
    },
    async (request) =>
      app.exchange.transition(actorOf(request), request.params.id, request.params.entryId, request.body),
  );
  server.get(
    '/api/exchange-lists/:id/export',
    {
      schema: {
        tags: x,
        summary: 'The list as CSV, XLSX, PFIF 1.4 or JSON Lines: one row per entry, streamed',
        params: IdParams,
        querystring: ExchangeExportQuery,
        response: responses(ExportOut),
      },
    },
    async (request, reply) => {
      const { format, fields } = request.query;
      const ex = await app.exchange.export(actorOf(request), request.params.id, {
        format,
        ...(fields && { fields: fields.split(',') as ExportField[] }),
      });
      // The stream bypasses the response serializer.
      return reply
        .type(ex.contentType)
        .header('content-disposition', `attachment; filename="${ex.fileName}"`)
        .serializer((y: unknown) => y as string)
        .send(ex.stream as never);
    },
  );
};
