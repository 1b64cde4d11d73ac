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

// Event names one session may subscribe to (Wazo has a few hundred events; `*` is all of them).
const MAX_SUBSCRIPTIONS = 1000;

/** A token wazo-auth vouched for, with what it lets the session see. */
export interface Grant {
  token: TokenInfo;
  audience: Audience;
}

/**
 * Resolves a token id to a grant, or throws when it is unknown, expired, lacks `websocketd`, or
 * wazo-auth is down. `fresh` asks wazo-auth even when its answer is cached.
 */
export type Authenticate = (tokenId: string, options?: { fresh?: boolean }) => Promise<Grant>;

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

/** One session's state; each method is one step of the protocol. */
class WebsocketSession implements Session {
  private grant: Grant;
  private started = false;
  private closed = false;
  private alive = true;
  private everything = false;
  private readonly names = new Set<string>();
  // Ops and token checks run one at a time, in order (a `token` op awaits wazo-auth).
  private queue: Promise<void> = Promise.resolve();
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly options: SessionOptions) {
    this.grant = options.grant;
  }

  get sessionUuid(): string {
    return this.grant.token.session_uuid;
  }

  open(): void {
    const { ws, version } = this.options;
    ws.on('message', (data: Buffer, isBinary: boolean) => this.receive(data, isBinary));
    ws.on('pong', () => {
      this.alive = true;
    });
    ws.on('close', () => {
      this.closed = true;
      clearTimeout(this.timer);
    });
    this.send(encodeReply('init', { version }));
    this.scheduleCheck();
  }

  heartbeat(): void {
    if (!this.alive) return void this.options.ws.terminate();
    this.alive = false;
    this.options.ws.ping();
  }

  receive(frame: Buffer, isBinary: boolean): void {
    if (this.closed) return;
    let message: ClientMessage;
    try {
      message = decodeClientMessage(frame, isBinary);
    } catch (error) {
      this.options.logger.info({ reason: (error as Error).message }, 'websocket protocol error');
      this.close(CloseCode.protocolError);
      return;
    }
    this.enqueue(() => this.handle(message));
  }

  deliver(event: OutgoingEvent): void {
    if (!this.started || this.closed || !(this.everything || this.names.has(event.name))) return;
    if (!canSee(this.grant.audience, event.headers)) return;
    // A client that does not read its events must not grow our memory without bound.
    if (this.options.ws.bufferedAmount > this.options.maxBufferedBytes)
      this.close(CloseCode.tooSlow, 'send buffer full');
    else this.send(event.frame(this.options.version));
  }

  close(code: number, reason?: string): void {
    if (this.closed) return;
    this.closed = true;
    clearTimeout(this.timer);
    this.options.logger.info(
      { code, reason, user: this.grant.audience.userUuid },
      'closing websocket session',
    );
    this.options.ws.close(code, reason);
  }

  /** Runs `step` after every op before it, unless the session closed meanwhile. */
  private enqueue(step: () => Promise<void> | void): void {
    this.queue = this.queue
      .then(() => (this.closed ? undefined : step()))
      .catch((err: unknown) => {
        this.options.logger.error({ err }, 'websocket session step failed');
        this.close(CloseCode.protocolError);
      });
  }

  private send(text: string): void {
    this.options.ws.send(text);
  }

  private replyIfDue(op: string): void {
    if (!this.started || this.options.version === 2) this.send(encodeReply(op));
  }

  private async handle(message: ClientMessage): Promise<void> {
    switch (message.op) {
      case 'subscribe':
        if (message.value === '*') this.everything = true;
        else if (this.names.size < MAX_SUBSCRIPTIONS || this.names.has(message.value))
          this.names.add(message.value);
        else return this.close(CloseCode.protocolError);
        return this.replyIfDue('subscribe');
      case 'start':
        this.started = true;
        return this.send(encodeReply('start'));
      case 'ping':
        if (this.options.version === 2) this.send(encodeReply('pong', { payload: message.value }));
        return;
      case 'token':
        return this.renew(message.value);
    }
  }

  private async renew(tokenId: string): Promise<void> {
    try {
      this.grant = await this.options.authenticate(tokenId);
    } catch (error) {
      this.options.logger.info({ reason: (error as Error).message }, 'token renewal refused');
      return this.close(CloseCode.authFailed, 'authentication failed');
    }
    // The client may have left during the lookup: a new timer would keep the session for hours.
    if (this.closed) return;
    this.scheduleCheck();
    this.replyIfDue('token');
  }

  private scheduleCheck(): void {
    clearTimeout(this.timer);
    const delay = nextCheckDelay(this.options.check, this.grant.token.expiresAt, Date.now());
    const due = this.grant.token.token;
    // Queued with the ops, so a check never races a `token` op; one for a replaced token is moot.
    this.timer = setTimeout(() => this.enqueue(() => this.recheck(due)), delay);
  }

  private async recheck(tokenId: string): Promise<void> {
    if (tokenId !== this.grant.token.token) return;
    try {
      // Asked afresh, as Wazo does: a revocation whose event this daemon missed must end it.
      this.grant = await this.options.authenticate(tokenId, { fresh: true });
    } catch (error) {
      this.options.logger.debug({ reason: (error as Error).message }, 'token check failed');
      return this.close(CloseCode.authExpired, 'authentication expired');
    }
    if (!this.closed) this.scheduleCheck();
  }
}

/** Sends the init and starts the token checks; the caller registers the session. */
export function openSession(options: SessionOptions): Session {
  const session = new WebsocketSession(options);
  session.open();
  return session;
}
