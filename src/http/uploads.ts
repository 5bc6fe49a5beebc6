/**
 * Receiving an uploaded file: either the raw request body or the first file part of a
 * multipart/form-data body (parsed by @fastify/multipart), streamed to a new temporary file of at
 * most `limit` bytes. Past the limit: 413 PAYLOAD_TOO_LARGE and the file is gone. A malformed form,
 * or one without a file, is 400 INPUT_INVALID; nothing is left behind either way.
 */
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { FastifyRequest } from 'fastify';
import { DomainError } from '../domain/index.js';

/** A received file; `dispose` removes it (and its directory). */
export interface Upload {
  readonly path: string;
  dispose(): void;
}

/** Limits of the form around the file: a few short option fields and one file. */
export const FORM_LIMITS = Object.freeze({
  fields: 40,
  fieldSize: 16 * 1024,
  fieldNameSize: 100,
  files: 1,
  parts: 50,
  headerPairs: 100,
});

/** What a form may add to its file's bytes (option fields, part headers, boundaries). */
export const FORM_OVERHEAD_BYTES = FORM_LIMITS.fields * FORM_LIMITS.fieldSize + 64 * 1024;

/** The 413 of an upload past `limit` bytes. */
export function tooLarge(limit: number): DomainError {
  return new DomainError('PAYLOAD_TOO_LARGE', `the upload is larger than ${limit} bytes`, {
    details: { limitBytes: limit },
  });
}

/** Streams `body` to a new temporary file; removes it and throws 413 past the limit. */
export async function saveUpload(
  body: NodeJS.ReadableStream,
  limit: number,
  describe: (e: unknown) => DomainError = (e) =>
    new DomainError('INPUT_INVALID', 'the upload was interrupted', { cause: e }),
): Promise<Upload & { bytes: number }> {
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
    throw e instanceof DomainError ? e : describe(e);
  }
  return { path, dispose, bytes };
}

/** The parser's own refusals, in words a client can act on. */
const FORM_REFUSALS: Readonly<Record<string, string>> = {
  FST_FILES_LIMIT: 'the form has more than one file: send one list per upload',
  FST_FIELDS_LIMIT: `the form has more than ${FORM_LIMITS.fields} fields`,
  FST_PARTS_LIMIT: `the form has more than ${FORM_LIMITS.parts} parts`,
  FST_PROTO_VIOLATION: 'a form field has a reserved name',
  FST_INVALID_JSON_FIELD_ERROR: 'a form field declared as JSON is not valid JSON',
  FST_MP_PREMATURE_CLOSE: 'the upload was interrupted',
};

/** Any error while reading a form, as the error the client gets. */
function formError(e: unknown, limit: number): DomainError {
  if (e instanceof DomainError) return e;
  const code = (e as { code?: unknown } | null)?.code;
  if (code === 'FST_REQ_FILE_TOO_LARGE') return tooLarge(limit);
  const known = typeof code === 'string' ? FORM_REFUSALS[code] : undefined;
  if (known) return new DomainError('INPUT_INVALID', known, { cause: e });
  // The parser's own messages ("Unexpected end of multipart data", "Multipart: Boundary not
  // found", "Malformed part header") name the fault and never quote the input.
  const said = code === undefined && e instanceof Error && e.message.length < 200 ? `: ${e.message}` : '';
  return new DomainError('INPUT_INVALID', `the multipart/form-data body is malformed${said}`, { cause: e });
}

/** What a multipart upload carried: the file, its part's file name and the other fields as sent. */
export interface FormUpload {
  readonly upload: Upload;
  readonly fileName: string | undefined;
  /** Each non-file field's value; a repeated field's values in order. */
  readonly fields: Record<string, string | string[]>;
}

/**
 * Reads a multipart/form-data request: the first file part is streamed to a temporary file (at
 * most `limit` bytes), every other field is collected. An empty file input of an HTML form (no file
 * name, no bytes) counts as no file.
 */
export async function receiveForm(request: FastifyRequest, limit: number): Promise<FormUpload> {
  const fields: Record<string, string | string[]> = {};
  let upload: (Upload & { bytes: number }) | undefined;
  let fileName: string | undefined;
  try {
    // One byte more than the limit reaches the meter, which refuses it at once (busboy alone would
    // only truncate the file and read the rest of the body).
    for await (const part of request.parts({ limits: { ...FORM_LIMITS, fileSize: limit + 1 } })) {
      if (part.type === 'file') {
        if (upload) {
          part.file.resume();
          continue;
        }
        const saved = await saveUpload(part.file, limit, (e) => formError(e, limit));
        if (saved.bytes === 0 && !part.filename) {
          saved.dispose();
          continue;
        }
        upload = saved;
        fileName = part.filename || undefined;
        continue;
      }
      if (part.fieldnameTruncated || part.valueTruncated)
        throw new DomainError(
          'INPUT_INVALID',
          `the form field ${part.fieldname.slice(0, 40)} is longer than ${FORM_LIMITS.fieldSize} bytes`,
        );
      const value = typeof part.value === 'string' ? part.value : JSON.stringify(part.value);
      const before = fields[part.fieldname];
      fields[part.fieldname] = before === undefined ? value : [...[before].flat(), value];
    }
  } catch (e) {
    upload?.dispose();
    throw formError(e, limit);
  }
  if (!upload)
    throw new DomainError(
      'INPUT_INVALID',
      'the form has no file: send the list as a file field (curl -F file=@list.csv)',
    );
  return { upload, fileName, fields };
}
