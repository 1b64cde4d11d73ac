/**
 * The extensions resource, as the users exemplar: list, read, create, edit, delete. An extension
 * takes its context's tenant, so a create looks the context up among the visible tenants.
 */
import type { DaemonPlugin } from '@wazo-ts/daemon';
import {
  type ExtensionCreate,
  type ExtensionEdit,
  extensionCreateSchema,
  extensionEditSchema,
} from '@wazo-ts/dao';
import { idParams, intParam } from '../common/int-param.js';
import { type ListQuery, listQuerySchema, parseListQuery } from '../common/list-params.js';
import { locationOf } from '../common/location.js';
import { tenantScopeOf } from '../common/scope.js';
import type { ConfdConfig } from '../definition.js';
import type { ConfdResources } from '../resources.js';

const params = idParams('extension_id');
type ItemRequest = { Params: { extension_id: string } };
const tags = ['extensions'];

export const extensionsPlugin: DaemonPlugin<ConfdConfig, ConfdResources> = {
  name: 'extension',
  load({ api, resources }) {
    const { extensions } = resources.services;
    const visible = resources.visibleTenants;
    const itemScope = (request: Parameters<typeof tenantScopeOf>[0]) => tenantScopeOf(request, visible, true);
    const idOf = (request: { params: { extension_id: string } }) =>
      intParam(request.params.extension_id, 'Extension');

    api.get<{ Querystring: ListQuery }>(
      '/extensions',
      {
        config: { acl: 'confd.extensions.read' },
        schema: { summary: 'List extensions', tags, querystring: listQuerySchema() },
      },
      async (request) => {
        const { params: search, recurse } = parseListQuery(request.query);
        return extensions.search(await tenantScopeOf(request, visible, recurse), search);
      },
    );

    api.get<ItemRequest>(
      '/extensions/:extension_id',
      {
        config: { acl: 'confd.extensions.{extension_id}.read' },
        schema: { summary: 'Get extension', tags, params },
      },
      async (request) => extensions.get(await itemScope(request), idOf(request)),
    );

    api.post<{ Body: ExtensionCreate }>(
      '/extensions',
      {
        config: { acl: 'confd.extensions.create' },
        schema: { summary: 'Create extension', tags, body: extensionCreateSchema },
      },
      async (request, reply) => {
        const extension = await extensions.create(await itemScope(request), request.body);
        return reply
          .code(201)
          .header('location', locationOf(request, '1.1', `/extensions/${extension.id}`))
          .send(extension);
      },
    );

    api.put<ItemRequest & { Body: ExtensionEdit }>(
      '/extensions/:extension_id',
      {
        config: { acl: 'confd.extensions.{extension_id}.update' },
        schema: { summary: 'Update extension', tags, params, body: extensionEditSchema },
      },
      async (request, reply) => {
        await extensions.edit(await itemScope(request), idOf(request), request.body);
        return reply.code(204).send();
      },
    );

    api.delete<ItemRequest>(
      '/extensions/:extension_id',
      {
        config: { acl: 'confd.extensions.{extension_id}.delete' },
        schema: { summary: 'Delete extension', tags, params },
      },
      async (request, reply) => {
        await extensions.delete(await itemScope(request), idOf(request));
        return reply.code(204).send();
      },
    );
  },
};
