/**
 * The routes every daemon serves under `/<version>`: `status` (HEAD public, GET with
 * `<name>.status.read`), `config` (GET masked, PATCH for `debug` only, as Wazo), and
 * `api/api.yml`, the OpenAPI document.
 */
import type { FastifyInstance } from 'fastify';
import { applyConfigPatch } from '../logging/index.js';
import type { BuildAppOptions } from './app.js';
import { openApiYaml } from './openapi.js';

const StatusSchema = { type: 'object', additionalProperties: true } as const;

const PatchSchema = {
  type: 'array',
  items: {
    type: 'object',
    properties: { op: { type: 'string' }, path: { type: 'string' }, value: {} },
    required: ['op', 'path'],
  },
} as const;

type CoreOptions = Pick<BuildAppOptions, 'name' | 'status' | 'maskedConfig' | 'setDebug' | 'config'>;

export function installCoreRoutes(api: FastifyInstance, options: CoreOptions, root: FastifyInstance): void {
  const { name, status } = options;
  api.head(
    '/status',
    { config: { public: true }, schema: { tags: ['status'], summary: 'Liveness: 200 healthy, 503 not' } },
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
      schema: { tags: ['config'], summary: 'The effective configuration (secrets masked)' },
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
