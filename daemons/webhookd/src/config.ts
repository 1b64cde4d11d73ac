/**
 * wazo-webhookd's own configuration keys, with Wazo's names and defaults where Wazo has them, so a
 * Wazo config file carries over. The kit's base keys (rest_api, auth, bus, db_uri, log_*, ...)
 * come on top (docs/configuration.md).
 */
import { type Static, Type } from 'typebox';
import { DeliverySectionSchema } from './delivery/config.js';

export const WebhookdConfigSchema = Type.Object({
  db_upgrade_on_startup: Type.Boolean({
    default: true,
    description: "Apply pending migrations of webhookd's database at start.",
  }),
  hook_max_attempts: Type.Integer({
    minimum: 1,
    default: 10,
    description: 'Attempts of one hook run (the first and its retries) before it is marked failed.',
  }),
  hook_http_retry_countdown_factor: Type.Number({
    minimum: 1,
    default: 2,
    description: 'Seconds before retry n (0-based) are factor ** n: 1, 2, 4 ... 256 s with 2.',
  }),
  mobile_apns_host: Type.String({
    default: 'api.push.apple.com',
    description: 'APNs host of the mobile push sender.',
  }),
  mobile_apns_port: Type.Integer({ minimum: 1, maximum: 65535, default: 443, description: 'APNs port.' }),
  mobile_apns_call_topic: Type.String({
    default: 'org.wazo-platform.voip',
    description: 'APNs topic of incoming call notifications (VoIP pushes).',
  }),
  mobile_apns_default_topic: Type.String({
    default: 'org.wazo-platform',
    description: 'APNs topic of every other mobile notification.',
  }),
  tenant_cache_ttl: Type.Number({
    minimum: 0,
    default: 10,
    description: 'Seconds a caller token keeps its list of visible sub-tenants (recurse=true, item routes).',
  }),
  delivery: DeliverySectionSchema,
});

export type WebhookdOwnConfig = Static<typeof WebhookdConfigSchema>;
