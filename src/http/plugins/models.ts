/**
 * Matching models: list and show the stored versions, train a new one from officers' decisions or
 * by EM, activate one. Use cases authorize (training: match.decide; activation: user.manage) and audit.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../authenticate.js';
import { NoQuery, responses } from '../schemas/common.js';
import {
  ActivationOut,
  ModelListOut,
  ModelOut,
  ModelSummaryOut,
  TrainBody,
  VersionParams,
} from '../schemas/models.js';
import type { PluginOptions } from './options.js';

/** Matching-model routes plugin. */
export const modelsPlugin: FastifyPluginAsyncZod<PluginOptions> = async (server, { app }) => {
  server.get(
    '/api/models',
    {
      schema: {
        tags: ['models'],
        summary: 'Stored matching models, newest first; the active one is marked',
        querystring: NoQuery,
        response: responses(ModelListOut),
      },
    },
    async (request) => app.models.list(actorOf(request)),
  );
  server.get(
    '/api/models/:version',
    {
      schema: {
        tags: ['models'],
        summary: 'One matching model: summary, metrics and document',
        params: VersionParams,
        response: responses(ModelOut),
      },
    },
    async (request) => {
      const m = await app.models.get(actorOf(request), request.params.version);
      return { ...m, model: m.model as unknown as Record<string, unknown> };
    },
  );
  server.post(
    '/api/models/train',
    {
      schema: {
        tags: ['models'],
        summary: "Train a new version from officers' decisions or by EM on the registry (not activated)",
        body: TrainBody,
        response: responses(ModelSummaryOut, 201),
      },
    },
    async (request, reply) => reply.code(201).send(await app.models.train(actorOf(request), request.body)),
  );
  server.post(
    '/api/models/:version/activate',
    {
      schema: {
        tags: ['models'],
        summary: 'Make a model the active one; re-keys the registry when its blocking rules differ',
        params: VersionParams,
        response: responses(ActivationOut),
      },
    },
    async (request) => app.models.activate(actorOf(request), request.params.version),
  );
};
