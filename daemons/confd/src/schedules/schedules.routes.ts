/** The schedules resource: list, read, create, edit, delete, shaped as the users exemplar. */
import type { DaemonPlugin } from '@wazo-ts/daemon';
import { ListOf, NoContent } from '@wazo-ts/daemon/schema';
import { scheduleCreateSchema, scheduleEditSchema, scheduleSchema, scopeOf } from '@wazo-ts/dao';
import { LIST_FILTERS } from '../common/list-filters.js';
import { listQuerySchema, parseListQuery } from '../common/list-params.js';
import { locationOf } from '../common/location.js';
import { scopingTenantOf, tenantScopeOf } from '../common/scope.js';
import type { ConfdConfig } from '../definition.js';
import type { ConfdResources } from '../resources.js';
import { ScheduleIdParams, scheduleIdOf } from './schedule-id.js';

export const schedulesPlugin: DaemonPlugin<ConfdConfig, ConfdResources> = {
  name: 'schedule',
  load({ api, resources }) {
    const { schedules, tenants } = resources.services;
    const visible = resources.visibleTenants;
    const itemScope = (request: Parameters<typeof scopingTenantOf>[0]) =>
      tenantScopeOf(request, visible, true);

    api.get(
      '/schedules',
      {
        config: { acl: 'confd.schedules.read' },
        schema: {
          summary: 'List schedules',
          tags: ['schedules'],
          querystring: listQuerySchema(LIST_FILTERS.schedules),
          response: { 200: ListOf(scheduleSchema) },
        },
      },
      async (request) => {
        const { params, recurse } = parseListQuery(request.query);
        return schedules.search(await tenantScopeOf(request, visible, recurse), params);
      },
    );

    api.get(
      '/schedules/:schedule_id',
      {
        config: { acl: 'confd.schedules.{schedule_id}.read' },
        schema: {
          summary: 'Get schedule',
          tags: ['schedules'],
          params: ScheduleIdParams,
          response: { 200: scheduleSchema },
        },
      },
      async (request) => schedules.get(await itemScope(request), scheduleIdOf(request.params.schedule_id)),
    );

    api.post(
      '/schedules',
      {
        config: { acl: 'confd.schedules.create' },
        schema: {
          summary: 'Create schedule',
          tags: ['schedules'],
          body: scheduleCreateSchema,
          response: { 201: scheduleSchema },
        },
      },
      async (request, reply) => {
        const tenantUuid = scopingTenantOf(request);
        await tenants.ensure(tenantUuid);
        const schedule = await schedules.create(scopeOf(tenantUuid), tenantUuid, request.body);
        return reply
          .code(201)
          .header('location', locationOf(request, '1.1', `/schedules/${schedule.id}`))
          .send(schedule);
      },
    );

    api.put(
      '/schedules/:schedule_id',
      {
        config: { acl: 'confd.schedules.{schedule_id}.update' },
        schema: {
          summary: 'Update schedule',
          tags: ['schedules'],
          params: ScheduleIdParams,
          body: scheduleEditSchema,
          response: { 204: NoContent },
        },
      },
      async (request, reply) => {
        const id = scheduleIdOf(request.params.schedule_id);
        await schedules.edit(await itemScope(request), id, request.body);
        return reply.code(204).send(null);
      },
    );

    api.delete(
      '/schedules/:schedule_id',
      {
        config: { acl: 'confd.schedules.{schedule_id}.delete' },
        schema: {
          summary: 'Delete schedule',
          tags: ['schedules'],
          params: ScheduleIdParams,
          response: { 204: NoContent },
        },
      },
      async (request, reply) => {
        await schedules.delete(await itemScope(request), scheduleIdOf(request.params.schedule_id));
        return reply.code(204).send(null);
      },
    );
  },
};
