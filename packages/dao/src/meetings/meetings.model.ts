/**
 * A meeting (Wazo's `meeting`): a tenant's named video conference that guests join through the
 * tenant's HTTP ingress (`ingress_http_uri`, else the master tenant's) and its own SIP endpoint
 * (`guest_sip_authorization`: base64 of the endpoint's `username:password`, hidden while the
 * meeting requires an authorization), dialled by users at `exten` (the `meetingjoin` feature
 * extension's prefix and the meeting's number). A meeting not `persistent` is deleted a day after
 * its creation. A guest's authorization (`meeting_authorization`) is pending until an owner
 * accepts or rejects it, or accepted at once when the meeting requires none.
 */
import { linked, nullable, type Static, stringEnum, Type } from '../schema.js';

const meetingFields = {
  uuid: Type.String(),
  tenant_uuid: Type.String(),
  name: nullable(Type.String()),
  owner_uuids: Type.Array(Type.String()),
  ingress_http_uri: Type.String(),
  guest_sip_authorization: nullable(Type.String()),
  persistent: Type.Boolean(),
  require_authorization: Type.Boolean(),
  creation_time: Type.String(),
  exten: nullable(Type.String()),
};

/** `GET /meetings/{uuid}`. */
export const meetingSchema = linked('meetings', meetingFields, 'uuid');
export type Meeting = Static<typeof meetingSchema>;

const inputProperties = {
  name: Type.String({ maxLength: 512 }),
  owner_uuids: Type.Optional(Type.Array(Type.String({ format: 'uuid' }))),
  persistent: Type.Optional(Type.Boolean()),
  require_authorization: Type.Optional(Type.Boolean()),
};

/** POST /meetings body: `name` is required; not persistent and no authorization by default. */
export const meetingCreateSchema = Type.Object(inputProperties);
export type MeetingCreate = Static<typeof meetingCreateSchema>;

/** PUT body: the given fields change; `owner_uuids` absent leaves no owner, as Wazo. */
export const meetingEditSchema = Type.Object({
  ...inputProperties,
  name: Type.Optional(inputProperties.name),
});
export type MeetingEdit = Static<typeof meetingEditSchema>;

/** A meeting as stored, with what its answer is computed from. */
export interface MeetingRow {
  uuid: string;
  tenant_uuid: string;
  name: string | null;
  persistent: boolean;
  require_authorization: boolean;
  created_at: Date;
  number: string;
  owner_uuids: string[];
  /** The SIP endpoint's `auth_section_options` (none: no endpoint). */
  guest_auth_options: [string, string][] | null;
  /** The meeting's tenant's ingress URI, if it has one. */
  tenant_ingress_uri: string | null;
}

export const MEETING_AUTHORIZATION_STATUSES = ['accepted', 'pending', 'rejected'] as const;
export type MeetingAuthorizationStatus = (typeof MEETING_AUTHORIZATION_STATUSES)[number];

const authorizationFields = {
  uuid: Type.String(),
  meeting_uuid: Type.String(),
  guest_uuid: Type.String(),
  guest_name: nullable(Type.String()),
  status: stringEnum(MEETING_AUTHORIZATION_STATUSES),
  guest_sip_authorization: nullable(Type.String()),
  creation_time: Type.String(),
};

/** A guest's authorization to join a meeting; its SIP authorization is shown once accepted. */
export const meetingAuthorizationSchema = Type.Object(authorizationFields);
export type MeetingAuthorization = Static<typeof meetingAuthorizationSchema>;

/** POST /guests/{guest_uuid}/meetings/{uuid}/authorizations body. */
export const meetingAuthorizationCreateSchema = Type.Object({
  guest_name: Type.String({ minLength: 1, maxLength: 128 }),
});
export type MeetingAuthorizationCreate = Static<typeof meetingAuthorizationCreateSchema>;

export interface MeetingAuthorizationRow {
  uuid: string;
  meeting_uuid: string;
  guest_uuid: string;
  guest_name: string | null;
  status: MeetingAuthorizationStatus;
  created_at: Date;
  guest_auth_options: [string, string][] | null;
  meeting_tenant_uuid: string;
}

/** marshmallow's DateTime of an aware datetime: Python's isoformat() with microseconds and `+00:00`. */
export function isoDateTime(date: Date): string {
  return `${date.toISOString().slice(0, -1)}000+00:00`;
}

/** Base64 of `username:password` from a SIP endpoint's auth options; null when one lacks. */
export function sipAuthorizationOf(options: [string, string][] | null): string | null {
  if (!options) return null;
  let username: string | undefined;
  let password: string | undefined;
  for (const [key, value] of options) {
    if (key === 'username') username = value;
    else if (key === 'password') password = value;
  }
  if (username === undefined || password === undefined) return null;
  return Buffer.from(`${username}:${password}`).toString('base64');
}
