/** wazo-chatd's presence event: a user's whole presence, to every user of its tenant. */
import { defineEvent } from './define.js';

export interface ChatdPresenceLinePayload {
  id: number;
  state: string;
}

export interface ChatdPresencePayload {
  uuid: string;
  tenant_uuid: string;
  state: string;
  status: string | null;
  last_activity: string | null;
  line_state: string;
  lines: ChatdPresenceLinePayload[];
  mobile: boolean;
  do_not_disturb: boolean;
  connected: boolean;
}

// A TenantEvent in wazo-bus (`user_uuid:*`): colleagues see each other's presence.
export const chatdPresenceUpdated = defineEvent<ChatdPresencePayload>()({
  name: 'chatd_presence_updated',
  routingKey: 'chatd.users.{uuid}.presences.updated',
  scope: 'tenant',
  service: 'chatd',
});
