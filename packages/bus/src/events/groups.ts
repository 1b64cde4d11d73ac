/** wazo-confd's group events (all tenant-wide). */
import { defineEvent } from './define.js';

export interface GroupPayload {
  id: number;
  uuid: string;
}

const groupCrud = <const N extends string>(name: N, routingKey: string) =>
  defineEvent<GroupPayload>()({ name, routingKey, scope: 'tenant', service: 'confd' });

export const groupCreated = groupCrud('group_created', 'config.groups.created');
export const groupEdited = groupCrud('group_edited', 'config.groups.edited');
export const groupDeleted = groupCrud('group_deleted', 'config.groups.deleted');
export const groupFallbackEdited = groupCrud('group_fallback_edited', 'config.groups.fallbacks.edited');

export const groupMemberUsersAssociated = defineEvent<{
  group_id: number;
  group_uuid: string;
  user_uuids: string[];
}>()({
  name: 'group_member_users_associated',
  routingKey: 'config.groups.members.users.updated',
  scope: 'tenant',
  service: 'confd',
});

export const groupMemberExtensionsAssociated = defineEvent<{
  group_id: number;
  group_uuid: string;
  extensions: { exten: string; context: string }[];
}>()({
  name: 'group_member_extensions_associated',
  routingKey: 'config.groups.members.extensions.updated',
  scope: 'tenant',
  service: 'confd',
});

export interface GroupExtensionPayload {
  group_id: number;
  group_uuid: string;
  extension_id: number;
}

export const groupExtensionAssociated = defineEvent<GroupExtensionPayload>()({
  name: 'group_extension_associated',
  routingKey: 'config.groups.extensions.updated',
  scope: 'tenant',
  service: 'confd',
});

export const groupExtensionDissociated = defineEvent<GroupExtensionPayload>()({
  name: 'group_extension_dissociated',
  routingKey: 'config.groups.extensions.deleted',
  scope: 'tenant',
  service: 'confd',
});

export interface GroupSchedulePayload {
  group_id: number;
  group_uuid: string;
  schedule_id: number;
}

export const groupScheduleAssociated = defineEvent<GroupSchedulePayload>()({
  name: 'group_schedule_associated',
  routingKey: 'config.groups.schedules.updated',
  scope: 'tenant',
  service: 'confd',
});

export const groupScheduleDissociated = defineEvent<GroupSchedulePayload>()({
  name: 'group_schedule_dissociated',
  routingKey: 'config.groups.schedules.deleted',
  scope: 'tenant',
  service: 'confd',
});
