/**
 * The `bus` configuration key, as Wazo's daemons spell it, and the connection URL built from it.
 * `uri` (ours) wins over the separate fields when given, e.g. for TLS (`amqps://`) or a vhost.
 */
import { InvalidDataError } from '@wazo-ts/errors';

export interface AmqpBusConfig {
  username?: string;
  password?: string;
  host?: string;
  port?: number;
  exchange_name?: string;
  /** Only `headers` is supported: bindings match on headers. */
  exchange_type?: string;
  uri?: string;
}

export interface ResolvedAmqpBusConfig {
  url: string;
  exchangeName: string;
  exchangeType: 'headers';
}

export const defaultBusConfig = {
  username: 'guest',
  password: 'guest',
  host: 'localhost',
  port: 5672,
  exchange_name: 'wazo-headers',
  exchange_type: 'headers',
} as const satisfies AmqpBusConfig;

export function resolveBusConfig(config: AmqpBusConfig = {}): ResolvedAmqpBusConfig {
  const merged = { ...defaultBusConfig, ...config };
  if (merged.exchange_type !== 'headers') {
    throw new InvalidDataError(`bus.exchange_type must be "headers", not "${merged.exchange_type}"`, {
      errorId: 'invalid-bus-config',
      details: { key: 'bus.exchange_type' },
    });
  }
  const user = encodeURIComponent(merged.username);
  const password = encodeURIComponent(merged.password);
  const url = merged.uri ?? `amqp://${user}:${password}@${merged.host}:${merged.port}`;
  return { url, exchangeName: merged.exchange_name, exchangeType: 'headers' };
}
