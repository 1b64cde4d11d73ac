/** Service discovery events, sent when a daemon registers in or leaves Consul. Internal (no tenant). */
import { defineEvent } from './define.js';

export const serviceRegistered = defineEvent<{
  service_name: string;
  service_id: string;
  address: string;
  port: number;
  tags: string[];
}>()({
  name: 'service_registered',
  routingKey: 'service.registered.{service_name}',
  scope: 'service',
});

// Same routing key as service_registered: that is how wazo-bus declares it.
export const serviceDeregistered = defineEvent<{
  service_name: string;
  service_id: string;
  tags: string[];
}>()({
  name: 'service_deregistered',
  routingKey: 'service.registered.{service_name}',
  scope: 'service',
});
