/**
 * The delivery engine's configuration: the `delivery` section, for what Wazo does not have (Wazo's
 * `hook_max_attempts` and `hook_http_retry_countdown_factor` are webhookd's top-level keys).
 */
import { type Static, Type } from 'typebox';
import { defaultDeniedTargets } from './target-guard.js';

const DeniedTarget = Type.Object(
  {
    network: Type.String({ minLength: 1, description: 'A network in CIDR notation, or one address.' }),
    ports: Type.Optional(
      Type.Array(Type.Integer({ minimum: 1, maximum: 65535 }), {
        description: 'Only these ports of the network are denied; all ports when absent.',
      }),
    ),
  },
  { additionalProperties: false },
);

/** The `delivery` section of webhookd's config. */
export const DeliverySectionSchema = Type.Object(
  {
    enabled: Type.Boolean({ default: true, description: 'Consume events and send webhooks.' }),
    queue: Type.String({
      default: '',
      description:
        'The durable queue events wait in (also while the daemon is down). Empty: ' +
        '`wazo-webhookd.deliveries` on the `wazo-headers` exchange, `wazo-webhookd.deliveries.<exchange>` ' +
        'on another, so daemons on different exchanges never share one.',
    }),
    prefetch: Type.Integer({
      minimum: 1,
      default: 50,
      description: 'Bus messages read ahead of the one stored.',
    }),
    concurrency: Type.Integer({
      minimum: 1,
      default: 20,
      description: 'Subscriptions sending at the same time (each sends its deliveries one by one, in order).',
    }),
    retry_first_delay: Type.Number({
      exclusiveMinimum: 0,
      default: 1,
      description: 'Seconds before the first retry; later ones are multiplied by the countdown factor.',
    }),
    connect_timeout: Type.Number({
      exclusiveMinimum: 0,
      default: 5,
      description: 'Seconds to connect to a target.',
    }),
    read_timeout: Type.Number({
      exclusiveMinimum: 0,
      default: 15,
      description: 'Seconds a target may stay silent while answering.',
    }),
    max_redirects: Type.Integer({
      minimum: 0,
      default: 30,
      description: 'Redirects followed (as python-requests).',
    }),
    response_body_max_bytes: Type.Integer({
      minimum: 0,
      default: 65536,
      description: 'Bytes of a response body kept in the subscription logs.',
    }),
    denied_networks: Type.Array(DeniedTarget, {
      default: defaultDeniedTargets,
      description:
        'Where no webhook may connect, checked on the resolved address of every attempt. Default: link-local, ' +
        "cloud metadata addresses and the platform's own ports on loopback.",
    }),
    template_max_steps: Type.Integer({
      minimum: 1,
      default: 100000,
      description: 'Steps a url or body template may take (loops included) before it is stopped.',
    }),
    template_max_output: Type.Integer({
      minimum: 1,
      default: 1048576,
      description: 'Characters a rendered url or body template may reach.',
    }),
    log_retention_days: Type.Integer({
      minimum: 1,
      default: 30,
      description: 'Subscription logs older than this are purged (Wazo: 30 days).',
    }),
  },
  { additionalProperties: false },
);

/** The queue's name: configured, or derived from the exchange (see `queue`'s description). */
export function deliveryQueueName(configured: string, exchangeName: string): string {
  if (configured) return configured;
  return exchangeName === 'wazo-headers'
    ? 'wazo-webhookd.deliveries'
    : `wazo-webhookd.deliveries.${exchangeName}`;
}

/** What the engine reads: Wazo's retry keys (webhookd's top-level config) and the section. */
export interface DeliveryConfig {
  hook_max_attempts: number;
  hook_http_retry_countdown_factor: number;
  delivery: Static<typeof DeliverySectionSchema>;
}
