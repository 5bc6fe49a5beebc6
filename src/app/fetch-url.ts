/**
 * Fetching a report from a URL, safely: http(s) only, a time limit, a size limit, at most three
 * redirects, and never a private, loopback, link-local or otherwise internal address. The address
 * check runs in the socket's own name lookup, so a name cannot resolve to a public address for the
 * check and to an internal one for the connection.
 */
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import { isIP } from 'node:net';
import { DomainError } from '../domain/index.js';

/** True for addresses a server-side fetch must never reach. */
export function isInternalAddress(address: string): boolean {
  const v = isIP(address);
  if (v === 4) {
    const [a, b] = address.split('.').map(Number) as [number, number];
    return (
      a === 0 ||
      a === 10 ||
      a === 127 ||
      (a === 100 && b >= 64 && b <= 127) ||
      (a === 169 && b === 254) ||
      (a === 172 && b >= 16 && b <= 31) ||
      (a === 192 && b === 168) ||
      (a === 192 && b === 0) ||
      (a === 198 && (b === 18 || b === 19)) ||
      a >= 224
    );
  }
  if (v === 6) {
    const s = address.toLowerCase();
    if (s === '::' || s === '::1') return true;
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(s);
    if (mapped) return isInternalAddress(mapped[1]!);
    return /^(fc|fd|fe8|fe9|fea|feb|ff)/.test(s) || s.startsWith('64:ff9b') || s.startsWith('2001:db8');
  }
  return true;
}

type LookupCallback = (
  err: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void;

function guardedLookup(hostname: string, options: object, callback: LookupCallback): void {
  dnsLookup(hostname, { ...options, all: true }, (err, addresses) => {
    if (err) return callback(err, '');
    const list = addresses as LookupAddress[];
    const bad = list.find((a) => isInternalAddress(a.address));
    if (bad || list.length === 0)
      return callback(
        Object.assign(new Error(`refused: ${hostname} resolves to an internal address`), {
          code: 'EINTERNAL',
        }),
        '',
      );
    const wantsAll = (options as { all?: boolean }).all;
    if (wantsAll) return callback(null, list);
    return callback(null, list[0]!.address, list[0]!.family);
  });
}

export interface FetchedPage {
  readonly url: string;
  readonly contentType: string;
  readonly body: Buffer;
}

/** Fetches a page for the reports pipeline, or throws INPUT_INVALID / PAYLOAD_TOO_LARGE saying why not. */
export async function fetchReportUrl(
  raw: string,
  opts: { timeoutMs?: number; maxBytes?: number } = {},
  redirects = 3,
): Promise<FetchedPage> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new DomainError('INPUT_INVALID', `"${raw}" is not a URL`, {
      issues: [{ path: 'url', message: 'not a URL' }],
    });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new DomainError('INPUT_INVALID', 'only http and https URLs are fetched', {
      issues: [{ path: 'url', message: 'scheme not allowed' }],
    });
  if (url.username || url.password)
    throw new DomainError('INPUT_INVALID', 'URLs with credentials are not fetched', {
      issues: [{ path: 'url', message: 'credentials in URL' }],
    });
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (isIP(host) && isInternalAddress(host))
    throw new DomainError('INPUT_INVALID', 'internal addresses are never fetched', {
      issues: [{ path: 'url', message: 'internal address' }],
    });
  const maxBytes = opts.maxBytes ?? 5 * 1024 * 1024;
  const client = url.protocol === 'https:' ? https : http;
  return new Promise<FetchedPage>((resolve, reject) => {
    const req = client.get(
      url,
      {
        lookup: guardedLookup as never,
        timeout: opts.timeoutMs ?? 10_000,
        headers: { 'user-agent': 'Whereabouts report fetcher', accept: 'text/html, text/plain' },
      },
      (res) => {
        const status = res.statusCode ?? 0;
        if (status >= 300 && status < 400 && res.headers.location) {
          res.resume();
          if (redirects <= 0) return reject(new DomainError('INPUT_INVALID', 'too many redirects'));
          return resolve(fetchReportUrl(new URL(res.headers.location, url).toString(), opts, redirects - 1));
        }
        if (status !== 200) {
          res.resume();
          return reject(new DomainError('INPUT_INVALID', `the page answered HTTP ${status}`));
        }
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (c: Buffer) => {
          size += c.length;
          if (size > maxBytes) {
            req.destroy();
            reject(new DomainError('PAYLOAD_TOO_LARGE', `the page is larger than ${maxBytes} bytes`));
          } else chunks.push(c);
        });
        res.on('end', () =>
          resolve({
            url: url.toString(),
            contentType: String(res.headers['content-type'] ?? ''),
            body: Buffer.concat(chunks),
          }),
        );
        res.on('error', (e) =>
          reject(new DomainError('INPUT_INVALID', `reading the page failed: ${e.message}`)),
        );
      },
    );
    req.on('timeout', () => req.destroy(new Error('timed out')));
    req.on('error', (e: NodeJS.ErrnoException) =>
      reject(
        new DomainError(
          'INPUT_INVALID',
          e.code === 'EINTERNAL' ? e.message : `fetching the page failed: ${e.message}`,
          { issues: [{ path: 'url', message: e.message }] },
        ),
      ),
    );
  });
}
