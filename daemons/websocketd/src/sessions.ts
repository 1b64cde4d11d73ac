/**
 * Every open session of the daemon, fed from one bus subscription. Wazo declares a queue per
 * session and lets RabbitMQ filter; we read each event once and filter in process (names, scope,
 * ACL), which is what Wazo's bindings and ACL check decide, with one queue instead of thousands.
 */
import type { Logger } from 'pino';
import type { EventHeaders } from './audience.js';
import { CloseCode, encodeEvent, type ProtocolVersion } from './protocol.js';
import type { OutgoingEvent, Session } from './session.js';

export interface BusMessage {
  headers: EventHeaders;
  body: Buffer;
}

/** Who a session counts against: the token it opened with, and its user (null for none). */
export interface SessionOwner {
  tokenId: string;
  userUuid: string | null;
}

/** Open sessions one token, one user may hold at once (`websocket.max_sessions_per_*`). */
export interface SessionLimits {
  perToken: number;
  perUser: number;
}

export interface SessionRegistry {
  /** False when `owner`'s token or user already holds its limit of sessions. */
  hasRoom(owner: SessionOwner): boolean;
  add(session: Session, owner: SessionOwner): void;
  remove(session: Session): void;
  readonly size: number;
  /** How many tokens and users hold sessions: both drop to 0 when every session has left. */
  holders(): { tokens: number; users: number };
  /** Sends a bus message to every session that may see it; closes sessions it deletes. */
  dispatch(message: BusMessage): void;
  closeAll(code: number, reason?: string): void;
  /** Pings every client, cutting those that did not answer the previous ping. */
  heartbeat(): void;
}

const SESSION_DELETED = 'auth_session_deleted';

function nameOf(headers: EventHeaders, body: string): string | null {
  if (typeof headers.name === 'string') return headers.name;
  try {
    const name = (JSON.parse(body) as { name?: unknown }).name;
    return typeof name === 'string' ? name : null;
  } catch {
    return null;
  }
}

function deletedSessionOf(body: string): string | null {
  try {
    const uuid = (JSON.parse(body) as { data?: { uuid?: unknown } }).data?.uuid;
    return typeof uuid === 'string' ? uuid : null;
  } catch {
    return null;
  }
}

function outgoing(name: string, headers: EventHeaders, body: string): OutgoingEvent {
  const frames = new Map<ProtocolVersion, string>();
  return {
    name,
    headers,
    frame(version) {
      let frame = frames.get(version);
      if (frame === undefined) {
        frame = encodeEvent(body, version);
        frames.set(version, frame);
      }
      return frame;
    },
  };
}

/** Counts per key, with no entry left for a key whose count fell to 0. */
function createCounter() {
  const counts = new Map<string, number>();
  return {
    get: (key: string) => counts.get(key) ?? 0,
    add(key: string, delta: 1 | -1) {
      const count = (counts.get(key) ?? 0) + delta;
      if (count > 0) counts.set(key, count);
      else counts.delete(key);
    },
    get size() {
      return counts.size;
    },
  };
}

export function createSessionRegistry(logger: Logger, limits: SessionLimits): SessionRegistry {
  const sessions = new Map<Session, SessionOwner>();
  const perToken = createCounter();
  const perUser = createCounter();
  const count = (owner: SessionOwner, delta: 1 | -1) => {
    perToken.add(owner.tokenId, delta);
    if (owner.userUuid !== null) perUser.add(owner.userUuid, delta);
  };
  return {
    hasRoom: (owner) =>
      perToken.get(owner.tokenId) < limits.perToken &&
      (owner.userUuid === null || perUser.get(owner.userUuid) < limits.perUser),
    add(session, owner) {
      if (sessions.has(session)) return;
      sessions.set(session, owner);
      count(owner, 1);
    },
    remove(session) {
      const owner = sessions.get(session);
      if (owner === undefined) return;
      sessions.delete(session);
      count(owner, -1);
    },
    get size() {
      return sessions.size;
    },
    holders: () => ({ tokens: perToken.size, users: perUser.size }),
    dispatch(message) {
      const body = message.body.toString('utf8');
      const name = nameOf(message.headers, body);
      if (name === null) {
        logger.warn('bus message without an event name dropped');
        return;
      }
      const event = outgoing(name, message.headers, body);
      for (const session of sessions.keys()) session.deliver(event);
      if (name !== SESSION_DELETED) return;
      // Delivered first, so a client allowed to see its own session's end is told why.
      const deleted = deletedSessionOf(body);
      for (const session of sessions.keys())
        if (deleted !== null && session.sessionUuid === deleted)
          session.close(CloseCode.authExpired, 'session deleted');
    },
    closeAll(code, reason) {
      for (const session of sessions.keys()) session.close(code, reason);
    },
    heartbeat() {
      for (const session of sessions.keys()) session.heartbeat();
    },
  };
}
