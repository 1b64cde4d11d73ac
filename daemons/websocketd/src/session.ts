/**
 * One websocket client once its token is accepted: the ops it sends (handled one at a time, in
 * order), the events it may see, and its token's life. Replies follow Wazo: v1 answers
 * `subscribe` and `token` only before `start` and ignores `ping`; v2 always answers.
 */
import type { TokenInfo } from '@wazo-ts/daemon';
import type { Logger } from 'pino';
import type { WebSocket } from 'ws';
import { type Audience, canSee, type EventHeaders } from './audience.js';
import {
  type ClientMessage,
  CloseCode,
  decodeClientMessage,
  encodeReply,
  type ProtocolVersion,
} from './protocol.js';
import { nextCheckDelay, type TokenCheckConfig } from './token-check.js';

/** A token wazo-auth vouched for, with what it lets the session see. */
export interface Grant {
  token: TokenInfo;
  audience: Audience;
}

/** Resolves a token id to a grant, or throws when it is unknown, expired, lacks `websocketd`, or wazo-auth is down. */
export type Authenticate = (tokenId: string) => Promise<Grant>;

/** A bus event as it goes out: headers for filtering, the frame per protocol version. */
export interface OutgoingEvent {
  name: string;
  headers: EventHeaders;
  frame(version: ProtocolVersion): string;
}

export interface SessionOptions {
  ws: WebSocket;
  version: ProtocolVersion;
  grant: Grant;
  authenticate: Authenticate;
  check: TokenCheckConfig;
  maxBufferedBytes: number;
  logger: Logger;
}

export interface Session {
  /** The wazo-auth session of the current token (it changes with the `token` op). */
  readonly sessionUuid: string;
  /** Pings the client; cuts the connection when the previous ping went unanswered. */
  heartbeat(): void;
  /** Handles one client frame (frames received before the session opened are replayed here). */
  receive(frame: Buffer, isBinary: boolean): void;
  deliver(event: OutgoingEvent): void;
  close(code: number, reason?: string): void;
}

export function openSession(options: SessionOptions): Session {
  const { ws, version, authenticate, logger } = options;
  let grant = options.grant;
  let started = false;
  let closed = false;
  let alive = true;
  let everything = false;
  const names = new Set<string>();
  let queue: Promise<void> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;

  const send = (text: string) => ws.send(text);
  const replyIfDue = (op: string) => {
    if (!started || version === 2) send(encodeReply(op));
  };

  function close(code: number, reason?: string): void {
    if (closed) return;
    closed = true;
    clearTimeout(timer);
    logger.info({ code, reason, user: grant.audience.userUuid }, 'closing websocket session');
    ws.close(code, reason);
  }

  function scheduleCheck(): void {
    clearTimeout(timer);
    const delay = nextCheckDelay(options.check, grant.token.expiresAt, Date.now());
    timer = setTimeout(() => void recheck(), delay);
  }

  async function recheck(): Promise<void> {
    try {
      grant = await authenticate(grant.token.token);
    } catch (error) {
      logger.debug({ reason: (error as Error).message }, 'token check failed');
      close(CloseCode.authExpired, 'authentication expired');
      return;
    }
    if (!closed) scheduleCheck();
  }

  async function handle(message: ClientMessage): Promise<void> {
    switch (message.op) {
      case 'subscribe':
        if (message.value === '*') everything = true;
        else names.add(message.value);
        return replyIfDue('subscribe');
      case 'start':
        started = true;
        return send(encodeReply('start'));
      case 'ping':
        if (version === 2) send(encodeReply('pong', { payload: message.value }));
        return;
      case 'token':
        try {
          grant = await authenticate(message.value);
        } catch (error) {
          logger.info({ reason: (error as Error).message }, 'token renewal refused');
          return close(CloseCode.authFailed, 'authentication failed');
        }
        scheduleCheck();
        return replyIfDue('token');
    }
  }

  function receive(frame: Buffer, isBinary: boolean): void {
    if (closed) return;
    let message: ClientMessage;
    try {
      message = decodeClientMessage(frame, isBinary);
    } catch (error) {
      logger.info({ reason: (error as Error).message }, 'websocket protocol error');
      close(CloseCode.protocolError);
      return;
    }
    queue = queue.then(() => (closed ? undefined : handle(message)));
  }

  const session: Session = {
    get sessionUuid() {
      return grant.token.session_uuid;
    },
    heartbeat() {
      if (!alive) return void ws.terminate();
      alive = false;
      ws.ping();
    },
    receive,
    deliver(event) {
      if (!started || closed || !(everything || names.has(event.name))) return;
      if (!canSee(grant.audience, event.headers)) return;
      // A client that does not read its events must not grow our memory without bound.
      if (ws.bufferedAmount > options.maxBufferedBytes) return close(CloseCode.tooSlow, 'send buffer full');
      send(event.frame(version));
    },
    close,
  };
  ws.on('message', (data: Buffer, isBinary: boolean) => receive(data, isBinary));
  ws.on('pong', () => {
    alive = true;
  });
  ws.on('close', () => {
    closed = true;
    clearTimeout(timer);
  });
  send(encodeReply('init', { version }));
  scheduleCheck();
  return session;
}
