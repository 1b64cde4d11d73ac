/** wazo-confd's incall events (the incall, its extension and schedule links) and phone number events. */
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

/** A phone number as wazo-confd's events carry it (its answer, without links). */
export interface PhoneNumberPayload {
  uuid: string;
  tenant_uuid: string;
  number: string;
  caller_id_name: string | null;
  main: boolean;
  shared: boolean;
}

const phoneNumberEvent = <const N extends string>(name: N, routingKey: string) =>
  defineEvent<PhoneNumberPayload>()({ name, routingKey, scope: 'tenant', service: 'confd' });

export const phoneNumberCreated = phoneNumberEvent('phone_number_created', 'config.phone_number.created');
export const phoneNumberEdited = phoneNumberEvent('phone_number_edited', 'config.phone_number.edited');
export const phoneNumberDeleted = phoneNumberEvent('phone_number_deleted', 'config.phone_number.deleted');

export interface PhoneNumberMainPayload {
  current_main_uuid: string | null;
  new_main_uuid: string | null;
}

export const phoneNumberMainUpdated = defineEvent<PhoneNumberMainPayload>()({
  name: 'phone_number_main_updated',
  routingKey: 'config.phone_number.main.updated',
  scope: 'tenant',
  service: 'confd',
});
