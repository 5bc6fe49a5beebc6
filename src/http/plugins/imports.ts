/**
 * Imports over HTTP: the file is the raw request body, or the first file part of a
 * multipart/form-data body whose other fields may carry the options of the query (the query wins).
 * It is streamed to a temporary file (at most config.uploadLimitBytes, else 413) and imported by a
 * background job of this process (one at a time); clients poll the job for progress and the
 * report, or cancel it (everything rolls back).
 */
import multipart from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
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
  uploadOpenApi,
} from '../schemas/imports.js';
import { FORM_OVERHEAD_BYTES, receiveForm, saveUpload, tooLarge, type Upload } from '../uploads.js';
import { issuesOf } from '../validation.js';
import type { PluginOptions } from './options.js';

const tags = ['imports'];

type ImportParams = ReturnType<typeof ImportQuery.parse>;

/** The form's fields as import options, read with the query's own schema. */
function formOptions(fields: Record<string, string | string[]>): ImportParams {
  const parsed = ImportQuery.safeParse(fields);
  if (parsed.success) return parsed.data;
  const issues = issuesOf(parsed.error);
  const first = issues[0];
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
  throw new DomainError(
    'VALIDATION_FAILED',
    `invalid form field: ${first ? `${first.path}: ${first.message}` : 'unknown problem'}${more}`,
    { issues },
  );
}

/** The file and its options, from a form or from the raw body and the query. */
async function receive(
  request: FastifyRequest,
  query: ImportParams,
  limit: number,
): Promise<{ upload: Upload; options: ImportParams }> {
  const declared = Number(request.headers['content-length'] ?? 0);
  if (request.isMultipart()) {
    if (declared > limit + FORM_OVERHEAD_BYTES) throw tooLarge(limit);
    const form = await receiveForm(request, limit);
    try {
      const fromForm = formOptions(form.fields);
      const fromQuery = Object.fromEntries(Object.entries(query).filter(([, v]) => v !== undefined));
      const options: ImportParams = {
        ...fromForm,
        ...(form.fileName && !fromForm.fileName && { fileName: form.fileName }),
        ...fromQuery,
      };
      return { upload: form.upload, options };
    } catch (e) {
      form.upload.dispose();
      throw e;
    }
  }
  if (declared > limit) throw tooLarge(limit);
  const body = request.body as NodeJS.ReadableStream | undefined;
  if (!body || typeof (body as { pipe?: unknown }).pipe !== 'function')
    throw new DomainError('INPUT_INVALID', 'send the file as the request body');
  return { upload: await saveUpload(body, limit), options: query };
}

/** Import routes plugin. */
export const importsPlugin: FastifyPluginAsyncZod<PluginOptions> = async (server, { app, config }) => {
  // Any content type: the body is the file, handed over as a stream (this plugin's routes only);
  // multipart/form-data is left to the form parser, read part by part in the handler.
  server.addContentTypeParser('*', (_request, payload, done) => done(null, payload));
  await server.register(multipart, { limits: { fileSize: config.uploadLimitBytes } });
  server.post(
    '/api/imports',
    {
      bodyLimit: config.uploadLimitBytes,
      config: { swaggerTransform: uploadOpenApi },
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
      const { upload, options: q } = await receive(
        request,
        ImportQuery.parse(request.query),
        config.uploadLimitBytes,
      );
      const map = mapFromQuery(q.map);
      let jobId: string;
      try {
        jobId = app.imports.jobs.start(
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
      } catch (e) {
        upload.dispose(); // refused (e.g. the role may not import): the file is not kept
        throw e;
      }
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
