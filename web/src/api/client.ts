/**
 * The one way the application talks to the server: JSON over fetch with the session cookie, the
 * CSRF header on every write, and errors turned into ApiError with the server's code and issues.
 */

/** One problem the server found in what was sent, with the field path it concerns. */
export interface ApiIssue {
  readonly path?: string;
  readonly code?: string;
  readonly message: string;
}

/** An error answer of the API: `{ error: { code, message, details } }`, or a network failure. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** The field problems the server listed (empty when it listed none). */
  get issues(): ApiIssue[] {
    const list = this.details['issues'];
    return Array.isArray(list) ? (list as ApiIssue[]) : [];
  }
}

let csrfToken: string | null = null;
let onUnauthenticated: () => void = () => {};

/** Remembers the CSRF token of the session (from sign-in or /api/auth/me). */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called when the server says the session is gone, so the app can show the sign-in page. */
export function setUnauthenticatedHandler(handler: () => void): void {
  onUnauthenticated = handler;
}

/** Query-string from an object; empty and undefined values are left out. */
export function qs(params: Record<string, string | number | undefined | null>): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(params))
    if (v !== undefined && v !== null && v !== '') p.set(k, String(v));
  const s = p.toString();
  return s ? `?${s}` : '';
}

async function errorOf(res: Response): Promise<ApiError> {
  try {
    const body = (await res.json()) as {
      error?: { code?: string; message?: string; details?: Record<string, unknown> };
    };
    if (body.error?.code)
      return new ApiError(res.status, body.error.code, body.error.message ?? '', body.error.details);
  } catch {
    // not JSON: fall through
  }
  return new ApiError(res.status, res.status >= 500 ? 'INTERNAL' : 'INPUT_INVALID', res.statusText);
}

/** Sends one request; resolves with the parsed body (undefined for 204), rejects with ApiError. */
export async function api<T>(method: string, path: string, body?: unknown, signal?: AbortSignal): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      ...(body !== undefined && { body: JSON.stringify(body) }),
      ...(signal && { signal }),
    });
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw e;
    throw new ApiError(0, 'NETWORK', (e as Error).message);
  }
  if (!res.ok) {
    const err = await errorOf(res);
    if (err.code === 'UNAUTHENTICATED' && path !== '/api/auth/me' && path !== '/api/auth/login')
      onUnauthenticated();
    throw err;
  }
  if (res.status === 204) return undefined as T;
  return (await res.json()) as T;
}

/** GET shorthand. */
export const get = <T>(path: string, signal?: AbortSignal) => api<T>('GET', path, undefined, signal);
/** POST shorthand. */
export const post = <T>(path: string, body?: unknown) => api<T>('POST', path, body ?? {});

/** Sends a file as the raw request body (imports); resolves with the parsed answer. */
export async function upload<T>(path: string, file: Blob): Promise<T> {
  const headers: Record<string, string> = {
    accept: 'application/json',
    'content-type': 'application/octet-stream',
  };
  if (csrfToken) headers['x-csrf-token'] = csrfToken;
  let res: Response;
  try {
    res = await fetch(path, { method: 'POST', headers, credentials: 'same-origin', body: file });
  } catch (e) {
    throw new ApiError(0, 'NETWORK', (e as Error).message);
  }
  if (!res.ok) throw await errorOf(res);
  return (await res.json()) as T;
}
