/**
 * The routes of a settings section: `GET` answers the section (its defaults until a `PUT`),
 * `PUT` replaces it (204, the section's event). A system section answers only the master
 * tenant's tokens (401 otherwise) where Wazo says so; a per-tenant section is the scoping
 * tenant's (`Wazo-Tenant`, else the token's).
 */
import type { DaemonPlugin } from '@wazo-ts/daemon';
import { NoContent, type TSchema } from '@wazo-ts/daemon/schema';
import type { SettingsServices } from '@wazo-ts/dao';
import { checkMasterTenant } from '../common/master-tenant.js';
import { scopingTenantOf } from '../common/scope.js';
import type { ConfdConfig } from '../definition.js';
import type { ConfdResources } from '../resources.js';

export interface SettingsRoute {
  /** Path under the API version (`/asterisk/pjsip/global`). */
  path: string;
  /** The Service API's service of the section. */
  section: keyof SettingsServices;
  /** Wazo's ACLs of the two operations (`confd.asterisk.pjsip.global.read`...). */
  acl: { get: string; put: string };
  /** Which operations only the master tenant may call. */
  master: { get: boolean; put: boolean };
  summary: string;
  tags: string[];
  body: TSchema;
  answer: TSchema;
}

/** One plugin holding the routes of several sections (one Wazo plugin: `pjsip`, `rtp`...). */
export function settingsPlugin(
  name: string,
  routes: readonly SettingsRoute[],
): DaemonPlugin<ConfdConfig, ConfdResources> {
  return {
    name,
    load({ api, resources, serviceToken }) {
      for (const route of routes) {
        const service = resources.services.settings[route.section] as {
          get(tenant: string): Promise<unknown>;
          replace(tenant: string, body: unknown): Promise<void>;
        };
        const { tags } = route;
        api.get(
          route.path,
          {
            config: { acl: route.acl.get },
            schema: { summary: `Get ${route.summary}`, tags, response: { 200: route.answer } },
          },
          async (request) => {
            if (route.master.get) checkMasterTenant(request, serviceToken ?? null);
            return service.get(scopingTenantOf(request));
          },
        );
        api.put(
          route.path,
          {
            config: { acl: route.acl.put },
            schema: {
              summary: `Update ${route.summary}`,
              tags,
              body: route.body,
              response: { 204: NoContent },
            },
          },
          async (request, reply) => {
            if (route.master.put) checkMasterTenant(request, serviceToken ?? null);
            await service.replace(scopingTenantOf(request), request.body);
            return reply.code(204).send(null);
          },
        );
      }
    },
  };
}
