/**
 * Imports over HTTP: the file is the raw request body, streamed to a temporary file (at most
 * config.uploadLimitBytes, else 413) and imported by a background job of this process (one at a
 * time); clients poll the job for progress and the report, or cancel it (everything rolls back).
 */
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { DomainError } from '../../domain/index.js';
import { actorOf } from '../authenticate.js';
import { responses } from '../schemas/common.js';
import {
  ImportJobOut,
  ImportQuery,
  JobCreatedOut,
  JobParams,
  UploadBody,
  mapFromQuery,
} from '../schemas/imports.js';
import type { PluginOptions } from './options.js';

const tags = ['imports'];

function tooLarge(limit: number): DomainError {
  return new DomainError('PAYLOAD_TOO_LARGE', `the upload is larger than ${limit} bytes`, {
    details: { limitBytes: limit },
  });
}

/** Streams the body to a new temporary file; removes it and throws 413 past the limit. */
async function saveUpload(
  body: NodeJS.ReadableStream,
  limit: number,
): Promise<{ path: string; dispose(): void }> {
  const dir = mkdtempSync(join(tmpdir(), 'whereabouts-upload-'));
  const dispose = () => rmSync(dir, { recursive: true, force: true });
  const path = join(dir, 'upload');
  let bytes = 0;
  const meter = new Transform({
    transform(chunk: Buffer, _enc, done) {
      bytes += chunk.length;
      done(bytes > limit ? tooLarge(limit) : null, chunk);
    },
  });
  try {
    await pipeline(body, meter, createWriteStream(path));
  } catch (e) {
    dispose();
    throw e instanceof DomainError
      ? e
      : new DomainError('INPUT_INVALID', 'the upload was interrupted', { cause: e });
  }
  return { path, dispose };
}

/** Import routes plugin. */
export const importsPlugin: FastifyPluginAsyncZod<PluginOptions> = async (server, { app, config }) => {
  // Any content type: the body is the file, handed over as a stream (this plugin's routes only).
  server.addContentTypeParser('*', (_request, payload, done) => done(null, payload));
  server.post(
    '/api/imports',
    {
      bodyLimit: config.uploadLimitBytes,
      schema: {
        tags,
        summary: 'Upload a list and start importing it (202 with a job to poll)',
        querystring: ImportQuery,
        body: UploadBody,
        response: responses(JobCreatedOut, 202),
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      // The validator passes the query through as sent; the parsed form turns 'true' into true.
      const q = ImportQuery.parse(request.query);
      const declared = Number(request.headers['content-length'] ?? 0);
      if (declared > config.uploadLimitBytes) throw tooLarge(config.uploadLimitBytes);
      const body = request.body as NodeJS.ReadableStream | undefined;
      if (!body || typeof (body as { pipe?: unknown }).pipe !== 'function')
        throw new DomainError('INPUT_INVALID', 'send the file as the request body');
      const upload = await saveUpload(body, config.uploadLimitBytes);
      const map = mapFromQuery(q.map);
      const jobId = app.imports.jobs.start(
        actor,
        upload.path,
        {
          ...(q.sourceId && { sourceId: q.sourceId }),
          ...(q.source && { sourceName: q.source }),
          ...(q.format && { format: q.format }),
          ...(Object.keys(map).length && { mapping: map as never }),
          dryRun: q.dryRun ?? false,
          ...(q.sourceDate && { sourceDate: q.sourceDate }),
          ...(q.preset && { preset: q.preset }),
          ...(q.savePreset && { savePreset: q.savePreset }),
          ...(q.sheet && { sheet: q.sheet }),
          fileName: q.fileName ?? 'upload',
        },
        upload.dispose,
      );
      return reply.code(202).send({ jobId });
    },
  );
  server.get(
    '/api/imports/:jobId',
    {
      schema: {
        tags,
        summary: 'An import job: state, progress and, when done, the report',
        params: JobParams,
        response: responses(ImportJobOut),
      },
    },
    async (request) => app.imports.jobs.get(actorOf(request), request.params.jobId),
  );
  server.delete(
    '/api/imports/:jobId',
    {
      schema: {
        tags,
        summary: 'Cancel an import job; nothing it did is kept',
        params: JobParams,
        response: responses(ImportJobOut),
      },
    },
    async (request) => app.imports.jobs.cancel(actorOf(request), request.params.jobId),
  );
};
