/**
 * Meetings (`/meetings`, Wazo's `meeting`): the administrator's list, read, create, edit and
 * delete; a user's own (`/users/me/meetings`: the token's user is an owner of what it creates and
 * edits; it reads any meeting of its tenants, but edits and deletes only those it owns); a guest's
 * read without token (`/guests/me/meetings/{uuid}`). Meetings not persistent are purged a day
 * after their creation, checked every hour while the daemon runs.
 */
import type { DaemonPlugin } from '@wazo-ts/daemon';
import { ListOf, NoContent, Type } from '@wazo-ts/daemon/schema';
import { type MeetingContext, meetingCreateSchema, meetingEditSchema, meetingSchema } from '@wazo-ts/dao';
import type { FastifyRequest } from 'fastify';
import { LIST_FILTERS } from '../common/list-filters.js';
import { listQuerySchema, parseListQuery } from '../common/list-params.js';
import { locationOf } from '../common/location.js';
import { scopingTenantOf, tenantScopeOf } from '../common/scope.js';
import type { ConfdConfig } from '../definition.js';
import type { ConfdResources } from '../resources.js';
import { meOf } from './me.js';

const MeetingParams = Type.Object({ meeting_uuid: Type.String() });
const tags = ['meetings'];
/** How often the expired meetings and authorizations are looked for. */
export const MEETING_PURGE_INTERVAL_MS = 60 * 60 * 1000;

