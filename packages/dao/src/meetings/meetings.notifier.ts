/**
 * The meetings' events: meeting_created/updated/deleted for the tenant (wazo-confd's MEETING_FIELDS,
 * with a `meeting_uuid` header), meeting_progress `ready` and, to each owner, meeting_user_progress;
 * a guest's authorization created/updated/deleted for the tenant and to each owner of its meeting.
 */
import {
  type MeetingAuthorizationPayload,
  type MeetingPayload,
  meetingAuthorizationCreated,
  meetingAuthorizationDeleted,
  meetingAuthorizationUpdated,
  meetingCreated,
  meetingDeleted,
  meetingProgress,
  meetingUpdated,
  meetingUserAuthorizationCreated,
  meetingUserAuthorizationDeleted,
  meetingUserAuthorizationUpdated,
  meetingUserProgress,
} from '@wazo-ts/bus';
import type { Tx } from '../db/unit-of-work.js';
import type { Meeting } from './meetings.model.js';

type Shown = Pick<Meeting, 'uuid' | 'tenant_uuid' | 'name' | 'owner_uuids' | 'guest_sip_authorization'> & {
  ingress_http_uri: string | null;
};

const payloadOf = (meeting: Shown): MeetingPayload => ({
  uuid: meeting.uuid,
  name: meeting.name,
  owner_uuids: meeting.owner_uuids,
  ingress_http_uri: meeting.ingress_http_uri,
  guest_sip_authorization: meeting.guest_sip_authorization,
});

const authorizationEvents = {
  created: [meetingAuthorizationCreated, meetingUserAuthorizationCreated],
  updated: [meetingAuthorizationUpdated, meetingUserAuthorizationUpdated],
  deleted: [meetingAuthorizationDeleted, meetingUserAuthorizationDeleted],
} as const;

export function createMeetingsNotifier() {
  const scoping = (meeting: Shown) => ({ tenantUuid: meeting.tenant_uuid });
  return {
    created(tx: Tx, meeting: Shown): void {
      tx.events.add(meetingCreated.build(payloadOf(meeting), scoping(meeting)));
    },
    updated(tx: Tx, meeting: Shown): void {
      tx.events.add(meetingUpdated.build(payloadOf(meeting), scoping(meeting)));
    },
    deleted(tx: Tx, meeting: Shown): void {
      tx.events.add(meetingDeleted.build(payloadOf(meeting), scoping(meeting)));
    },
    /** The meeting can be joined: to the tenant, then to each owner. */
    ready(tx: Tx, meeting: Shown): void {
      const content = { ...payloadOf(meeting), status: 'ready' };
      tx.events.add(meetingProgress.build(content, scoping(meeting)));
      for (const owner of meeting.owner_uuids)
        tx.events.add(
          meetingUserProgress.build(
            { ...content, user_uuid: owner },
            { tenantUuid: meeting.tenant_uuid, userUuid: owner },
          ),
        );
    },
    authorization(
      tx: Tx,
      action: keyof typeof authorizationEvents,
      authorization: MeetingAuthorizationPayload,
      meeting: { tenant_uuid: string; owner_uuids: readonly string[] },
    ): void {
      const [tenantEvent, userEvent] = authorizationEvents[action];
      tx.events.add(tenantEvent.build(authorization, { tenantUuid: meeting.tenant_uuid }));
      for (const owner of meeting.owner_uuids)
        tx.events.add(
          userEvent.build(
            { ...authorization, user_uuid: owner },
            { tenantUuid: meeting.tenant_uuid, userUuid: owner },
          ),
        );
    },
  };
}

export type MeetingsNotifier = ReturnType<typeof createMeetingsNotifier>;
