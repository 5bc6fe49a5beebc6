/**
 * Headers on every response. The default Content-Security-Policy forbids everything (JSON needs
 * nothing); HTML pages set their own strict policy before this hook runs. Nothing but the
 * documentation's static assets may be cached: API answers can hold personal data.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';

/** The policy for responses that set none of their own. */
export const DEFAULT_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/** A policy for a self-contained HTML page whose inline script and style carry `nonce`. */
export function pageCsp(nonce: string): string {
  return `default-src 'none'; script-src 'nonce-${nonce}'; style-src 'nonce-${nonce}'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'`;
}

const CACHEABLE = /^\/api\/docs\/static\//;

/** Sets the headers on one reply; used by the hook and for errors raised before routing. */
export function applySecurityHeaders(reply: FastifyReply, url: string): void {
  reply.header('x-content-type-options', 'nosniff');
  reply.header('referrer-policy', 'no-referrer');
  reply.header('x-frame-options', 'DENY');
  if (!reply.hasHeader('content-security-policy')) reply.header('content-security-policy', DEFAULT_CSP);
  if (!CACHEABLE.test(url)) reply.header('cache-control', 'no-store');
}

/** Installs the header hook on the root instance. */
export function installSecurityHeaders(server: FastifyInstance): void {
  server.addHook('onSend', async (request, reply, payload) => {
    applySecurityHeaders(reply, request.url);
    return payload;
  });
}
