/**
 * wazo-chatd's own database, as Kysely types, with Wazo's table and column names. chatd owns it
 * alone: users, lines and sessions are copies kept from other daemons' events and REST APIs.
 */
import type { ColumnType } from 'kysely';
import type { RoomsTables } from '../rooms/rooms.tables.js';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

/** Wazo's four presence states (chatd_user.state CHECK). */
export const PRESENCE_STATES = ['available', 'away', 'unavailable', 'invisible'] as const;
export type PresenceState = (typeof PRESENCE_STATES)[number];

/** Device state of an endpoint, mapped from the telephony engine (chatd_endpoint.state CHECK). */
export const ENDPOINT_STATES = ['available', 'unavailable'] as const;
export type EndpointState = (typeof ENDPOINT_STATES)[number];

/** State of one call leg on a line (chatd_channel.state CHECK). */
export const CHANNEL_STATES = ['undefined', 'holding', 'ringing', 'talking', 'progressing'] as const;
export type ChannelState = (typeof CHANNEL_STATES)[number];

export interface ChatdTenantTable {
  uuid: string;
}

export interface ChatdUserTable {
  uuid: string;
  tenant_uuid: string;
  state: PresenceState;
  status: string | null;
  do_not_disturb: ColumnType<boolean, boolean | undefined, boolean>;
  last_activity: Timestamp | null;
}

export interface ChatdSessionTable {
  uuid: string;
  user_uuid: string;
  mobile: ColumnType<boolean, boolean | undefined, boolean>;
}

export interface ChatdRefreshTokenTable {
  client_id: string;
  user_uuid: string;
  mobile: ColumnType<boolean, boolean | undefined, boolean>;
}

export interface ChatdEndpointTable {
  name: string;
  state: ColumnType<EndpointState, EndpointState | undefined, EndpointState>;
}

export interface ChatdLineTable {
  id: number;
  user_uuid: string;
  endpoint_name: string | null;
  media: 'audio' | 'video' | null;
}

export interface ChatdChannelTable {
  name: string;
  state: ColumnType<ChannelState, ChannelState | undefined, ChannelState>;
  line_id: number;
}

export interface ChatdDatabase extends RoomsTables {
  chatd_tenant: ChatdTenantTable;
  chatd_user: ChatdUserTable;
  chatd_session: ChatdSessionTable;
  chatd_refresh_token: ChatdRefreshTokenTable;
  chatd_endpoint: ChatdEndpointTable;
  chatd_line: ChatdLineTable;
  chatd_channel: ChatdChannelTable;
}
