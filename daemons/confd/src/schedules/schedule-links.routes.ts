/**
 * A schedule linked to a user (`user_schedule`) or a group (`group_schedule`): PUT associates and
 * DELETE dissociates, both 204 and both a no-op when already so; the user or group is named by id
 * or uuid, and both sides must be in the caller's tenant or its sub-tenants.
 */
import { linkRoutesPlugin, userOwner } from '../common/link-routes.js';
import { groupOwner } from '../groups/group-key.js';
import { scheduleIdOf } from './schedule-id.js';

const schedule = {
  collection: 'schedules',
  param: 'schedule_id',
  description: 'The schedule id',
  word: 'schedule',
  keyOf: scheduleIdOf,
};

export const userSchedulesPlugin = linkRoutesPlugin({
  name: 'user_schedule',
  owner: userOwner,
  resource: schedule,
  tags: ['users', 'schedules'],
  service: (services) => services.userSchedules,
});

export const groupSchedulesPlugin = linkRoutesPlugin({
  name: 'group_schedule',
  owner: groupOwner('group_id'),
  resource: schedule,
  tags: ['groups', 'schedules'],
  service: (services) => services.groupSchedules,
});
