/**
 * Guests' authorizations to join a meeting (Wazo's `meeting_authorization`): a guest asks and
 * reads its answer without token (`/guests/{guest_uuid}/meetings/{meeting_uuid}/authorizations`);
 * the meeting's owners list, read, delete, accept and reject them (`/users/me/meetings/...`, also
 * served under the `/user/me/...` paths Wazo's API document names for the list, accept and reject).
 */
import type { DaemonPlugin } from '@wazo-ts/daemon';
import { ListOf, NoContent, Type } from '@wazo-ts/daemon/schema';
import { inputError, meetingAuthorizationCreateSchema, meetingAuthorizationSchema } from '@wazo-ts/dao';
import { isUuid } from '@wazo-ts/db';
import type { FastifyRequest } from 'fastify';
import { LIST_FILTERS } from '../common/list-filters.js';
import { listQuerySchema, parseListQuery } from '../common/list-params.js';
import { locationOf } from '../common/location.js';
import type { ConfdConfig } from '../definition.js';
import type { ConfdResources } from '../resources.js';
import { meOf } from './me.js';

const GuestParams = Type.Object({ guest_uuid: Type.String(), meeting_uuid: Type.String() });
const GuestItemParams = Type.Object({
  guest_uuid: Type.String(),
  meeting_uuid: Type.String(),
  authorization_uuid: Type.String(),
});
const MeetingParams = Type.Object({ meeting_uuid: Type.String() });
const ItemParams = Type.Object({ meeting_uuid: Type.String(), authorization_uuid: Type.String() });
const tags = ['meetings'];
const ITEM_ACL = 'confd.users.me.meetings.{meeting_uuid}.authorizations.{authorization_uuid}';

/** The guest's uuid: marshmallow's UUID field refuses anything else (400). */
function guestOf(raw: string): string {
  if (!isUuid(raw)) throw inputError("guest_uuid: ['Not a valid UUID.']", { guest_uuid: raw });
  return raw.toLowerCase();
}

export const meetingAuthorizationsPlugin: DaemonPlugin<ConfdConfig, ConfdResources> = {
  name: 'meeting_authorization',
  load({ api, resources }) {
    const { meetings } = resources.services;
    const me = (request: FastifyRequest) => meOf(request, 'meeting_authorizations');

    api.post(
      '/guests/:guest_uuid/meetings/:meeting_uuid/authorizations',
      {
        config: { public: true },
        schema: {
          summary: 'Ask to join a meeting',
          tags,
          params: GuestParams,
          body: meetingAuthorizationCreateSchema,
          response: { 201: meetingAuthorizationSchema },
        },
      },
      async (request, reply) => {
        const guest = guestOf(request.params.guest_uuid);
        const { meeting_uuid: meetingUuid } = request.params;
        const authorization = await meetings.requestAuthorization(guest, meetingUuid, request.body);
        const path = `/guests/${guest}/meetings/${meetingUuid}/authorizations/${authorization.uuid}`;
        return reply
          .code(201)
          .header('location', locationOf(request, '1.1', path))
          .send(authorization);
      },
    );

    api.get(
      '/guests/:guest_uuid/meetings/:meeting_uuid/authorizations/:authorization_uuid',
      {
        config: { public: true },
        schema: {
          summary: 'Get my authorization to join a meeting',
          tags,
          params: GuestItemParams,
          response: { 200: meetingAuthorizationSchema },
        },
      },
      async (request) => {
        const guest = guestOf(request.params.guest_uuid);
        const { meeting_uuid: meetingUuid, authorization_uuid: uuid } = request.params;
        return meetings.guestAuthorization(guest, meetingUuid, uuid);
      },
    );

    for (const prefix of ['/users/me', '/user/me']) {
      api.get(
        `${prefix}/meetings/:meeting_uuid/authorizations`,
        {
          config: { acl: 'confd.users.me.meetings.{meeting_uuid}.authorizations.read' },
          schema: {
            summary: 'List the authorizations of my meeting',
            tags,
            params: MeetingParams,
            querystring: listQuerySchema(LIST_FILTERS.meetingAuthorizations),
            response: { 200: ListOf(meetingAuthorizationSchema) },
          },
        },
        async (request) => {
          const { params } = parseListQuery(request.query);
          return meetings.searchAuthorizations(me(request), request.params.meeting_uuid, params);
        },
      );

      for (const action of ['accept', 'reject'] as const) {
        api.put(
          `${prefix}/meetings/:meeting_uuid/authorizations/:authorization_uuid/${action}`,
          {
            config: { acl: `${ITEM_ACL}.${action}.update` },
            schema: {
              summary: `${action === 'accept' ? 'Accept' : 'Reject'} a guest of my meeting`,
              tags,
              params: ItemParams,
              response: { 200: meetingAuthorizationSchema },
            },
          },
          async (request) => {
            const { meeting_uuid: meetingUuid, authorization_uuid: uuid } = request.params;
            return action === 'accept'
              ? meetings.acceptAuthorization(me(request), meetingUuid, uuid)
              : meetings.rejectAuthorization(me(request), meetingUuid, uuid);
          },
        );
      }
    }

    api.get(
      '/users/me/meetings/:meeting_uuid/authorizations/:authorization_uuid',
      {
        config: { acl: `${ITEM_ACL}.read` },
        schema: {
          summary: 'Get an authorization of my meeting',
          tags,
          params: ItemParams,
          response: { 200: meetingAuthorizationSchema },
        },
      },
      async (request) =>
        meetings.getAuthorization(
          me(request),
          request.params.meeting_uuid,
          request.params.authorization_uuid,
        ),
    );

    api.delete(
      '/users/me/meetings/:meeting_uuid/authorizations/:authorization_uuid',
      {
        config: { acl: `${ITEM_ACL}.delete` },
        schema: {
          summary: 'Delete an authorization of my meeting',
          tags,
          params: ItemParams,
          response: { 204: NoContent },
        },
      },
      async (request, reply) => {
        const { meeting_uuid: meetingUuid, authorization_uuid: uuid } = request.params;
        await meetings.deleteAuthorization(me(request), meetingUuid, uuid);
        return reply.code(204).send(null);
      },
    );
  },
};
