/**
 * A schedule linked to a user (`user_schedule`) or a group (`group_schedule`): PUT associates and
 * DELETE dissociates, both 204 and both a no-op when already so; the user or group is named by id
 * or uuid, and both sides must be in the caller's tenant or its sub-tenants.
 */
import type { DaemonPlugin } from '@wazo-ts/daemon';
import { NoContent } from '@wazo-ts/daemon/schema';
import { tenantScopeOf } from '../common/scope.js';
import type { ConfdConfig } from '../definition.js';
import { groupKeyOf } from '../groups/group-key.js';
import type { ConfdResources } from '../resources.js';
import { scheduleIdOf } from './schedule-id.js';

const linkParams = (owner: string) =>
  ({
    type: 'object',
    properties: {
      [owner]: { type: 'string', description: 'The id or uuid' },
      schedule_id: { type: 'string', description: 'The schedule id' },
    },
    required: [owner, 'schedule_id'],
  }) as const;

type UserLink = { Params: { user_id: string; schedule_id: string } };
type GroupLink = { Params: { group_id: string; schedule_id: string } };

export const userSchedulesPlugin: DaemonPlugin<ConfdConfig, ConfdResources> = {
  name: 'user_schedule',
  load({ api, resources }) {
    const { userSchedules } = resources.services;
    const url = '/users/:user_id/schedules/:schedule_id';
    const schema = (summary: string) => ({
      summary,
      tags: ['users', 'schedules'],
      params: linkParams('user_id'),
      response: { 204: NoContent },
    });
    for (const [method, action] of [
      ['put', 'update'],
      ['delete', 'delete'],
    ] as const) {
      api[method]<UserLink>(
        url,
        {
          config: { acl: `confd.users.{user_id}.schedules.{schedule_id}.${action}` },
          schema: schema(method === 'put' ? 'Associate user and schedule' : 'Dissociate user and schedule'),
        },
        async (request, reply) => {
          const scope = await tenantScopeOf(request, resources.visibleTenants, true);
          const { user_id, schedule_id } = request.params;
          const link = method === 'put' ? userSchedules.associate : userSchedules.dissociate;
          await link(scope, user_id, scheduleIdOf(schedule_id));
          return reply.code(204).send();
        },
      );
    }
  },
};

export const groupSchedulesPlugin: DaemonPlugin<ConfdConfig, ConfdResources> = {
  name: 'group_schedule',
  load({ api, resources }) {
    const { groupSchedules } = resources.services;
    const url = '/groups/:group_id/schedules/:schedule_id';
    const schema = (summary: string) => ({
      summary,
      tags: ['groups', 'schedules'],
      params: linkParams('group_id'),
      response: { 204: NoContent },
    });
    for (const [method, action] of [
      ['put', 'update'],
      ['delete', 'delete'],
    ] as const) {
      api[method]<GroupLink>(
        url,
        {
          config: { acl: `confd.groups.{group_id}.schedules.{schedule_id}.${action}` },
          schema: schema(method === 'put' ? 'Associate group and schedule' : 'Dissociate group and schedule'),
        },
        async (request, reply) => {
          const scope = await tenantScopeOf(request, resources.visibleTenants, true);
          const { group_id, schedule_id } = request.params;
          const link = method === 'put' ? groupSchedules.associate : groupSchedules.dissociate;
          await link(scope, groupKeyOf(group_id), scheduleIdOf(schedule_id));
          return reply.code(204).send();
        },
      );
    }
  },
};
