/**
 * The routes of an owner-to-resource link, from its declaration: `PUT` associates and `DELETE`
 * dissociates `/<owners>/{owner_id}/<resources>/{resource_id}`, both 204 (a no-op or Wazo's error
 * when already so, as the Service API's link kind says); both sides in the caller's tenant or
 * its sub-tenants. ACLs are Wazo's: `confd.<owners>.{owner_id}.<resources>.{resource_id}.update|delete`.
 */
import type { DaemonPlugin } from '@wazo-ts/daemon';
import { NoContent } from '@wazo-ts/daemon/schema';
import type { LinkKey, TenantScope } from '@wazo-ts/dao';
import type { ConfdConfig } from '../definition.js';
import type { ConfdResources } from '../resources.js';
import { tenantScopeOf } from './scope.js';
import type { ConfdServices } from './services.js';

/** One side of the link as its routes name it. */
export interface LinkRouteSide<K extends LinkKey> {
  /** The path segment and ACL word, e.g. `users`. */
  collection: string;
  /** The path parameter, e.g. `user_id`. */
  param: string;
  /** Its OpenAPI description, e.g. `The id or uuid`. */
  description: string;
  /** The word of the summaries, e.g. `user` in `Associate user and schedule`. */
  word: string;
  /** The path value as the Service API's key (or Wazo's 404 for a malformed one). */
  keyOf(raw: string): K;
}

export interface LinkRoutes<OK extends LinkKey, RK extends LinkKey> {
  /** The plugin name `enabled_plugins` refers to, e.g. `user_schedule`. */
  name: string;
  owner: LinkRouteSide<OK>;
  resource: LinkRouteSide<RK>;
  tags: string[];
  service(services: ConfdServices): {
    associate(scope: TenantScope, owner: OK, resource: RK): Promise<void>;
    dissociate(scope: TenantScope, owner: OK, resource: RK): Promise<void>;
  };
}

/** A user as a link's owner, named by id or uuid. */
export const userOwner: LinkRouteSide<string> = {
  collection: 'users',
  param: 'user_id',
  description: 'The id or uuid',
  word: 'user',
  keyOf: String,
};

const ACTIONS = [
  { method: 'put', acl: 'update', verb: 'Associate', call: 'associate' },
  { method: 'delete', acl: 'delete', verb: 'Dissociate', call: 'dissociate' },
] as const;

export function linkRoutesPlugin<OK extends LinkKey, RK extends LinkKey>(
  link: LinkRoutes<OK, RK>,
): DaemonPlugin<ConfdConfig, ConfdResources> {
  const { owner, resource } = link;
  const params = {
    type: 'object',
    properties: {
      [owner.param]: { type: 'string', description: owner.description },
      [resource.param]: { type: 'string', description: resource.description },
    },
    required: [owner.param, resource.param],
  } as const;
  const url = `/${owner.collection}/:${owner.param}/${resource.collection}/:${resource.param}`;
  const acl = `confd.${owner.collection}.{${owner.param}}.${resource.collection}.{${resource.param}}`;
  return {
    name: link.name,
    load({ api, resources }) {
      const service = link.service(resources.services);
      for (const action of ACTIONS) {
        api[action.method]<{ Params: Record<string, string> }>(
          url,
          {
            config: { acl: `${acl}.${action.acl}` },
            schema: {
              summary: `${action.verb} ${owner.word} and ${resource.word}`,
              tags: link.tags,
              params,
              response: { 204: NoContent },
            },
          },
          async (request, reply) => {
            const scope = await tenantScopeOf(request, resources.visibleTenants, true);
            const ownerKey = owner.keyOf(request.params[owner.param]!);
            await service[action.call](scope, ownerKey, resource.keyOf(request.params[resource.param]!));
            return reply.code(204).send(null);
          },
        );
      }
    },
  };
}
