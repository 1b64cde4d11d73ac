/** wazo-confd's events for what a user is associated with: groups, schedules, lines. */
import { defineEvent } from './define.js';

export const userGroupsAssociated = defineEvent<{ user_uuid: string; group_ids: number[] }>()({
  name: 'user_groups_associated',
  routingKey: 'config.users.groups.updated',
  scope: 'user',
  service: 'confd',
});

export interface UserSchedulePayload {
  user_uuid: string;
  schedule_id: number;
}

export const userScheduleAssociated = defineEvent<UserSchedulePayload>()({
  name: 'user_schedule_associated',
  routingKey: 'config.users.schedules.updated',
  scope: 'user',
  service: 'confd',
});

export const userScheduleDissociated = defineEvent<UserSchedulePayload>()({
  name: 'user_schedule_dissociated',
  routingKey: 'config.users.schedules.deleted',
  scope: 'user',
  service: 'confd',
});

export interface UserLinePayload {
  user: { id: number; uuid: string; tenant_uuid: string };
  line: {
    id: number;
    name: string;
    endpoint_sip?: { uuid: string } | null;
    endpoint_sccp?: { id: number } | null;
    endpoint_custom?: { id: number } | null;
  };
  main_user: boolean;
  main_line: boolean;
}

export const userLineAssociated = defineEvent<UserLinePayload>()({
  name: 'user_line_associated',
  routingKey: 'config.users.{user_uuid}.lines.{line[id]}.updated',
  scope: 'user',
  service: 'confd',
});

export const userLineDissociated = defineEvent<UserLinePayload>()({
  name: 'user_line_dissociated',
  routingKey: 'config.users.{user_uuid}.lines.{line[id]}.deleted',
  scope: 'user',
  service: 'confd',
});
