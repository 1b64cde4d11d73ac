/**
 * The Fastify application of a daemon, built without a socket so tests can `inject()` into it.
 * It carries everything a Wazo daemon's REST API needs: CORS, access control on every route,
 * schema validation, Wazo's error bodies, an access log with masked tokens, the OpenAPI document,
 * `/status` and `/config`. The daemon's features are registered by `registerApi` under
 * `/<version>`.
 */
import cors from '@fastify/cors';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, {
  type FastifyBaseLogger,
  type FastifyInstance,
  type FastifyServerFactory,
  LogController,
} from 'fastify';
import type { Logger } from 'pino';
import type { TokenVerifier } from '../auth/types.js';
import type { BaseConfig } from '../config/schema.js';
import type { DaemonApi } from '../plugins/types.js';
import type { StatusAggregator } from '../status/status.js';
import { closeBodySchema } from './closed-bodies.js';
import { createAjv } from './validation.js';
import './fastify-types.js';
import { type DeclaredRoute, installAccessControl } from './access.js';
import { installAccessLog } from './access-log.js';
import { installCoreRoutes } from './core-routes.js';
import type { ErrorShape } from './error-shapes.js';
import { installErrorHandling, type RequestFailureRenderer } from './errors.js';
import { installJsonBodyParser } from './json-body.js';
import { installOpenApi } from './openapi.js';
import { createProxyTrust, installProxyTrust, trustOneHop } from './proxy-trust.js';
import { withWazoBooleans } from './query-booleans.js';
import { installSerialization } from './serialization.js';

export interface BuildAppOptions {
  /** Short daemon name (`auth`, `confd`). */
  name: string;
  apiVersion: string;
  config: BaseConfig;
  logger: Logger;
  status: StatusAggregator;
  verifier: TokenVerifier;
  errorShape: ErrorShape;
  /** The daemon's own wording of validation and unreadable-body failures (wazo-confd's). */
  renderValidationError?: RequestFailureRenderer | undefined;
  /** Given by the lifecycle to serve on the already-bound socket. */
  serverFactory?: FastifyServerFactory;
  /** The effective config with secrets masked, for `GET /config`. */
  maskedConfig: () => unknown;
  /** Applies `PATCH /config` (Wazo allows only `debug`). */
  setDebug: (debug: boolean) => void;
  /** Registers the daemon's routes (its plugins) under `/<version>`. */
  registerApi: (api: DaemonApi) => Promise<void>;
}

export interface DaemonApp {
  app: FastifyInstance;
  /** Every route with its access declaration, as served. */
  routes: DeclaredRoute[];
}

export async function buildDaemonApp(options: BuildAppOptions): Promise<DaemonApp> {
  const { config } = options;
  const app: FastifyInstance = Fastify({
    // pino's Logger is Fastify's logger; only the declared generic differs.
    loggerInstance: options.logger as FastifyBaseLogger,
    // The kit writes its own access line (installAccessLog), in Wazo's words and with tokens masked.
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: config.rest_api.max_body_size,
    // Path parameters are names too (an external app's, up to 128 characters in Wazo): past
    // Fastify's 100 the route's own check answers, in the daemon's words, instead of a bare 414.
    routerOptions: { maxParamLength: 1024 },
    genReqId: () => crypto.randomUUID(),
    requestIdHeader: false,
    // Behind the gateway (or nginx), the client's address and the https scheme arrive in
    // X-Forwarded-* headers: installProxyTrust drops them unless the peer is a trusted proxy.
    trustProxy: trustOneHop,
    ...(options.serverFactory ? { serverFactory: options.serverFactory } : {}),
  });
  // Query strings and path parameters are text, so their schemas coerce ("10" → 10); JSON bodies
  // are typed, so theirs do not: a client sending 5 for a string, or "true" for a boolean, gets a
  // 400 as from Wazo's strict fields, instead of having the value silently converted.
  const coercing = createAjv({ coerceTypes: 'array' });
  // Bodies keep only their declared fields (closed-bodies.ts): `true` removes what a closed
  // object schema does not declare, instead of refusing it.
  const strict = createAjv({ coerceTypes: false, removeAdditional: true });
  app.setValidatorCompiler(({ schema, httpPart }) => {
    if (httpPart === 'body') return strict.compile(closeBodySchema(schema) as typeof schema);
    const validate = coercing.compile(schema);
    return httpPart === 'querystring' ? withWazoBooleans(schema, validate) : validate;
  });
  installSerialization(app);
  // First, so no hook or handler reads a forwarding header a client forged.
  installProxyTrust(app, createProxyTrust(config.rest_api));
  installJsonBodyParser(app);
  installErrorHandling(app, options.errorShape, options.renderValidationError);
  installAccessLog(app);
  const cfg = config.rest_api.cors;
  if (cfg.enabled) {
    await app.register(cors, {
      origin: cfg.allow_origins.includes('*') ? '*' : cfg.allow_origins,
      allowedHeaders: cfg.allow_headers,
      exposedHeaders: cfg.expose_headers,
      methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'],
      maxAge: 600,
    });
  }
  // After CORS, so its preflight route is not asked for an ACL: preflights carry no token.
  const routes = installAccessControl(app, options.verifier);
  await installOpenApi(
    app,
    {
      title: `wazo-${options.name}`,
      version: options.apiVersion,
      description: `The wazo-${options.name} REST API.`,
    },
    routes,
  );
  await app.register(
    async (api) => {
      installCoreRoutes(api, options, app);
      await options.registerApi(api.withTypeProvider<TypeBoxTypeProvider>());
    },
    { prefix: `/${options.apiVersion}` },
  );
  await app.ready();
  return { app, routes };
}
