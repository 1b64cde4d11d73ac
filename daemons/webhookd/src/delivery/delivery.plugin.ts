/**
 * The delivery engine in the daemon: started once the master tenant is known (Wazo binds nothing
 * before), rebinding after every committed subscription change (in process), on every
 * webhookd_subscription_* / webhookd_user_subscription_* event and every minute (a missed event only delays a rebind), shown in /status as `delivery` (intake
 * consuming, lanes at work), stopped before the database closes. It also serves
 * POST /mobile/notifications through the same push sender.
 */
import {
  webhookdSubscriptionCreated,
  webhookdSubscriptionDeleted,
  webhookdSubscriptionUpdated,
  webhookdUserSubscriptionCreated,
  webhookdUserSubscriptionDeleted,
  webhookdUserSubscriptionUpdated,
} from '@wazo-ts/bus';
import type { DaemonPlugin } from '@wazo-ts/daemon';
import type { WebhookdConfig } from '../definition.js';
import type { WebhookdResources } from '../resources.js';
import { deliveryQueueName } from './config.js';
import { createDeliveryEngine, type DeliveryEngine } from './engine.js';
import { logOnlyPushSender, type PushSender } from './mobile.js';
import { authUserCheck, registerMobileNotifications } from './mobile-notifications.js';

const SUBSCRIPTION_EVENTS = [
  webhookdSubscriptionCreated,
  webhookdSubscriptionUpdated,
  webhookdSubscriptionDeleted,
  webhookdUserSubscriptionCreated,
  webhookdUserSubscriptionUpdated,
  webhookdUserSubscriptionDeleted,
].map((event) => event.name);

export interface DeliveryPluginOptions {
  /** A real push sender (APNs, FCM...); the default logs notifications. */
  pushSender?: PushSender;
  /** How often bindings are re-read without an event (ms). */
  reconcileEveryMs?: number;
  /** Wait before starting again after a failed start (ms). */
  retryStartMs?: number;
}

export function deliveryPlugin(
  options: DeliveryPluginOptions = {},
): DaemonPlugin<WebhookdConfig, WebhookdResources> {
  return {
    name: 'delivery',
    load({ api, config, resources, bus, logger, lifecycle, status }) {
      const pushSender = options.pushSender ?? logOnlyPushSender(logger.child({ component: 'push' }));
      const users = authUserCheck(config.auth);
      registerMobileNotifications(api, { sender: () => pushSender, checkUser: users.check, logger });
      lifecycle.onStop(() => users.close());
      if (!config.delivery.enabled) return;
      let engine: DeliveryEngine | undefined;
      let stopped = false;
      let timer: NodeJS.Timeout | undefined;
      let retry: NodeJS.Timeout | undefined;
      status.add('delivery', () =>
        engine ? engine.status() : { status: 'fail', reason: 'waiting for the master tenant' },
      );
      // A failed rebind is logged, not retried by the bus consumer: the next event or the periodic
      // rebind redoes the whole reconciliation anyway.
      const reconcile = async () => {
        try {
          await engine?.reconcile();
        } catch (err) {
          logger.warn({ err }, 'rebinding the delivery queue failed; the next rebind will retry');
        }
      };
      async function start(masterTenant: string): Promise<void> {
        if (stopped) return;
        const queue = deliveryQueueName(config.delivery.queue, config.bus.exchange_name);
        const created = createDeliveryEngine({
          db: resources.db,
          transport: bus.transport,
          config: { ...config, delivery: { ...config.delivery, queue } },
          logger,
          masterTenant,
          pushSender,
        });
        engine = created; // /status follows it while it starts
        try {
          await created.start();
        } catch (err) {
          engine = undefined;
          // RabbitMQ or PostgreSQL not there yet: nothing was acknowledged, try again shortly.
          logger.error({ err }, 'delivery engine failed to start; retrying in 5 s');
          await created.stop();
          if (!stopped) retry = setTimeout(() => void start(masterTenant), options.retryStartMs ?? 5_000);
          return;
        }
        timer = setInterval(() => void reconcile(), options.reconcileEveryMs ?? 60_000);
        timer.unref();
      }
      // Changes made by this daemon are told in process right after their commit (no bus round
      // trip); the bus events still cover the rest (another webhookd, a restart in between).
      const unlisten = resources.subscriptionChanges.on(() => void reconcile());
      lifecycle.onStop(() => unlisten());
      lifecycle.onStart(async () => {
        for (const event of SUBSCRIPTION_EVENTS) await bus.consumer.subscribe(event, reconcile);
        // Not awaited: the daemon serves (503-free) while waiting for its service token.
        void resources.masterTenant
          .known()
          .then(start)
          .catch((err: unknown) => logger.error({ err }, 'delivery engine failed to start'));
      });
      lifecycle.onStop(async () => {
        stopped = true;
        clearInterval(timer);
        clearTimeout(retry);
        await engine?.stop();
      });
    },
  };
}
