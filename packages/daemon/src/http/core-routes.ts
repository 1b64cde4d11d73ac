/**
 * The routes every daemon serves under `/<version>`: `status` (HEAD public, GET with
 * `<name>.status.read`), `config` (GET masked, PATCH for `debug` only, as Wazo), and
 * `api/api.yml`, the OpenAPI document.
 */
import type { FastifyInstance } from 'fastify';
import { applyConfigPatch } from '../logging/index.js';
import { NoContent, OpenObject, Type } from '../schema/index.js';
import type { BuildAppOptions } from './app.js';
import { openApiYaml } from './openapi.js';

// Each component reports its own keys (a plugin's `cache_items`...): genuinely open.
const StatusSchema = OpenObject({ description: 'Each component with its `status` and own keys' });
// The daemon's whole effective configuration, whose keys each daemon's config schema decides.
const ConfigSchema = OpenObject({ description: 'The effective configuration, secrets masked' });

const PatchSchema = Type.Array(
  Type.Object({ op: Type.String(), path: Type.String(), value: Type.Optional(Type.Unknown()) }),
);

type CoreOptions = Pick<BuildAppOptions, 'name' | 'status' | 'maskedConfig' | 'setDebug' | 'config'>;

export function installCoreRoutes(api: FastifyInstance, options: CoreOptions, root: FastifyInstance): void {
  const { name, status } = options;
  api.head(
    '/status',
    {
      config: { public: true },
      schema: {
        tags: ['status'],
        summary: 'Liveness: 200 healthy, 503 not',
        response: { 200: NoContent, 503: NoContent },
      },
    },
    async (_req, reply) => reply.code(status.healthy() ? 200 : 503).send(),
  );
  api.get(
    '/status',
    {
      config: { acl: `${name}.status.read` },
      exposeHeadRoute: false,
      schema: { tags: ['status'], summary: 'Health of each component', response: { 200: StatusSchema } },
    },
    async () => status.report(),
  );
  api.get(
    '/config',
    {
      config: { acl: `${name}.config.read` },
      schema: {
        tags: ['config'],
        summary: 'The effective configuration (secrets masked)',
        response: { 200: ConfigSchema },
      },
    },
    async () => options.maskedConfig(),
  );
  api.patch(
    '/config',
    {
      config: { acl: `${name}.config.update` },
      schema: {
        tags: ['config'],
        summary: 'Change the debug flag at runtime (not persisted)',
        body: PatchSchema,
        response: { 200: ConfigSchema },
      },
    },
    async (request) => {
      const debug = applyConfigPatch(request.body, { debug: options.config.debug });
      options.setDebug(debug);
      return options.maskedConfig();
    },
  );
  const yaml = openApiYaml(root);
  api.get('/api/api.yml', { config: { public: true }, schema: { hide: true } }, async (_request, reply) =>
    reply.type('application/x-yaml; charset=utf-8').send(yaml()),
  );
}
