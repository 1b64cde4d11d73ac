/** wazo-confd's incall events: the incall, and its extension and schedule links. */
import { defineEvent } from './define.js';

export interface IncallPayload {
  id: number;
}

const incallEvent = <const N extends string>(name: N, routingKey: string) =>
  defineEvent<IncallPayload>()({ name, routingKey, scope: 'tenant', service: 'confd' });

export const incallCreated = incallEvent('incall_created', 'config.incalls.created');
export const incallEdited = incallEvent('incall_edited', 'config.incalls.edited');
export const incallDeleted = incallEvent('incall_deleted', 'config.incalls.deleted');

export interface IncallExtensionPayload {
  incall_id: number;
  extension_id: number;
}

export const incallExtensionAssociated = defineEvent<IncallExtensionPayload>()({
  name: 'incall_extension_associated',
  routingKey: 'config.incalls.extensions.updated',
  scope: 'tenant',
  service: 'confd',
});

export const incallExtensionDissociated = defineEvent<IncallExtensionPayload>()({
  name: 'incall_extension_dissociated',
  routingKey: 'config.incalls.extensions.deleted',
  scope: 'tenant',
  service: 'confd',
});

export interface IncallSchedulePayload {
  incall_id: number;
  schedule_id: number;
}

export const incallScheduleAssociated = defineEvent<IncallSchedulePayload>()({
  name: 'incall_schedule_associated',
  routingKey: 'config.incalls.schedules.updated',
  scope: 'tenant',
  service: 'confd',
});

export const incallScheduleDissociated = defineEvent<IncallSchedulePayload>()({
  name: 'incall_schedule_dissociated',
  routingKey: 'config.incalls.schedules.deleted',
  scope: 'tenant',
  service: 'confd',
});
