/**
 * The extensions resource, as the users exemplar: list, read, create, edit, delete. An extension
 * takes its context's tenant, so a create looks the context up among the visible tenants.
 */
import type { DaemonPlugin } from '@wazo-ts/daemon';
import { ListOf, NoContent } from '@wazo-ts/daemon/schema';
import { extensionCreateSchema, extensionEditSchema, extensionSchema } from '@wazo-ts/dao';
import { idParams, intParam } from '../common/int-param.js';
import { LIST_FILTERS } from '../common/list-filters.js';
import { listQuerySchema, parseListQuery } from '../common/list-params.js';
import { locationOf } from '../common/location.js';
import { tenantScopeOf } from '../common/scope.js';
import type { ConfdConfig } from '../definition.js';
import type { ConfdResources } from '../resources.js';

const params = idParams('extension_id');
const tags = ['extensions'];

export const extensionsPlugin: DaemonPlugin<ConfdConfig, ConfdResources> = {
  name: 'extension',
  load({ api, resources }) {
    const { extensions } = resources.services;
    const visible = resources.visibleTenants;
    const itemScope = (request: Parameters<typeof tenantScopeOf>[0]) => tenantScopeOf(request, visible, true);
    const idOf = (request: { params: { extension_id: string } }) =>
      intParam(request.params.extension_id, 'Extension');

    api.get(
      '/extensions',
      {
        config: { acl: 'confd.extensions.read' },
        schema: {
          summary: 'List extensions',
          tags,
          querystring: listQuerySchema(LIST_FILTERS.extensions),
          response: { 200: ListOf(extensionSchema) },
        },
      },
      async (request) => {
        const { params: search, recurse } = parseListQuery(request.query);
        return extensions.search(await tenantScopeOf(request, visible, recurse), search);
      },
    );

    api.get(
      '/extensions/:extension_id',
      {
        config: { acl: 'confd.extensions.{extension_id}.read' },
        schema: { summary: 'Get extension', tags, params, response: { 200: extensionSchema } },
      },
      async (request) => extensions.get(await itemScope(request), idOf(request)),
    );

    api.post(
      '/extensions',
      {
        config: { acl: 'confd.extensions.create' },
        schema: {
          summary: 'Create extension',
          tags,
          body: extensionCreateSchema,
          response: { 201: extensionSchema },
        },
      },
      async (request, reply) => {
        const extension = await extensions.create(await itemScope(request), request.body);
        return reply
          .code(201)
          .header('location', locationOf(request, '1.1', `/extensions/${extension.id}`))
          .send(extension);
      },
    );

    api.put(
      '/extensions/:extension_id',
      {
        config: { acl: 'confd.extensions.{extension_id}.update' },
        schema: {
          summary: 'Update extension',
          tags,
          params,
          body: extensionEditSchema,
          response: { 204: NoContent },
        },
      },
      async (request, reply) => {
        await extensions.edit(await itemScope(request), idOf(request), request.body);
        return reply.code(204).send(null);
      },
    );

    api.delete(
      '/extensions/:extension_id',
      {
        config: { acl: 'confd.extensions.{extension_id}.delete' },
        schema: { summary: 'Delete extension', tags, params, response: { 204: NoContent } },
      },
      async (request, reply) => {
        await extensions.delete(await itemScope(request), idOf(request));
        return reply.code(204).send(null);
      },
    );
  },
};
