// Test helpers of @wazo-ts/webhookd: `@wazo-ts/webhookd/testing`.

export {
  type DeliveryTestBed,
  deliveryTestBed,
  type Receiver,
  startReceiver,
  testDeliveryConfig,
} from './delivery.js';
export {
  AMQP_URI,
  FAKE_MASTER_TENANT,
  type StartWebhookdOptions,
  startWebhookd,
  type WebhookdUnderTest,
} from './webhookd-under-test.js';
