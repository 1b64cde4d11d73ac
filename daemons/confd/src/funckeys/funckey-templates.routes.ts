/**
 * `func_key`: the destination types (`/funckeys/destinations`), templates of keys
 * (`/funckeys/templates`, CRUD; a PUT replaces the name and every key), one key of a template by
 * position, and the users using a template.
 */
import type { DaemonPlugin } from '@wazo-ts/daemon';
import { ListOf, NoContent, Type } from '@wazo-ts/daemon/schema';
import {
  destinationParameters,
  funcKeyInputSchema,
  funcKeySchema,
  funcKeyTemplateInputSchema,
  funcKeyTemplateSchema,
  funcKeyTemplateUserSchema,
} from '@wazo-ts/dao';
import { idParams } from '../common/int-param.js';
import { LIST_FILTERS } from '../common/list-filters.js';
import { listQuerySchema, parseListQuery } from '../common/list-params.js';
import { locationOf } from '../common/location.js';
import { scopingTenantOf, tenantScopeOf } from '../common/scope.js';
import type { ConfdConfig } from '../definition.js';
import type { ConfdResources } from '../resources.js';
import { positionOf, templateIdOf, withHref, withHrefs } from './funckey-params.js';

const tags = ['funckeys'];
const TemplateParams = idParams('template_id');
const PositionParams = Type.Object({ template_id: Type.String(), position: Type.String() });
const destinationsSchema = Type.Array(
  Type.Object({
    type: Type.String(),
    parameters: Type.Array(
      Type.Object({
        name: Type.String(),
        values: Type.Optional(Type.Array(Type.String())),
        collection: Type.Optional(Type.String()),
      }),
    ),
  }),
);

export const funcKeyTemplatesPlugin: DaemonPlugin<ConfdConfig, ConfdResources> = {
  name: 'func_key',
  load({ api, resources }) {
    const { funcKeys, tenants } = resources.services;
    const visible = resources.visibleTenants;
    const itemScope = (request: Parameters<typeof scopingTenantOf>[0]) =>
      tenantScopeOf(request, visible, true);

    api.get(
      '/funckeys/destinations',
      {
        config: { acl: 'confd.funckeys.destinations.read' },
        schema: { summary: 'List function key destinations', tags, response: { 200: destinationsSchema } },
      },
      async (request) => destinationParameters(() => locationOf(request, '1.1', '/users')),
    );

    api.get(
      '/funckeys/templates',
      {
        config: { acl: 'confd.funckeys.templates.read' },
        schema: {
          summary: 'List function key templates',
          tags,
          querystring: listQuerySchema(LIST_FILTERS.funckeyTemplates),
          response: { 200: ListOf(funcKeyTemplateSchema) },
        },
      },
      async (request) => {
        const { params, recurse } = parseListQuery(request.query);
        const page = await funcKeys.search(await tenantScopeOf(request, visible, recurse), params);
        return { total: page.total, items: page.items.map((t) => withHrefs(request, t)) };
      },
    );

    api.post(
      '/funckeys/templates',
      {
        config: { acl: 'confd.funckeys.templates.create' },
        schema: {
          summary: 'Create a function key template',
          tags,
          body: funcKeyTemplateInputSchema,
          response: { 201: funcKeyTemplateSchema },
        },
      },
      async (request, reply) => {
        const tenantUuid = scopingTenantOf(request);
        await tenants.ensure(tenantUuid);
        const template = await funcKeys.create(tenantUuid, request.body);
        return reply
          .code(201)
          .header('location', locationOf(request, '1.1', `/funckeys/templates/${template.id}`))
          .send(withHrefs(request, template));
      },
    );

    api.get(
      '/funckeys/templates/:template_id',
      {
        config: { acl: 'confd.funckeys.templates.{template_id}.read' },
        schema: {
          summary: 'Get a function key template',
          tags,
          params: TemplateParams,
          response: { 200: funcKeyTemplateSchema },
        },
      },
      async (request) =>
        withHrefs(
          request,
          await funcKeys.get(await itemScope(request), templateIdOf(request.params.template_id)),
        ),
    );

    api.put(
      '/funckeys/templates/:template_id',
      {
        config: { acl: 'confd.funckeys.templates.{template_id}.update' },
        schema: {
          summary: 'Replace a function key template (name and every key)',
          tags,
          params: TemplateParams,
          body: funcKeyTemplateInputSchema,
          response: { 204: NoContent },
        },
      },
      async (request, reply) => {
        const id = templateIdOf(request.params.template_id);
        await funcKeys.edit(await itemScope(request), id, request.body);
        return reply.code(204).send(null);
      },
    );

    api.delete(
      '/funckeys/templates/:template_id',
      {
        config: { acl: 'confd.funckeys.templates.{template_id}.delete' },
        schema: {
          summary: 'Delete a function key template',
          tags,
          params: TemplateParams,
          response: { 204: NoContent },
        },
      },
      async (request, reply) => {
        await funcKeys.delete(await itemScope(request), templateIdOf(request.params.template_id));
        return reply.code(204).send(null);
      },
    );

    api.get(
      '/funckeys/templates/:template_id/users',
      {
        config: { acl: 'confd.funckeys.templates.{template_id}.users.read' },
        schema: {
          summary: 'List the users of a function key template',
          tags,
          params: TemplateParams,
          response: { 200: ListOf(funcKeyTemplateUserSchema) },
        },
      },
      async (request) => funcKeys.usersOf(await itemScope(request), templateIdOf(request.params.template_id)),
    );

    api.get(
      '/funckeys/templates/:template_id/:position',
      {
        config: { acl: 'confd.funckeys.templates.{template_id}.{position}.read' },
        schema: {
          summary: 'Get a key of a template',
          tags,
          params: PositionParams,
          response: { 200: funcKeySchema },
        },
      },
      async (request) => {
        const { template_id, position } = request.params;
        const key = await funcKeys.getKey(
          await itemScope(request),
          templateIdOf(template_id),
          positionOf(position),
        );
        return withHref(request, key);
      },
    );

    api.put(
      '/funckeys/templates/:template_id/:position',
      {
        config: { acl: 'confd.funckeys.templates.{template_id}.{position}.update' },
        schema: {
          summary: 'Set a key of a template',
          tags,
          params: PositionParams,
          body: funcKeyInputSchema,
          response: { 204: NoContent },
        },
      },
      async (request, reply) => {
        const { template_id, position } = request.params;
        const scope = await itemScope(request);
        await funcKeys.setKey(scope, templateIdOf(template_id), positionOf(position), request.body);
        return reply.code(204).send(null);
      },
    );

    api.delete(
      '/funckeys/templates/:template_id/:position',
      {
        config: { acl: 'confd.funckeys.templates.{template_id}.{position}.delete' },
        schema: {
          summary: 'Remove a key of a template',
          tags,
          params: PositionParams,
          response: { 204: NoContent },
        },
      },
      async (request, reply) => {
        const { template_id, position } = request.params;
        await funcKeys.deleteKey(await itemScope(request), templateIdOf(template_id), positionOf(position));
        return reply.code(204).send(null);
      },
    );
  },
};
