/**
 * The daemon's one bus subscription: every event this Wazo published (`origin_uuid`), read once
 * and handed to the sessions. When the connection drops every session is closed with 1011 "bus
 * connection lost" (Wazo's behaviour: clients reconnect), new connections are refused with 1011
 * until the transport is back, and the transport re-declares the queue by itself. Events sent
 * while it was lost are gone (`auth_session_deleted` among them): the kit's bus makes every
 * daemon's token verifier forget its cached tokens when the connection is back.
 */
import type { BusTransport, Subscription } from '@wazo-ts/bus';
import type { Logger } from 'pino';
import { CloseCode } from './protocol.js';
import type { SessionRegistry } from './sessions.js';

export interface BusFeedOptions {
  transport: BusTransport;
  originUuid: string;
  registry: SessionRegistry;
  logger: Logger;
  /** Unacknowledged messages in flight (Wazo's `bus.consumer_prefetch`). */
  prefetch?: number;
  /** Delay before trying to open the subscription again after a failure. */
  retryMs?: number;
}

export interface BusFeed {
  start(): Promise<void>;
  stop(): Promise<void>;
  /** True when events flow: subscription open and transport connected. */
  ready(): boolean;
  status(): { subscribed: boolean; state: string };
}

export function createBusFeed(options: BusFeedOptions): BusFeed {
  const { transport, registry, logger } = options;
  let subscription: Subscription | undefined;
  let stopped = false;
  let retry: NodeJS.Timeout | undefined;
  const unfollow = transport.onStateChange((state) => {
    if (state === 'connected') return logger.info('bus connection back: accepting websocket sessions');
    if (registry.size > 0)
      logger.warn({ state, sessions: registry.size }, 'bus connection lost: closing sessions');
    registry.closeAll(CloseCode.busError, 'bus connection lost');
  });

  async function open(): Promise<void> {
    try {
      subscription = await transport.consume(
        {
          queuePrefix: 'wazo-websocketd',
          bindings: [{ headers: { origin_uuid: options.originUuid }, match: 'all' }],
          prefetch: options.prefetch ?? 250,
        },
        async (message) => registry.dispatch(message),
      );
      logger.info({ queue: subscription.queue }, 'bus subscription ready');
    } catch (err) {
      if (stopped) return;
      logger.error({ err }, 'bus subscription failed; retrying');
      retry = setTimeout(() => void open(), options.retryMs ?? 5_000);
    }
  }

  return {
    start: open,
    async stop() {
      stopped = true;
      clearTimeout(retry);
      unfollow();
      await subscription?.close();
      subscription = undefined;
    },
    ready: () => subscription !== undefined && transport.state() === 'connected',
    status: () => ({ subscribed: subscription !== undefined, state: transport.state() }),
  };
}
