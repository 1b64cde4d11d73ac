/**
 * Every daemon reads and sends bus events. The kit opens the transport named by `bus.transport`
 * (RabbitMQ, or the in-process bus shared by the daemons of one process), gives plugins a
 * publisher and a consumer, reports the connection in `/status` as `bus_consumer`, and follows
 * `auth_session_deleted` so a revoked session's tokens leave the token cache at once.
 */
import {
  authSessionDeleted,
  type BusTransport,
  createAmqpTransport,
  createBusConsumer,
  createBusPublisher,
  createMemoryTransport,
} from '@wazo-ts/bus';
import type { Logger } from 'pino';
import type { TokenVerifier } from '../auth/types.js';
import type { BaseConfig } from '../config/schema.js';
import type { DaemonBus } from '../plugins/types.js';
import type { StatusAggregator } from '../status/status.js';

export interface KitBus extends DaemonBus {
  /** Drops cached tokens of sessions wazo-auth deleted. */
  followSessions(verifier: TokenVerifier): Promise<void>;
  close(): Promise<void>;
}

export interface ConnectBusOptions {
  name: string;
  config: BaseConfig;
  logger: Logger;
  status: StatusAggregator;
  /** A transport owned by the caller (all-in-one mode); it is not closed with the daemon. */
  transport?: BusTransport | undefined;
}

function openTransport(options: ConnectBusOptions): BusTransport {
  const { config, logger, name } = options;
  const busLogger = logger.child({ component: 'bus' });
  if (config.bus.transport === 'memory')
    return createMemoryTransport({ exchangeName: config.bus.exchange_name, logger: busLogger });
  return createAmqpTransport({
    config: { ...config.bus, uri: config.bus.uri ?? undefined },
    logger: busLogger,
    connectionName: `wazo-${name}`,
  });
}

export function connectBus(options: ConnectBusOptions): KitBus {
  const { config, logger, status, name } = options;
  const owned = options.transport === undefined;
  const transport = options.transport ?? openTransport(options);
  const originUuid = config.uuid ?? '00000000-0000-0000-0000-000000000000';
  const publisher = createBusPublisher({ transport, originUuid, logger: logger.child({ component: 'bus' }) });
  const consumer = createBusConsumer({
    transport,
    name: `wazo-${name}`,
    logger: logger.child({ component: 'bus' }),
  });
  status.add('bus_consumer', () => ({
    status: transport.state() === 'connected' ? 'ok' : 'fail',
    state: transport.state(),
  }));
  let unfollow: (() => void) | undefined;
  return {
    transport,
    publisher,
    consumer,
    async followSessions(verifier) {
      await consumer.subscribe(authSessionDeleted, (event) => verifier.revokeSession(event.data.uuid));
      // While the connection was down, auth_session_deleted events went by unseen (the consumer's
      // queue is not durable): cached tokens may have been revoked meanwhile, so ask again.
      let lost = false;
      unfollow = transport.onStateChange((state) => {
        if (state !== 'connected') lost = true;
        else if (lost) {
          lost = false;
          verifier.forgetAll?.();
          logger.info('bus connection back: cached tokens forgotten (revocations may have been missed)');
        }
      });
    },
    async close() {
      unfollow?.();
      await consumer.close();
      if (owned) await transport.close();
    },
  };
}
