/** The HTTP edge: a Fastify server built by a factory, and the code → status table. */
export { buildServer, type ServerDeps } from './build-server.js';
export { STATUS_BY_CODE, statusForCode, toErrorResponse, type ErrorBody } from './error-mapping.js';
export { SESSION_COOKIE, CSRF_HEADER } from './authenticate.js';
