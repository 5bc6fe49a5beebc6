/**
 * Search and review: ranked search across scripts (GET for a query string, POST for structured
 * fields) and the review queue of candidate pairs with decisions. Use cases authorize and audit.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { SearchInput } from '../../app/index.js';
import { actorOf } from '../authenticate.js';
import { IdParams, responses } from '../schemas/common.js';
import {
  DecisionBody,
  DecisionOut,
  ReviewDetailOut,
  ReviewListOut,
  ReviewQuery,
  ScanOut,
  SearchOut,
  SearchQuery,
} from '../schemas/matching.js';
import type { PluginOptions } from './options.js';

/** Search and review routes plugin. */
export const matchingPlugin: FastifyPluginAsyncZod<PluginOptions> = async (server, { app }) => {
  server.get(
    '/api/search',
    {
      schema: {
        tags: ['search'],
        summary: 'Find persons across scripts and spellings, ranked, with explanations',
        querystring: SearchQuery,
        response: responses(SearchOut),
      },
    },
    async (request) => app.persons.search(actorOf(request), { ...request.query }),
  );
  server.post(
    '/api/search',
    {
      schema: {
        tags: ['search'],
        summary: 'Search by structured fields (field types of the matching engine)',
        body: SearchInput,
        response: responses(SearchOut),
      },
    },
    async (request) => app.persons.search(actorOf(request), request.body),
  );
  server.get(
    '/api/review',
    {
      schema: {
        tags: ['review'],
        summary: 'The review queue, most likely matches first',
        querystring: ReviewQuery,
        response: responses(ReviewListOut),
      },
    },
    async (request) => app.review.list(actorOf(request), { ...request.query }),
  );
  server.get(
    '/api/review/:id',
    {
      schema: {
        tags: ['review'],
        summary: 'One candidate pair side by side with each field’s contribution',
        params: IdParams,
        response: responses(ReviewDetailOut),
      },
    },
    async (request) => app.review.get(actorOf(request), request.params.id),
  );
  server.post(
    '/api/review/:id/decision',
    {
      schema: {
        tags: ['review'],
        summary: 'Accept (merges a duplicate), reject or mark unsure',
        params: IdParams,
        body: DecisionBody,
        response: responses(DecisionOut),
      },
    },
    async (request) => app.review.decide(actorOf(request), request.params.id, request.body),
  );
  server.post(
    '/api/review/scan',
    {
      schema: {
        tags: ['review'],
        summary: 'Scan the whole registry for duplicate candidates',
        response: responses(ScanOut),
      },
    },
    async (request) => app.review.scan(actorOf(request), {}),
  );
};
