/** A presence from chatd's rows: who the user is, what it set, what its sessions and lines say. */
import type { ChannelState } from '../db/schema.js';
import { lineStateOf, userLineStateOf } from './line-state.js';
import type { LineRow, UserRow } from './presences.dao.js';
import type { Presence } from './presences.model.js';

export interface PresenceRows {
  sessions: readonly { user_uuid: string; mobile: boolean }[];
  refreshTokens: readonly { user_uuid: string; mobile: boolean }[];
  lines: readonly LineRow[];
  channels: readonly { line_id: number; state: ChannelState }[];
}

export function assemblePresence(user: UserRow, rows: PresenceRows): Presence {
  const sessions = rows.sessions.filter((s) => s.user_uuid === user.uuid);
  const tokens = rows.refreshTokens.filter((t) => t.user_uuid === user.uuid);
  const lines = rows.lines
    .filter((line) => line.user_uuid === user.uuid)
    .map((line) => ({
      id: line.id,
      state: lineStateOf(
        line.endpoint_state,
        rows.channels.filter((c) => c.line_id === line.id).map((c) => c.state),
      ),
    }));
  return {
    uuid: user.uuid,
    tenant_uuid: user.tenant_uuid,
    state: user.state,
    status: user.status,
    last_activity: user.last_activity ? user.last_activity.toISOString() : null,
    line_state: userLineStateOf(lines.map((line) => line.state)),
    lines,
    mobile: sessions.some((s) => s.mobile) || tokens.some((t) => t.mobile),
    do_not_disturb: user.do_not_disturb,
    connected: sessions.length > 0,
  };
}
