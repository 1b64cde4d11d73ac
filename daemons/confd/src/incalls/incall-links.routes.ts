/**
 * An incall's extension (`incall_extension`) and schedule (`incall_schedule`): PUT associates and
 * DELETE dissociates, both 204 and both a no-op when already so; both sides must be in the
 * caller's tenant or its sub-tenants.
 */

import { intParam } from '../common/int-param.js';
import { linkRoutesPlugin } from '../common/link-routes.js';
import { scheduleIdOf } from '../schedules/schedule-id.js';
import { incallIdOf } from './incall-id.js';

const incall = {
  collection: 'incalls',
  param: 'incall_id',
  description: 'The incall id',
  word: 'incall',
  keyOf: incallIdOf,
};

export const incallExtensionsPlugin = linkRoutesPlugin({
  name: 'incall_extension',
  owner: incall,
  resource: {
    collection: 'extensions',
    param: 'extension_id',
    description: 'The extension id',
    word: 'extension',
    keyOf: (raw: string) => intParam(raw, 'Extension'),
  },
  tags: ['incalls', 'extensions'],
  service: ({ incalls }) => ({
    associate: incalls.associateExtension,
    dissociate: incalls.dissociateExtension,
  }),
});

export const incallSchedulesPlugin = linkRoutesPlugin({
  name: 'incall_schedule',
  owner: incall,
  resource: {
    collection: 'schedules',
    param: 'schedule_id',
    description: 'The schedule id',
    word: 'schedule',
    keyOf: scheduleIdOf,
  },
  tags: ['incalls', 'schedules'],
  service: (services) => services.incallSchedules,
});
