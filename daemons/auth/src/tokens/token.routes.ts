/**
 * The token API: POST /token, GET/HEAD/DELETE /token/{token}, POST /token/{token}/scopes/check.
 * All public (the token is the credential) and answering errors in wazo-auth's legacy body.
 */
import { authSessionDeleted, authTenantDeleted } from '@wazo-ts/bus';
import type { DaemonPlugin } from '@wazo-ts/daemon';
import { NoContent } from '@wazo-ts/daemon/schema';
import { isWazoError } from '@wazo-ts/errors';
import type { FastifyReply } from 'fastify';
import type { AuthConfig } from '../definition.js';
import type { AuthResources } from '../resources.js';
import { parseBasicAuth } from './basic-auth.js';
import { createPurger } from './purge.js';
import * as schemas from './token.schemas.js';
import { evictFor } from './token-eviction.js';

const legacy = { public: true, errorShape: 'legacy' } as const;

/** The guard's 429 tells when to come back, as HTTP clients expect. */
function withRetryAfter(reply: FastifyReply, err: unknown): never {
  if (isWazoError(err) && typeof err.details.retry_after === 'number')
    reply.header('Retry-After', String(err.details.retry_after));
  throw err;
}

export const tokensPlugin: DaemonPlugin<AuthConfig, AuthResources> = {
  name: 'tokens',
  async load({ api, config, resources, lifecycle, logger, bus }) {
    const { logins, tokens } = resources.services;
    const cache = resources.tokenCache ?? null;
    if (cache) {
      // Another wazo-auth's revocations (and tenant deletions) reach this one's cache by the bus.
      await bus.consumer.subscribe(authSessionDeleted, (event) => evictFor(cache, event));
      await bus.consumer.subscribe(authTenantDeleted, (event) => evictFor(cache, event));
    }
    const purger = createPurger(tokens, config.token_cleanup_interval, logger);
    lifecycle.onStart(() => purger.start());
    lifecycle.onStop(() => purger.stop());

    api.post(
      '/token',
      {
        config: legacy,
        schema: {
          summary: 'Create a token (HTTP Basic login, or a refresh token with its client_id)',
          body: schemas.TokenRequestSchema,
          response: { 200: schemas.TokenResponseSchema },
        },
      },
      async (request, reply) => {
        const sessionType = request.headers['wazo-session-type'];
        const result = await logins
          .login({
            body: request.body,
            credentials: parseBasicAuth(request.headers.authorization),
            mobile: typeof sessionType === 'string' && sessionType.toLowerCase() === 'mobile',
            userAgent: request.headers['user-agent'] ?? '',
            remoteAddr: request.ip,
          })
          .catch((err: unknown) => withRetryAfter(reply, err));
        reply.header('Wazo-Sessions-Revoked', String(result.revokedSessions));
        return { data: result.token };
      },
    );
    // HEAD before GET: Fastify would otherwise derive a HEAD route from the GET one (200, not 204).
    api.head(
      '/token/:token',
      {
        config: legacy,
        schema: {
          summary: 'Check a token, a scope and a tenant if given (204, no body)',
          params: schemas.TokenParams,
          querystring: schemas.CheckQuery,
          response: { 204: NoContent },
        },
      },
      async (request, reply) => {
        await tokens.check(request.params.token, request.query.scope, request.query.tenant);
        return reply.code(204).send(null);
      },
    );
    api.get(
      '/token/:token',
      {
        config: legacy,
        schema: {
          summary: 'Read a token, checking a scope and a tenant if given',
          params: schemas.TokenParams,
          querystring: schemas.CheckQuery,
          response: { 200: schemas.TokenResponseSchema },
        },
      },
      async (request) => ({
        data: await tokens.check(request.params.token, request.query.scope, request.query.tenant),
      }),
    );
    api.delete(
      '/token/:token',
      {
        config: legacy,
        schema: {
          summary: 'Revoke a token and its session',
          params: schemas.TokenParams,
          response: { 200: schemas.LegacyDeleteResponse },
        },
      },
      async (request) => {
        await tokens.revoke(request.params.token);
        return { data: { message: 'success' } };
      },
    );
    api.post(
      '/token/:token/scopes/check',
      {
        config: legacy,
        schema: {
          summary: 'Check several scopes at once',
          params: schemas.TokenParams,
          body: schemas.ScopesBody,
          response: { 200: schemas.ScopesResponse },
        },
      },
      async (request) =>
        tokens.checkScopes(request.params.token, request.body.scopes ?? [], request.body.tenant_uuid),
    );
  },
};
