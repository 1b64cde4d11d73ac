/**
 * A user's on/off settings of one kind (services: dnd, incallfilter; forwards: busy, noanswer,
 * unconditional): read and change all of them or one. Each PUT answers 204 and changes only what
 * is given; the Service API writes one `users_<kind>_<name>_updated` event per setting announced
 * (every setting for the set, the one named otherwise) to the outbox with the change, and refuses
 * an enabled forward without a destination.
 *
 * Tenancy: Wazo's confd does not filter these routes by tenant; here they take the item scope
 * (the tenant and its visible sub-tenants) as every user item route does, so a foreign user is 404.
 * ACLs are Wazo's: `confd.users.{user_id}.<kind>[.<name>].read|update`, with its quirk that
 * incallfilter is guarded by the *dnd* ACLs (kept: a policy written for Wazo grants and denies the
 * same requests here).
 */
import type { DaemonPlugin } from '@wazo-ts/daemon';
import { NoContent } from '@wazo-ts/daemon/schema';
import type { TenantScope, UserSettings, UserSettingsUpdate } from '@wazo-ts/dao';
import { tenantScopeOf } from '../common/scope.js';
import type { ConfdServices } from '../common/services.js';
import type { ConfdConfig } from '../definition.js';
import type { ConfdResources } from '../resources.js';

const UserIdParams = {
  type: 'object',
  properties: { user_id: { type: 'string', description: 'The user id or uuid' } },
  required: ['user_id'],
} as const;

type ItemRequest = { Params: { user_id: string } };

interface SettingsService<N extends string, S> {
  get(scope: TenantScope, key: string): Promise<UserSettings<N, S>>;
  getOne(scope: TenantScope, key: string, name: N): Promise<S>;
  update(scope: TenantScope, key: string, update: UserSettingsUpdate<N, S>): Promise<unknown>;
  updateOne(scope: TenantScope, key: string, name: N, setting: Partial<S>): Promise<unknown>;
}

export interface UserSettingsRoutes<N extends string, S> {
  /** The plugin name `enabled_plugins` refers to, e.g. `user_services`. */
  name: string;
  /** The path segment, ACL word and tag, e.g. `services`. */
  kind: string;
  /** One setting in the summaries, e.g. `service` in `Get the user's dnd service`. */
  word: string;
  names: readonly N[];
  /** The ACL word of each setting, where Wazo checks another one than its name. */
  aclOf?: Partial<Record<N, string>>;
  /** The body schemas of the set and of one setting (from the Service API's model). */
  schemas: { set: object; one: object };
  /** The answer schemas of the set and of one setting (from the Service API's model). */
  answers: { set: object; one: object };
  service(services: ConfdServices): SettingsService<N, S>;
}

export function userSettingsPlugin<N extends string, S>(
  spec: UserSettingsRoutes<N, S>,
): DaemonPlugin<ConfdConfig, ConfdResources> {
  const { kind, word, schemas } = spec;
  const tags = ['users', kind];
  return {
    name: spec.name,
    load({ api, resources }) {
      const settings = spec.service(resources.services);
      const itemScope = (request: Parameters<typeof tenantScopeOf>[0]) =>
        tenantScopeOf(request, resources.visibleTenants, true);

      api.get<ItemRequest>(
        `/users/:user_id/${kind}`,
        {
          config: { acl: `confd.users.{user_id}.${kind}.read` },
          schema: {
            summary: `Get the user's ${kind}`,
            tags,
            params: UserIdParams,
            response: { 200: spec.answers.set },
          },
        },
        async (request) => settings.get(await itemScope(request), request.params.user_id),
      );

      api.put<ItemRequest & { Body: UserSettingsUpdate<N, S> }>(
        `/users/:user_id/${kind}`,
        {
          config: { acl: `confd.users.{user_id}.${kind}.update` },
          schema: {
            summary: `Update the user's ${kind}`,
            tags,
            params: UserIdParams,
            body: schemas.set,
            response: { 204: NoContent },
          },
        },
        async (request, reply) => {
          const body = request.body as UserSettingsUpdate<N, S>;
          await settings.update(await itemScope(request), request.params.user_id, body);
          return reply.code(204).send(null);
        },
      );

      for (const name of spec.names) {
        const acl = `confd.users.{user_id}.${kind}.${spec.aclOf?.[name] ?? name}`;
        api.get<ItemRequest>(
          `/users/:user_id/${kind}/${name}`,
          {
            config: { acl: `${acl}.read` },
            schema: {
              summary: `Get the user's ${name} ${word}`,
              tags,
              params: UserIdParams,
              response: { 200: spec.answers.one },
            },
          },
          async (request) => settings.getOne(await itemScope(request), request.params.user_id, name),
        );

        api.put<ItemRequest & { Body: Partial<S> }>(
          `/users/:user_id/${kind}/${name}`,
          {
            config: { acl: `${acl}.update` },
            schema: {
              summary: `Update the user's ${name} ${word}`,
              tags,
              params: UserIdParams,
              body: schemas.one,
              response: { 204: NoContent },
            },
          },
          async (request, reply) => {
            const body = request.body as Partial<S>;
            await settings.updateOne(await itemScope(request), request.params.user_id, name, body);
            return reply.code(204).send(null);
          },
        );
      }
    },
  };
}
