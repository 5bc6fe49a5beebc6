/**
 * Sign-in and sessions: POST /api/auth/login (rate limited per IP) sets the session cookie,
 * POST /api/auth/logout ends the session, GET /api/auth/me tells who is signed in, what they may do
 * and the CSRF token that cookie-authenticated writes must echo.
 */
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { capabilities } from '../../app/index.js';
import { ROLES } from '../../domain/index.js';
import { actorOf, clearSessionCookie, setSessionCookie } from '../authenticate.js';
import { NoContent, NoQuery, responses } from '../schemas/common.js';
import { LoginBody } from '../schemas/requests.js';
import { UserOut } from '../schemas/resources.js';
import type { PluginOptions } from './options.js';

const LoginOut = z
  .object({ user: UserOut, csrfToken: z.string(), expiresAt: z.string() })
  .meta({ id: 'LoginResult' });
const MeOut = z
  .object({
    user: z.object({ id: z.string(), username: z.string().nullable(), displayName: z.string().nullable() }),
    role: z.enum(ROLES),
    via: z.enum(['session', 'token', 'cli', 'system']),
    capabilities: z.array(z.string()),
    csrfToken: z.string().nullable().describe('null for API tokens, which need no CSRF header'),
  })
  .meta({ id: 'Me' });

/** Authentication routes plugin. */
export const authPlugin: FastifyPluginAsyncZod<PluginOptions> = async (server, { app, config }) => {
  server.post(
    '/api/auth/login',
    {
      config: { public: true, rateLimit: { max: config.loginRatePerMinute, timeWindow: 60_000 } },
      schema: {
        tags: ['auth'],
        summary: 'Sign in; sets the wa_session cookie',
        body: LoginBody,
        response: responses(LoginOut),
      },
    },
    async (request, reply) => {
      const { session, csrfToken, user, expiresAt } = await app.auth.login(request.body);
      setSessionCookie(reply, config, session, expiresAt);
      return { user, csrfToken, expiresAt };
    },
  );
  server.post(
    '/api/auth/logout',
    {
      schema: {
        tags: ['auth'],
        summary: 'Sign out: ends the session and clears the cookie',
        response: responses(NoContent, 204),
      },
    },
    async (request, reply) => {
      actorOf(request);
      if (request.session) await app.auth.logout(request.session.secret);
      clearSessionCookie(reply, config);
      return reply.code(204).send(null);
    },
  );
  server.get(
    '/api/auth/me',
    {
      schema: {
        tags: ['auth'],
        summary: 'The signed-in user, role, capabilities and CSRF token',
        querystring: NoQuery,
        response: responses(MeOut),
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const user = request.session?.user;
      return {
        user: { id: actor.userId, username: user?.username ?? null, displayName: user?.displayName ?? null },
        role: actor.role,
        via: actor.via,
        capabilities: capabilities(actor.role),
        csrfToken: request.session?.csrfToken ?? null,
      };
    },
  );
};
