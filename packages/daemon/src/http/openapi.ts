/**
 * The OpenAPI document a daemon serves at `/<version>/api/api.yml`, generated from the route
 * schemas by @fastify/swagger. Each operation carries its access rule: `x-wazo-acl` and a
 * "Required ACL" line as Wazo's specs write it, or no security requirement when public.
 */
import swagger from '@fastify/swagger';
import type { FastifyInstance } from 'fastify';
import { stringify } from 'yaml';
import type { DeclaredRoute } from './access.js';

type Operation = { description?: string; security?: unknown[]; [key: string]: unknown };

function annotate(document: Record<string, unknown>, routes: DeclaredRoute[]): Record<string, unknown> {
  const paths = (document.paths ?? {}) as Record<string, Record<string, Operation>>;
  for (const route of routes) {
    const operation = paths[route.path]?.[route.method.toLowerCase()];
    if (!operation) continue;
    if ('acl' in route.access) {
      operation['x-wazo-acl'] = route.access.acl;
      operation.security = [{ wazo_auth: [] }];
      const line = `**Required ACL:** \`${route.access.acl}\``;
      operation.description = operation.description ? `${line}\n\n${operation.description}` : line;
    } else {
      operation['x-wazo-public'] = true;
      operation.security = [];
    }
  }
  return document;
}

export async function installOpenApi(
  app: FastifyInstance,
  info: { title: string; version: string; description: string },
  routes: DeclaredRoute[],
): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info,
      components: {
        securitySchemes: { wazo_auth: { type: 'apiKey', in: 'header', name: 'X-Auth-Token' } },
      },
    },
    transformObject: (documentObject) => {
      const document =
        'openapiObject' in documentObject ? documentObject.openapiObject : documentObject.swaggerObject;
      return annotate(document as Record<string, unknown>, routes) as typeof document;
    },
  });
}

/** The document as YAML; computed once, after all routes are registered. */
export function openApiYaml(app: FastifyInstance): () => string {
  let cached: string | undefined;
  return () => {
    cached ??= stringify(app.swagger(), { aliasDuplicateObjects: false });
    return cached;
  };
}
