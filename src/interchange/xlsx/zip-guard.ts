/**
 * Inspects an XLSX archive before any spreadsheet code sees it. An XLSX is a zip of XML files, which
 * makes it a carrier for zip bombs (a few kilobytes inflating to gigabytes), path traversal in
 * entry names, XML entity expansion, and data hidden outside the central directory (a streaming
 * unzipper would still read it). Every entry is inflated once here with yauzl, which checks that
 * each entry inflates to exactly its declared size, so the limits hold for what is really inside.
 */
import yauzl from 'yauzl';
import type { Entry, ZipFile } from 'yauzl';
import { DomainError } from '../../domain/index.js';
import { locate } from '../issues.js';

/** Limits applied to an archive. */
export interface ZipLimits {
  /** Most entries (default 10,000). */
  maxEntries?: number;
  /** Most bytes all entries inflate to together (default 1 GiB). */
  maxUncompressedBytes?: number;
  /** Highest inflated/compressed ratio of an entry larger than 1 MiB (default 200). */
  maxRatio?: number;
}

/** Defaults of ZipLimits. */
export const ZIP_LIMITS: Required<ZipLimits> = {
  maxEntries: 10_000,
  maxUncompressedBytes: 1024 ** 3,
  maxRatio: 200,
};

const RATIO_FLOOR = 1024 * 1024;

/** What the inspection learnt, for the reader. */
export interface ZipSummary {
  readonly entries: number;
  readonly uncompressedBytes: number;
  readonly names: readonly string[];
}

/** Refuses an unsafe archive with a DomainError; returns a summary of a safe one. */
export async function inspectZip(
  buf: Buffer,
  limits: ZipLimits = {},
  fileName?: string,
): Promise<ZipSummary> {
  const lim = { ...ZIP_LIMITS, ...limits };
  const fail = (
    code: 'PAYLOAD_TOO_LARGE' | 'INPUT_INVALID' | 'UNSUPPORTED_FORMAT',
    issue: string,
    message: string,
  ) =>
    new DomainError(code, `${locate(fileName, undefined)}: ${message}`, {
      issues: [{ code: issue, message }],
      details: { fileName: fileName ?? 'input' },
    });
  let zip: ZipFile;
  try {
    zip = await yauzl.fromBufferPromise(buf, {
      lazyEntries: true,
      decodeStrings: false,
      validateEntrySizes: true,
    });
  } catch (e) {
    throw Object.assign(fail('UNSUPPORTED_FORMAT', 'NOT_ZIP', 'not a readable zip archive'), { cause: e });
  }
  const centralDirectory = zip.readEntryCursor as unknown as number;
  if (zip.entryCount > lim.maxEntries)
    throw fail(
      'PAYLOAD_TOO_LARGE',
      'ZIP_TOO_MANY_ENTRIES',
      `the archive has ${zip.entryCount} entries (limit ${lim.maxEntries})`,
    );
  const names: string[] = [];
  const spans: { start: number; end: number }[] = [];
  let total = 0;
  try {
    for (let entry = await nextEntry(zip); entry; entry = await nextEntry(zip)) {
      const name = entryName(entry);
      if (unsafeName(name))
        throw fail('INPUT_INVALID', 'ZIP_PATH_TRAVERSAL', `unsafe entry name ${JSON.stringify(name)}`);
      if (entry.isEncrypted()) throw fail('UNSUPPORTED_FORMAT', 'ZIP_ENCRYPTED', 'the workbook is encrypted');
      total += entry.uncompressedSize;
      if (total > lim.maxUncompressedBytes)
        throw fail(
          'PAYLOAD_TOO_LARGE',
          'ZIP_BOMB',
          `the archive inflates to more than ${lim.maxUncompressedBytes} bytes`,
        );
      if (
        entry.uncompressedSize > RATIO_FLOOR &&
        entry.uncompressedSize > entry.compressedSize * lim.maxRatio
      )
        throw fail('PAYLOAD_TOO_LARGE', 'ZIP_BOMB', `entry ${name} inflates more than ${lim.maxRatio} times`);
      spans.push(await entrySpan(zip, entry, buf));
      const doctype = await scanEntry(zip, entry);
      if (doctype) throw fail('INPUT_INVALID', 'XML_DOCTYPE', `entry ${name} declares a DOCTYPE or entities`);
      names.push(name);
    }
  } catch (e) {
    if (e instanceof DomainError) throw e;
    // yauzl stops an entry that inflates past its declared size: a bomb that lies about itself.
    if (/too many bytes/i.test((e as Error).message))
      throw Object.assign(fail('PAYLOAD_TOO_LARGE', 'ZIP_BOMB', 'an entry inflates past its declared size'), {
        cause: e,
      });
    throw Object.assign(
      fail('INPUT_INVALID', 'ZIP_CORRUPT', `the archive is damaged: ${(e as Error).message}`),
      {
        cause: e,
      },
    );
  } finally {
    zip.close();
  }
  if (!contiguous(spans, centralDirectory))
    throw fail('INPUT_INVALID', 'ZIP_HIDDEN_DATA', 'the archive holds data outside its directory');
  return { entries: names.length, uncompressedBytes: total, names };
}

