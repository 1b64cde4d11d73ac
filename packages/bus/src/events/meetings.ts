/**
 * wazo-confd's meeting events: HTTP ingresses (tenant-wide), meetings (tenant-wide, with a
 * `meeting_uuid` header; their `progress` once ready, also to each owner), and guests'
 * authorizations (tenant-wide, and to each owner of the meeting with its `user_uuid`).
 */
import { defineEvent } from './define.js';

/** An HTTP ingress as wazo-confd shows it (without links), the payload of its events. */
export interface IngressHttpPayload {
  uuid: string;
  tenant_uuid: string;
  uri: string;
}

const ingressEvent = <const N extends string>(name: N, routingKey: string) =>
  defineEvent<IngressHttpPayload>()({ name, routingKey, scope: 'tenant', service: 'confd' });

export const ingressHttpCreated = ingressEvent('ingress_http_created', 'config.ingresses.http.created');
export const ingressHttpEdited = ingressEvent('ingress_http_edited', 'config.ingresses.http.edited');
export const ingressHttpDeleted = ingressEvent('ingress_http_deleted', 'config.ingresses.http.deleted');

/** wazo-confd's MEETING_FIELDS. */
export interface MeetingPayload {
  uuid: string;
  name: string | null;
  owner_uuids: string[];
  ingress_http_uri: string | null;
  guest_sip_authorization: string | null;
}

export interface MeetingProgressPayload extends MeetingPayload {
  status: string;
}

export interface MeetingUserProgressPayload extends MeetingProgressPayload {
  user_uuid: string;
}

const meetingAttributes = (data: { uuid: string }) => ({ meeting_uuid: data.uuid });

const meetingEvent = <const N extends string>(name: N, routingKey: string) =>
  defineEvent<MeetingPayload>()({
    name,
    routingKey,
    scope: 'tenant',
    service: 'confd',
    attributes: meetingAttributes,
  });

export const meetingCreated = meetingEvent('meeting_created', 'config.meetings.created');
export const meetingUpdated = meetingEvent('meeting_updated', 'config.meetings.updated');
export const meetingDeleted = meetingEvent('meeting_deleted', 'config.meetings.deleted');

export const meetingProgress = defineEvent<MeetingProgressPayload>()({
  name: 'meeting_progress',
  routingKey: 'config.meetings.progress',
  scope: 'tenant',
  service: 'confd',
  attributes: meetingAttributes,
});

export const meetingUserProgress = defineEvent<MeetingUserProgressPayload>()({
  name: 'meeting_user_progress',
  routingKey: 'config.users.{user_uuid}.meetings.progress',
  scope: 'user',
  service: 'confd',
  attributes: meetingAttributes,
});

/** A guest's authorization as the events show it (without its SIP authorization). */
export interface MeetingAuthorizationPayload {
  uuid: string;
  meeting_uuid: string;
  guest_uuid: string;
  guest_name: string | null;
  status: string;
  creation_time: string;
}

export interface MeetingUserAuthorizationPayload extends MeetingAuthorizationPayload {
  user_uuid: string;
}

const authorizationAttributes = (data: { meeting_uuid: string }) => ({ meeting_uuid: data.meeting_uuid });

const authorizationEvent = <const N extends string>(name: N, routingKey: string) =>
  defineEvent<MeetingAuthorizationPayload>()({
    name,
    routingKey,
    scope: 'tenant',
    service: 'confd',
    attributes: authorizationAttributes,
  });

const userAuthorizationEvent = <const N extends string>(name: N, action: string) =>
  defineEvent<MeetingUserAuthorizationPayload>()({
    name,
    routingKey: `config.users.{user_uuid}.meeting_guest_authorizations.${action}`,
    requiredAcl: `events.users.{user_uuid}.meeting_guest_authorizations.${action}`,
    scope: 'user',
    service: 'confd',
    attributes: authorizationAttributes,
  });

export const meetingAuthorizationCreated = authorizationEvent(
  'meeting_guest_authorization_created',
  'config.meeting_guest_authorizations.created',
);
export const meetingAuthorizationUpdated = authorizationEvent(
  'meeting_guest_authorization_updated',
  'config.meeting_guest_authorizations.updated',
);
export const meetingAuthorizationDeleted = authorizationEvent(
  'meeting_guest_authorization_deleted',
  'config.meeting_guest_authorizations.deleted',
);
export const meetingUserAuthorizationCreated = userAuthorizationEvent(
  'meeting_user_guest_authorization_created',
  'created',
);
export const meetingUserAuthorizationUpdated = userAuthorizationEvent(
  'meeting_user_guest_authorization_updated',
  'updated',
);
export const meetingUserAuthorizationDeleted = userAuthorizationEvent(
  'meeting_user_guest_authorization_deleted',
  'deleted',
);
