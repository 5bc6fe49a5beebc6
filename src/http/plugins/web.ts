/**
 * The web application: serves the built React app (web/dist) at / and answers any other non-API
 * GET with its index.html, so that client-side routes survive a reload. Public: the app itself holds
 * no data; everything it shows comes from the authenticated API.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FastifyPluginAsync } from 'fastify';
import fastifyStatic from '@fastify/static';
import { DomainError } from '../../domain/index.js';
import type { PluginOptions } from './options.js';

/** The app's policy: its own scripts only; inline style attributes are how the component library lays out. */
export const WEB_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

/** Where the built app is: next to the sources (tsx) or two levels up from dist/src (compiled). */
export function defaultWebRoot(): string | null {
  for (const rel of ['../../../web/dist/', '../../../../web/dist/']) {
    const dir = fileURLToPath(new URL(rel, import.meta.url));
    if (existsSync(`${dir}index.html`)) return dir;
  }
  return null;
}

/** Options of the web plugin; `webRoot` overrides where the built app is looked for. */
export interface WebPluginOptions extends PluginOptions {
  readonly webRoot?: string;
}

// Hashed asset names change with their content, so they may be cached for long; nothing else may.
const HASHED_ASSET = /^\/assets\/[^/]+-[A-Za-z0-9_-]{8,}\.(js|css|woff2?|svg|png)$/;
// A path that names a file (has an extension) is not a client route: a missing file is a 404.
const LOOKS_LIKE_FILE = /\/[^/]+\.[A-Za-z0-9]{1,8}$/;

/** Web application plugin; registers nothing when the app has not been built (`npm run build:web`). */
export const webPlugin: FastifyPluginAsync<WebPluginOptions> = async (server, opts) => {
  const root = opts.webRoot ?? defaultWebRoot();
  if (!root || !existsSync(`${root}/index.html`)) {
    server.log.warn('web/dist is not built: the web application is not served (npm run build:web)');
    return;
  }
  server.addHook('onRoute', (route) => {
    route.config = { ...(route.config as object), public: true };
  });
  // Runs after the root's header hook (child hooks run last), so these values win.
  server.addHook('onSend', async (request, reply, payload) => {
    const type = String(reply.getHeader('content-type') ?? '');
    if (type.startsWith('text/html')) reply.header('content-security-policy', WEB_CSP);
    if (reply.statusCode === 200 && HASHED_ASSET.test(request.url))
      reply.header('cache-control', 'public, max-age=31536000, immutable');
    return payload;
  });
  await server.register(fastifyStatic, { root, prefix: '/', wildcard: false, index: false });
  const sendApp = (reply: { sendFile(name: string): unknown }) => reply.sendFile('index.html');
  server.get('/', { schema: { hide: true } }, (_request, reply) => sendApp(reply));
  server.get('/*', { schema: { hide: true } }, (request, reply) => {
    const path = request.url.split('?')[0] ?? '/';
    if (path === '/api' || path.startsWith('/api/') || LOOKS_LIKE_FILE.test(path))
      throw new DomainError('NOT_FOUND', 'no route GET for this path');
    return sendApp(reply);
  });
};
