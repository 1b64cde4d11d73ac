// Test helpers of @wazo-ts/webhookd: `@wazo-ts/webhookd/testing`.
export {
  AMQP_URI,
  FAKE_MASTER_TENANT,
  type StartWebhookdOptions,
  startWebhookd,
  type WebhookdUnderTest,
} from './webhookd-under-test.js';