function nextEntry(zip: ZipFile): Promise<Entry | null> {
  return new Promise((resolve, reject) => {
    const onEntry = (e: Entry) => done(e);
    const onEnd = () => done(null);
    const onError = (err: Error) => {
      cleanup();
      reject(err);
    };
    const cleanup = () => {
      zip.off('entry', onEntry).off('end', onEnd).off('error', onError);
    };
    const done = (e: Entry | null) => {
      cleanup();
      resolve(e);
    };
    zip.on('entry', onEntry).on('end', onEnd).on('error', onError);
    zip.readEntry();
  });
}

function entryName(entry: Entry): string {
  const raw = entry.fileName as unknown as Buffer;
  return Buffer.isBuffer(raw)
    ? raw.toString((entry.generalPurposeBitFlag & 0x800) !== 0 ? 'utf8' : 'latin1')
    : raw;
}

/** Absolute paths, drive letters, backslashes, NULs and ".." segments. */
export function unsafeName(name: string): boolean {
  if (name.startsWith('/') || name.includes('\\') || name.includes('\0') || /^[a-zA-Z]:/.test(name))
    return true;
  return name.split('/').some((seg) => seg === '..');
}

/** Byte range of an entry's local header, data and data descriptor. */
async function entrySpan(zip: ZipFile, entry: Entry, buf: Buffer): Promise<{ start: number; end: number }> {
  const start = entry.relativeOffsetOfLocalHeader;
  const { fileDataStart } = await zip.readLocalFileHeaderPromise(entry, { minimal: true });
  let end = fileDataStart + entry.compressedSize;
  if ((entry.generalPurposeBitFlag & 0x8) !== 0) end += buf.readUInt32LE(end) === 0x08074b50 ? 16 : 12;
  return { start, end };
}

/** True when the entries tile the archive from byte 0 to the central directory. */
function contiguous(spans: { start: number; end: number }[], centralDirectory: number): boolean {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  let at = 0;
  for (const s of sorted) {
    if (s.start !== at) return false;
    at = s.end;
  }
  return at === centralDirectory;
}

const MARKERS = /<!(?:DOCTYPE|ENTITY)/i;

/** Inflates one entry (yauzl checks its real size) and looks for DTD markers in it. */
async function scanEntry(zip: ZipFile, entry: Entry): Promise<boolean> {
  const stream = await zip.openReadStreamPromise(entry);
  let tail = '';
  let found = false;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    if (found) continue;
    // latin1 maps bytes one to one, so the ASCII markers are found in any encoding the XML uses
    // except UTF-16, where the NULs are dropped first.
    const text = tail + chunk.toString('latin1').replace(/\0/g, '');
    if (MARKERS.test(text)) found = true;
    tail = text.slice(-16);
  }
  return found;
}
