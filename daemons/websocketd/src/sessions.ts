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

export interface SessionRegistry {
  add(session: Session): void;
  remove(session: Session): void;
  readonly size: number;
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

export function createSessionRegistry(logger: Logger): SessionRegistry {
  const sessions = new Set<Session>();
  return {
    add: (session) => void sessions.add(session),
    remove: (session) => void sessions.delete(session),
    get size() {
      return sessions.size;
    },
    dispatch(message) {
      const body = message.body.toString('utf8');
      const name = nameOf(message.headers, body);
      if (name === null) {
        logger.warn('bus message without an event name dropped');
        return;
      }
      const event = outgoing(name, message.headers, body);
      for (const session of sessions) session.deliver(event);
      if (name !== SESSION_DELETED) return;
      // Delivered first, so a client allowed to see its own session's end is told why.
      const deleted = deletedSessionOf(body);
      for (const session of sessions)
        if (deleted !== null && session.sessionUuid === deleted)
          session.close(CloseCode.authExpired, 'session deleted');
    },
    closeAll(code, reason) {
      for (const session of sessions) session.close(code, reason);
    },
    heartbeat() {
      for (const session of sessions) session.heartbeat();
    },
  };
}
