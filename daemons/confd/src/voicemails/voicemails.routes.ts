/**
 * The voicemails resource: list, read, create, edit, delete. Wazo answers every operation for the
 * caller's tenant and its sub-tenants (`recurse` is implied on the item routes and on create, where
 * the context names the tenant).
 */
import type { DaemonPlugin } from '@wazo-ts/daemon';
import { ListOf, NoContent } from '@wazo-ts/daemon/schema';
import { voicemailCreateSchema, voicemailEditSchema, voicemailSchema } from '@wazo-ts/dao';
import { idParams, intParam } from '../common/int-param.js';
import { LIST_FILTERS } from '../common/list-filters.js';
import { listQuerySchema, parseListQuery } from '../common/list-params.js';
import { locationOf } from '../common/location.js';
import { tenantScopeOf } from '../common/scope.js';
import type { ConfdConfig } from '../definition.js';
import type { ConfdResources } from '../resources.js';

export const VoicemailIdParams = idParams('voicemail_id');
export const voicemailIdOf = (raw: string) => intParam(raw, 'Voicemail');

export const voicemailsPlugin: DaemonPlugin<ConfdConfig, ConfdResources> = {
  name: 'voicemail',
  load({ api, resources }) {
    const { voicemails } = resources.services;
    const visible = resources.visibleTenants;
    const wideScope = (request: Parameters<typeof tenantScopeOf>[0]) => tenantScopeOf(request, visible, true);
    const tags = ['voicemails'];

    api.get(
      '/voicemails',
      {
        config: { acl: 'confd.voicemails.read' },
        schema: {
          summary: 'List voicemails',
          tags,
          querystring: listQuerySchema(LIST_FILTERS.voicemails),
          response: { 200: ListOf(voicemailSchema) },
        },
      },
      async (request) => {
        const { params, recurse } = parseListQuery(request.query);
        return voicemails.search(await tenantScopeOf(request, visible, recurse), params);
      },
    );

    api.get(
      '/voicemails/:voicemail_id',
      {
        config: { acl: 'confd.voicemails.{voicemail_id}.read' },
        schema: {
          summary: 'Get voicemail',
          tags,
          params: VoicemailIdParams,
          response: { 200: voicemailSchema },
        },
      },
      async (request) => voicemails.get(await wideScope(request), voicemailIdOf(request.params.voicemail_id)),
    );

    api.post(
      '/voicemails',
      {
        config: { acl: 'confd.voicemails.create' },
        schema: {
          summary: 'Create voicemail',
          tags,
          body: voicemailCreateSchema,
          response: { 201: voicemailSchema },
        },
      },
      async (request, reply) => {
        const voicemail = await voicemails.create(await wideScope(request), request.body);
        return reply
          .code(201)
          .header('location', locationOf(request, '1.1', `/voicemails/${voicemail.id}`))
          .send(voicemail);
      },
    );

    api.put(
      '/voicemails/:voicemail_id',
      {
        config: { acl: 'confd.voicemails.{voicemail_id}.update' },
        schema: {
          summary: 'Update voicemail',
          tags,
          params: VoicemailIdParams,
          body: voicemailEditSchema,
          response: { 204: NoContent },
        },
      },
      async (request, reply) => {
        const id = voicemailIdOf(request.params.voicemail_id);
        await voicemails.edit(await wideScope(request), id, request.body);
        return reply.code(204).send(null);
      },
    );

    api.delete(
      '/voicemails/:voicemail_id',
      {
        config: { acl: 'confd.voicemails.{voicemail_id}.delete' },
        schema: {
          summary: 'Delete voicemail',
          tags,
          params: VoicemailIdParams,
          response: { 204: NoContent },
        },
      },
      async (request, reply) => {
        await voicemails.delete(await wideScope(request), voicemailIdOf(request.params.voicemail_id));
        return reply.code(204).send(null);
      },
    );
  },
};
