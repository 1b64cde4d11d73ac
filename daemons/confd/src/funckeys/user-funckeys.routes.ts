/**
 * `user_funckey`: a user's keys (`/users/{id}/funckeys`: its public template's merged under its
 * own; a PUT replaces its own), one key by position, and the user's public template
 * (`/users/{id}/funckeys/templates[/{template_id}]`). The user is named by id or uuid; the caller's
 * tenant and its sub-tenants are searched, as Wazo's recurse.
 */
import type { DaemonPlugin } from '@wazo-ts/daemon';
import { ListOf, NoContent, Type } from '@wazo-ts/daemon/schema';
import {
  funcKeyInputSchema,
  funcKeySchema,
  funcKeyTemplateInputSchema,
  funcKeyTemplateUserSchema,
  unifiedFuncKeysSchema,
} from '@wazo-ts/dao';
import { keyParams } from '../common/int-param.js';
import { type scopingTenantOf, tenantScopeOf } from '../common/scope.js';
import type { ConfdConfig } from '../definition.js';
import type { ConfdResources } from '../resources.js';
import { positionOf, templateIdOf, withHref, withHrefs } from './funckey-params.js';

const tags = ['users', 'funckeys'];
const UserParams = keyParams('user_id');
const user = { type: 'string', description: 'The id or uuid' } as const;
const PositionParams = Type.Object({ user_id: Type.String(user), position: Type.String() });
const TemplateParams = Type.Object({ user_id: Type.String(user), template_id: Type.String() });

export const userFuncKeysPlugin: DaemonPlugin<ConfdConfig, ConfdResources> = {
  name: 'user_funckey',
  load({ api, resources }) {
    const { funcKeys } = resources.services;
    const scope = (request: Parameters<typeof scopingTenantOf>[0]) =>
      tenantScopeOf(request, resources.visibleTenants, true);

    api.get(
      '/users/:user_id/funckeys',
      {
        config: { acl: 'confd.users.{user_id}.funckeys.read' },
        schema: {
          summary: "List a user's function keys",
          tags,
          params: UserParams,
          response: { 200: unifiedFuncKeysSchema },
        },
      },
      async (request) =>
        withHrefs(request, await funcKeys.userKeys(await scope(request), request.params.user_id)),
    );

    api.put(
      '/users/:user_id/funckeys',
      {
        config: { acl: 'confd.users.{user_id}.funckeys.update' },
        schema: {
          summary: "Replace a user's own function keys",
          tags,
          params: UserParams,
          body: funcKeyTemplateInputSchema,
          response: { 204: NoContent },
        },
      },
      async (request, reply) => {
        await funcKeys.setUserKeys(await scope(request), request.params.user_id, request.body ?? {});
        return reply.code(204).send(null);
      },
    );

    api.get(
      '/users/:user_id/funckeys/templates',
      {
        config: { acl: 'confd.users.{user_id}.funckeys.templates.read' },
        schema: {
          summary: "List a user's function key template",
          tags,
          params: UserParams,
          response: { 200: ListOf(funcKeyTemplateUserSchema) },
        },
      },
      async (request) => funcKeys.templatesOfUser(await scope(request), request.params.user_id),
    );

    for (const [method, action, verb] of [
      ['put', 'update', 'Associate'],
      ['delete', 'delete', 'Dissociate'],
    ] as const) {
      api[method](
        '/users/:user_id/funckeys/templates/:template_id',
        {
          config: { acl: `confd.users.{user_id}.funckeys.templates.{template_id}.${action}` },
          schema: {
            summary: `${verb} user and function key template`,
            tags,
            params: TemplateParams,
            response: { 204: NoContent },
          },
        },
        async (request, reply) => {
          const templateId = templateIdOf(request.params.template_id);
          const call = method === 'put' ? funcKeys.associate : funcKeys.dissociate;
          await call(await scope(request), request.params.user_id, templateId);
          return reply.code(204).send(null);
        },
      );
    }

    api.get(
      '/users/:user_id/funckeys/:position',
      {
        config: { acl: 'confd.users.{user_id}.funckeys.{position}.read' },
        schema: {
          summary: "Get a user's function key",
          tags,
          params: PositionParams,
          response: { 200: funcKeySchema },
        },
      },
      async (request) => {
        const { user_id, position } = request.params;
        return withHref(request, await funcKeys.userKey(await scope(request), user_id, positionOf(position)));
      },
    );

    api.put(
      '/users/:user_id/funckeys/:position',
      {
        config: { acl: 'confd.users.{user_id}.funckeys.{position}.update' },
        schema: {
          summary: "Set a user's function key",
          tags,
          params: PositionParams,
          body: funcKeyInputSchema,
          response: { 204: NoContent },
        },
      },
      async (request, reply) => {
        const { user_id, position } = request.params;
        await funcKeys.setUserKey(await scope(request), user_id, positionOf(position), request.body);
        return reply.code(204).send(null);
      },
    );

    api.delete(
      '/users/:user_id/funckeys/:position',
      {
        config: { acl: 'confd.users.{user_id}.funckeys.{position}.delete' },
        schema: {
          summary: "Remove a user's function key",
          tags,
          params: PositionParams,
          response: { 204: NoContent },
        },
      },
      async (request, reply) => {
        const { user_id, position } = request.params;
        await funcKeys.deleteUserKey(await scope(request), user_id, positionOf(position));
        return reply.code(204).send(null);
      },
    );
  },
};
