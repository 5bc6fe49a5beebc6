/**
 * Persons: list and search, register, read, claims and events (add, retract), merge and undo.
 * Every read and write is authorized and audited by the use cases; analysts are refused here by
 * them (403), since no person route returns anything but personal data.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  AddClaimInput,
  AddEventInput,
  MergeInput,
  PersonFilter,
  RegisterPersonInput,
  RetractInput,
} from '../../domain/index.js';
import { actorOf } from '../authenticate.js';
import { ClaimParams, EventParams, IdParams, NoQuery, page, responses } from '../schemas/common.js';
import {
  ClaimAddedOut,
  EventAddedOut,
  MergeResultOut,
  RegisteredOut,
  UndoMergeBody,
  VersionOut,
} from '../schemas/requests.js';
import { PersonDetailOut, PersonSummaryOut } from '../schemas/resources.js';
import type { PluginOptions } from './options.js';

const tags = ['persons'];

/** Person routes plugin. */
export const personsPlugin: FastifyPluginAsyncZod<PluginOptions> = async (server, { app }) => {
  server.get(
    '/api/persons',
    {
      schema: {
        tags,
        summary: 'List and search persons (q: name tokens, any script)',
        querystring: PersonFilter,
        response: responses(page(PersonSummaryOut)),
      },
    },
    async (request) => app.persons.list(actorOf(request), { ...request.query }),
  );
  server.post(
    '/api/persons',
    {
      schema: {
        tags,
        summary: 'Register a person from a source',
        body: RegisterPersonInput,
        response: responses(RegisteredOut, 201),
      },
    },
    async (request, reply) =>
      reply.code(201).send(await app.persons.register(actorOf(request), request.body)),
  );
  server.get(
    '/api/persons/:id',
    {
      schema: {
        tags,
        summary: 'Read a person: view, claims with provenance, timeline, status',
        querystring: NoQuery,
        params: IdParams,
        response: responses(PersonDetailOut),
      },
    },
    async (request) => app.persons.get(actorOf(request), request.params.id),
  );
  server.post(
    '/api/persons/:id/claims',
    {
      schema: {
        tags,
        summary: 'Add a claim, optionally superseding one',
        params: IdParams,
        body: AddClaimInput,
        response: responses(ClaimAddedOut, 201),
      },
    },
    async (request, reply) =>
      reply.code(201).send(await app.persons.addClaim(actorOf(request), request.params.id, request.body)),
  );
  server.post(
    '/api/persons/:id/claims/:claimId/retract',
    {
      schema: {
        tags,
        summary: 'Retract a claim, with a reason',
        params: ClaimParams,
        body: RetractInput,
        response: responses(VersionOut),
      },
    },
    async (request) =>
      app.persons.retractClaim(actorOf(request), request.params.id, request.params.claimId, request.body),
  );
  server.post(
    '/api/persons/:id/events',
    {
      schema: {
        tags,
        summary: 'Add a status event to the timeline',
        params: IdParams,
        body: AddEventInput,
        response: responses(EventAddedOut, 201),
      },
    },
    async (request, reply) =>
      reply.code(201).send(await app.persons.addEvent(actorOf(request), request.params.id, request.body)),
  );
  server.post(
    '/api/persons/:id/events/:eventId/retract',
    {
      schema: {
        tags,
        summary: 'Retract a status event, with a reason',
        params: EventParams,
        body: RetractInput,
        response: responses(VersionOut),
      },
    },
    async (request) =>
      app.persons.retractEvent(actorOf(request), request.params.id, request.params.eventId, request.body),
  );
  server.post(
    '/api/merges',
    {
      schema: {
        tags,
        summary: 'Merge one person record into another',
        body: MergeInput,
        response: responses(MergeResultOut, 201),
      },
    },
    async (request, reply) => reply.code(201).send(await app.persons.merge(actorOf(request), request.body)),
  );
  server.post(
    '/api/merges/:id/undo',
    {
      schema: {
        tags,
        summary: 'Undo a merge: both records stand apart again',
        params: IdParams,
        body: UndoMergeBody,
        response: responses(MergeResultOut),
      },
    },
    async (request) => app.persons.undoMerge(actorOf(request), request.params.id, request.body),
  );
};
