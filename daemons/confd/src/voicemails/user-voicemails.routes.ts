/**
 * A user's voicemail (`user_voicemail`): `GET /users/{id}/voicemails` lists it (zero or one),
 * `POST` creates a voicemail and gives it to the user in one transaction, `PUT .../{voicemail_id}`
 * associates an existing one, `DELETE /users/{id}/voicemails` takes the user's away. The user is
 * named by id or uuid; everything is looked up among the caller's tenant and its sub-tenants.
 */
import type { DaemonPlugin } from '@wazo-ts/daemon';
import { ListOf, NoContent, Type } from '@wazo-ts/daemon/schema';
import { voicemailCreateSchema, voicemailSchema } from '@wazo-ts/dao';
import { keyParams } from '../common/int-param.js';
import { locationOf } from '../common/location.js';
import { tenantScopeOf } from '../common/scope.js';
import type { ConfdConfig } from '../definition.js';
import type { ConfdResources } from '../resources.js';
import { userVoicemailsOf } from './user-voicemails.js';
import { voicemailIdOf } from './voicemails.routes.js';

const UserIdParams = keyParams('user_id');
const UserVoicemailParams = Type.Object({
  user_id: Type.String({ description: 'The id or uuid' }),
  voicemail_id: Type.String(),
});

export const userVoicemailsPlugin: DaemonPlugin<ConfdConfig, ConfdResources> = {
  name: 'user_voicemail',
  load({ api, resources }) {
    const userVoicemails = userVoicemailsOf(resources.services);
    const scopeOf = (request: Parameters<typeof tenantScopeOf>[0]) =>
      tenantScopeOf(request, resources.visibleTenants, true);
    const tags = ['users', 'voicemails'];

    api.get(
      '/users/:user_id/voicemails',
      {
        config: { acl: 'confd.users.{user_id}.voicemails.read' },
        schema: {
          summary: 'Get user voicemail',
          tags,
          params: UserIdParams,
          response: { 200: ListOf(voicemailSchema) },
        },
      },
      async (request) => {
        const items = await userVoicemails.list(await scopeOf(request), request.params.user_id);
        return { total: items.length, items };
      },
    );

    api.post(
      '/users/:user_id/voicemails',
      {
        config: { acl: 'confd.users.{user_id}.voicemails.create' },
        schema: {
          summary: 'Create user voicemail',
          tags,
          params: UserIdParams,
          body: voicemailCreateSchema,
          response: { 201: voicemailSchema },
        },
      },
      async (request, reply) => {
        const scope = await scopeOf(request);
        const voicemail = await userVoicemails.create(scope, request.params.user_id, request.body);
        return reply
          .code(201)
          .header('location', locationOf(request, '1.1', `/voicemails/${voicemail.id}`))
          .send(voicemail);
      },
    );

    api.put(
      '/users/:user_id/voicemails/:voicemail_id',
      {
        config: { acl: 'confd.users.{user_id}.voicemails.{voicemail_id}.update' },
        schema: {
          summary: 'Associate user and voicemail',
          tags,
          params: UserVoicemailParams,
          response: { 204: NoContent },
        },
      },
      async (request, reply) => {
        const { user_id, voicemail_id } = request.params;
        await resources.services.userVoicemails.associate(
          await scopeOf(request),
          user_id,
          voicemailIdOf(voicemail_id),
        );
        return reply.code(204).send(null);
      },
    );

    api.delete(
      '/users/:user_id/voicemails',
      {
        config: { acl: 'confd.users.{user_id}.voicemails.delete' },
        schema: {
          summary: 'Dissociate user and voicemail',
          tags,
          params: UserIdParams,
          response: { 204: NoContent },
        },
      },
      async (request, reply) => {
        await userVoicemails.dissociate(await scopeOf(request), request.params.user_id);
        return reply.code(204).send(null);
      },
    );
  },
};
