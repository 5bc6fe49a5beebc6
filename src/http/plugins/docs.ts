/**
 * OpenAPI 3 from the route schemas (GET /api/openapi.json) and a documentation page (/api/docs)
 * served from the swagger-ui package itself: no CDN, no call to an outside validator.
 */
import type { FastifyInstance, FastifyPluginAsync } from 'fastify';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import type { PluginOptions } from './options.js';

/** Collects route schemas into the OpenAPI document; must be registered before any route. */
export async function registerOpenApi(server: FastifyInstance, version: string): Promise<void> {
  // Public routes say so in the document: no security requirement.
  server.addHook('onRoute', (route) => {
    if ((route.config as { public?: boolean } | undefined)?.public && route.schema)
      route.schema = { ...route.schema, security: [] };
  });
  await server.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Whereabouts API',
        version,
        description:
          'Registry of sourced claims about people in armed conflict. Errors: { error: { code, message, details } }. See docs/api.md.',
      },
      components: {
        securitySchemes: {
          session: {
            type: 'apiKey',
            in: 'cookie',
            name: 'wa_session',
            description: 'Session cookie from POST /api/auth/login; writes also need x-csrf-token.',
          },
          token: { type: 'http', scheme: 'bearer', description: 'API token (wa_…).' },
        },
      },
      security: [{ session: [] }, { token: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
}

// swagger-ui's own policy upgrades requests to https and allows an outside validator; a field office
// may serve over plain http, and nothing is fetched from elsewhere.
function tightenCsp(header: string): string {
  return header
    .replace(/\s*upgrade-insecure-requests;?/, '')
    .replace(/ validator\.swagger\.io/, '')
    .replace(/ https:/g, '')
    .replace("frame-ancestors 'self'", "frame-ancestors 'none'");
}

/** Documentation routes plugin. */
export const docsPlugin: FastifyPluginAsync<PluginOptions> = async (server) => {
  // The documentation is public, like the document it renders; onRoute here sees only this plugin's routes.
  server.addHook('onRoute', (route) => {
    route.config = { ...(route.config as object), public: true };
  });
  server.get(
    '/api/openapi.json',
    { config: { public: true }, schema: { hide: true } },
    async (_request, reply) => reply.type('application/json').send(JSON.stringify(server.swagger())),
  );
  await server.register(swaggerUi, {
    routePrefix: '/api/docs',
    staticCSP: true,
    transformStaticCSP: tightenCsp,
    uiConfig: { validatorUrl: null, deepLinking: false },
  });
};