export const meetingsPlugin: DaemonPlugin<ConfdConfig, ConfdResources> = {
  name: 'meeting',
  load({ api, resources, serviceToken, lifecycle, logger }) {
    const { meetings, tenants } = resources.services;
    const visible = resources.visibleTenants;
    const wideScope = (request: FastifyRequest) => tenantScopeOf(request, visible, true);
    const context = (): MeetingContext => ({ masterTenantUuid: serviceToken?.current()?.tenantUuid ?? null });
    const href = (request: FastifyRequest, uuid: string) => locationOf(request, '1.1', `/meetings/${uuid}`);

    let timer: NodeJS.Timeout | undefined;
    const purge = async () => {
      try {
        const purged = await meetings.purgeExpired(new Date(), context());
        if (purged.meetings + purged.authorizations > 0) logger.info(purged, 'expired meetings purged');
      } catch (error) {
        logger.error({ err: error }, 'purging expired meetings failed');
      }
    };
    lifecycle.onStart(() => {
      timer = setInterval(() => void purge(), MEETING_PURGE_INTERVAL_MS);
      timer.unref();
      void purge();
    });
    lifecycle.onStop(() => clearInterval(timer));

    const listSchema = (summary: string) => ({
      summary,
      tags,
      querystring: listQuerySchema(LIST_FILTERS.meetings),
      response: { 200: ListOf(meetingSchema) },
    });

    api.get(
      '/meetings',
      { config: { acl: 'confd.meetings.read' }, schema: listSchema('List meetings') },
      async (request) => {
        const { params, recurse } = parseListQuery(request.query);
        return meetings.search(await tenantScopeOf(request, visible, recurse), params, context());
      },
    );

    api.post(
      '/meetings',
      {
        config: { acl: 'confd.meetings.create' },
        schema: {
          summary: 'Create meeting',
          tags,
          body: meetingCreateSchema,
          response: { 201: meetingSchema },
        },
      },
      async (request, reply) => {
        const tenantUuid = scopingTenantOf(request);
        await tenants.ensure(tenantUuid);
        const meeting = await meetings.create(tenantUuid, request.body, context());
        return reply.code(201).header('location', href(request, meeting.uuid)).send(meeting);
      },
    );

    api.get(
      '/meetings/:meeting_uuid',
      {
        config: { acl: 'confd.meetings.{meeting_uuid}.read' },
        schema: { summary: 'Get meeting', tags, params: MeetingParams, response: { 200: meetingSchema } },
      },
      async (request) =>
        meetings.get(request.params.meeting_uuid, { scope: await wideScope(request) }, context()),
    );

    api.put(
      '/meetings/:meeting_uuid',
      {
        config: { acl: 'confd.meetings.{meeting_uuid}.update' },
        schema: {
          summary: 'Update meeting',
          tags,
          params: MeetingParams,
          body: meetingEditSchema,
          response: { 204: NoContent },
        },
      },
      async (request, reply) => {
        await meetings.edit(
          request.params.meeting_uuid,
          { scope: await wideScope(request) },
          request.body,
          context(),
        );
        return reply.code(204).send(null);
      },
    );

    api.delete(
      '/meetings/:meeting_uuid',
      {
        config: { acl: 'confd.meetings.{meeting_uuid}.delete' },
        schema: { summary: 'Delete meeting', tags, params: MeetingParams, response: { 204: NoContent } },
      },
      async (request, reply) => {
        await meetings.delete(request.params.meeting_uuid, { scope: await wideScope(request) }, context());
        return reply.code(204).send(null);
      },
    );

    api.get(
      '/users/me/meetings',
      { config: { acl: 'confd.users.me.meetings.read' }, schema: listSchema('List my meetings') },
      async (request) => {
        const owner = meOf(request, 'meetings');
        const { params, recurse } = parseListQuery(request.query);
        return meetings.search(await tenantScopeOf(request, visible, recurse), params, context(), owner);
      },
    );

    api.post(
      '/users/me/meetings',
      {
        config: { acl: 'confd.users.me.meetings.create' },
        schema: {
          summary: 'Create my meeting',
          tags,
          body: meetingCreateSchema,
          response: { 201: meetingSchema },
        },
      },
      async (request, reply) => {
        const owner = meOf(request, 'meetings');
        const tenantUuid = scopingTenantOf(request);
        await tenants.ensure(tenantUuid);
        const owners = [...(request.body.owner_uuids ?? []).filter((uuid) => uuid !== owner), owner];
        const meeting = await meetings.create(
          tenantUuid,
          { ...request.body, owner_uuids: owners },
          context(),
        );
        return reply.code(201).header('location', href(request, meeting.uuid)).send(meeting);
      },
    );

    api.get(
      '/users/me/meetings/:meeting_uuid',
      {
        config: { acl: 'confd.users.me.meetings.{meeting_uuid}.read' },
        schema: { summary: 'Get my meeting', tags, params: MeetingParams, response: { 200: meetingSchema } },
      },
      async (request) =>
        meetings.get(request.params.meeting_uuid, { scope: await wideScope(request) }, context()),
    );

    api.put(
      '/users/me/meetings/:meeting_uuid',
      {
        config: { acl: 'confd.users.me.meetings.{meeting_uuid}.update' },
        schema: {
          summary: 'Update my meeting',
          tags,
          params: MeetingParams,
          body: meetingEditSchema,
          response: { 204: NoContent },
        },
      },
      async (request, reply) => {
        const owner = meOf(request, 'meetings');
        const find = { scope: await wideScope(request), owner };
        await meetings.edit(request.params.meeting_uuid, find, request.body, context(), owner);
        return reply.code(204).send(null);
      },
    );

    api.delete(
      '/users/me/meetings/:meeting_uuid',
      {
        config: { acl: 'confd.users.me.meetings.{meeting_uuid}.delete' },
        schema: { summary: 'Delete my meeting', tags, params: MeetingParams, response: { 204: NoContent } },
      },
      async (request, reply) => {
        const owner = meOf(request, 'meetings');
        await meetings.delete(
          request.params.meeting_uuid,
          { scope: await wideScope(request), owner },
          context(),
        );
        return reply.code(204).send(null);
      },
    );

    api.get(
      '/guests/me/meetings/:meeting_uuid',
      {
        config: { public: true },
        schema: {
          summary: 'Get a meeting as a guest',
          tags,
          params: MeetingParams,
          response: { 200: meetingSchema },
        },
      },
      async (request) => meetings.get(request.params.meeting_uuid, {}, context()),
    );
  },
};
