/**
 * Registers the daemon in Consul once it serves, announces it on the bus (`service_registered`,
 * `service_deregistered`), and reports the registration in `/status`.
 */
import { serviceDeregistered, serviceRegistered } from '@wazo-ts/bus';
import type { Logger } from 'pino';
import type { BaseConfig } from '../config/schema.js';
import { type ConsulRegistration, createConsulRegistration } from '../discovery/index.js';
import type { DaemonBus } from '../plugins/types.js';
import type { StatusAggregator } from '../status/status.js';

export interface RegisterOptions {
  name: string;
  config: BaseConfig;
  logger: Logger;
  status: StatusAggregator;
  bus: DaemonBus;
  /** The port actually bound. */
  port: number;
}

type ServiceData = {
  service_name: string;
  service_id: string;
  tags: string[];
  address?: string;
  port?: number;
};

export function registerInConsul(options: RegisterOptions): ConsulRegistration | undefined {
  const { config, logger, status, bus, name } = options;
  if (!config.service_discovery.enabled) return undefined;
  const registration = createConsulRegistration({
    name: `wazo-${name}`,
    uuid: config.uuid,
    config,
    port: options.port,
    logger: logger.child({ component: 'consul' }),
    publish: async (eventName, data) => {
      const payload = data as ServiceData;
      const event =
        eventName === 'service_registered'
          ? serviceRegistered.build({ address: '', port: 0, ...payload })
          : serviceDeregistered.build(payload);
      await bus.publisher.publish(event);
    },
  });
  status.add('service_discovery', registration.status);
  registration.start();
  return registration;
}
