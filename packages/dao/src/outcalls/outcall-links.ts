/**
 * An outcall's schedule (`outcall_schedules`: at most one) and call permissions
 * (`outcall_call_permissions`: any number), on the generic link shape. Associating a linked pair
 * again changes nothing. Events, tenant-wide: `outcall_schedule_associated|dissociated
 * {outcall_id, schedule_id}`, `outcall_call_permission_associated|dissociated {outcall_id,
 * call_permission_id}`.
 */
import {
  outcallCallPermissionAssociated,
  outcallCallPermissionDissociated,
  outcallScheduleAssociated,
  outcallScheduleDissociated,
} from '@wazo-ts/bus';
import type { CallPermission } from '../call-permissions/call-permissions.model.js';
import { defineLink, type LinkSide } from '../links/index.js';
import type { Schedule } from '../schedules/schedules.model.js';
import { scheduleSide } from '../user-schedules/user-schedules.link.js';
import type { ScheduleSummary } from '../user-schedules/user-schedules.model.js';
import type { Outcall } from './outcalls.model.js';

/** An outcall as the owner of a link: its id and name. */
export interface OutcallSummary {
  id: number;
  name: string;
}

const outcallSide: LinkSide<Outcall, OutcallSummary> = {
  name: 'Outcall',
  table: 'outcall',
  key: 'id',
  column: 'outcall_id',
  summary: ['id', 'name'],
};

const callPermissionSide: LinkSide<CallPermission, { id: number; name: string }> = {
  name: 'CallPermission',
  table: 'call_permissions',
  key: 'id',
  column: 'call_permission_id',
  summary: ['id', 'name'],
};

export const outcallScheduleLink = defineLink<Outcall, Schedule, OutcallSummary, ScheduleSummary>()({
  table: 'outcall_schedules',
  owner: outcallSide,
  resource: scheduleSide,
  perOwner: 'one',
  whenLinked: 'ignore',
  linkedCriteria: (outcall, scheduleId) => ({ outcall_id: outcall.id, schedule_id: scheduleId }),
  events: {
    associated: outcallScheduleAssociated,
    dissociated: outcallScheduleDissociated,
    payload: (outcall, schedule) => ({ outcall_id: outcall.id, schedule_id: schedule.id }),
    scoping: (outcall) => ({ tenantUuid: outcall.tenant_uuid }),
  },
});

export const outcallCallPermissionLink = defineLink<
  Outcall,
  CallPermission,
  OutcallSummary,
  { id: number; name: string }
>()({
  table: 'outcall_call_permissions',
  owner: outcallSide,
  resource: callPermissionSide,
  perOwner: 'many',
  whenLinked: 'ignore',
  linkedCriteria: (outcall, id) => ({ outcall_id: outcall.id, call_permission_id: id }),
  events: {
    associated: outcallCallPermissionAssociated,
    dissociated: outcallCallPermissionDissociated,
    payload: (outcall, permission) => ({ outcall_id: outcall.id, call_permission_id: permission.id }),
    scoping: (outcall) => ({ tenantUuid: outcall.tenant_uuid }),
  },
});
