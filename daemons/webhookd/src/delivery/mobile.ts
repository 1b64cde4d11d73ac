/**
 * The `mobile` service: a user's events become push notifications, typed as Wazo types them
 * (voicemailReceived, incomingCall, cancelIncomingCall, messageReceived, missedCall), sent through
 * a pluggable `PushSender`. No push provider is reachable from here, so the default sender logs;
 * a plugin gives a real one (APNs, FCM...) to `createDeliveryEngine({ pushSender })`. Deliveries
 * of the mobile service go through the same durable, ordered, retried queue as http ones.
 */
import type { Logger } from 'pino';
import type { AttemptOutcome, DeliveryService } from './service.js';

export const NOTIFICATION_TYPES: Record<string, string> = {
  user_voicemail_message_created: 'voicemailReceived',
  global_voicemail_message_created: 'voicemailReceived',
  call_push_notification: 'incomingCall',
  call_cancel_push_notification: 'cancelIncomingCall',
  chatd_user_room_message_created: 'messageReceived',
  user_missed_call: 'missedCall',
};

/** Types POST /mobile/notifications may not use (Wazo's). */
export const RESERVED_NOTIFICATION_TYPES = [
  'messageReceived',
  'voicemailReceived',
  'incomingCall',
  'cancelIncomingCall',
  'missedCall',
];

export interface PushNotification {
  user_uuid: string;
  tenant_uuid: string;
  notification_type: string;
  /** What the device receives: Wazo's `{notification_type, items}` for events. */
  payload: Record<string, unknown>;
  /** The delivery's stable id (absent for POST /mobile/notifications). */
  delivery_uuid?: string;
}

export type PushResult =
  | { status: 'sent'; detail?: Record<string, unknown> }
  /** Worth another attempt (the provider is down, asks to retry later). */
  | { status: 'retry'; detail: Record<string, unknown> }
  | { status: 'error'; detail: Record<string, unknown> };

export interface PushSender {
  name: string;
  send(notification: PushNotification, signal?: AbortSignal): Promise<PushResult>;
}

/** The default sender: writes the notification to the log and calls it sent. */
export function logOnlyPushSender(logger: Logger): PushSender {
  return {
    name: 'log',
    async send(notification) {
      logger.info(
        { user_uuid: notification.user_uuid, notification_type: notification.notification_type },
        'push notification (no push sender configured: logged only)',
      );
      return { status: 'sent', detail: { sender: 'log' } };
    },
  };
}

export function createMobileService(options: { sender: PushSender; logger: Logger }): DeliveryService {
  return {
    name: 'mobile',
    async attempt({ subscription, event, deliveryUuid, signal }): Promise<AttemptOutcome> {
      const user = subscription.events_user_uuid;
      if (!user) return { kind: 'error', detail: { error: 'a mobile subscription needs events_user_uuid' } };
      const name = String(event.name ?? '');
      const type = NOTIFICATION_TYPES[name];
      if (!type) return { kind: 'success', detail: { skipped: `no notification for ${name}` } };
      const data = (event.data ?? {}) as Record<string, unknown>;
      // Wazo does not notify users of the chat messages they sent themselves.
      if (name === 'chatd_user_room_message_created' && data.user_uuid === user)
        return { kind: 'success', detail: { skipped: 'message sent by the user' } };
      const notification: PushNotification = {
        user_uuid: user,
        tenant_uuid: subscription.owner_tenant_uuid,
        notification_type: type,
        payload: {
          notification_type: type,
          items: { ...data, notification_timestamp: String(event.timestamp ?? new Date().toISOString()) },
        },
        delivery_uuid: deliveryUuid,
      };
      const result = await options.sender.send(notification, signal);
      const detail = { sender: options.sender.name, notification_type: type, ...result.detail };
      if (result.status === 'sent') return { kind: 'success', detail };
      return { kind: result.status === 'retry' ? 'failure' : 'error', detail };
    },
  };
}
