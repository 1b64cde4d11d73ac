/**
 * POST /mobile/notifications, as Wazo's: a custom push notification for one user, validated as
 * Wazo validates it (type `[a-z0-9_]` 1-100 long and not one of the types webhookd sends itself,
 * user uuid 36 long, title <= 128, body <= 250, extra an object), the user checked with wazo-auth
 * under the caller's token and tenant (unknown, other tenant or disabled: 400
 * `invalid-user-uuid`), then handed to the push sender; 204. No log row and no event, as Wazo.
 */
import {
  type AuthClientConfig,
  authServerUnreachable,
  createAuthTransport,
  type DaemonApi,
} from '@wazo-ts/daemon';
import { NoContent, Type } from '@wazo-ts/daemon/schema';
import { InvalidDataError } from '@wazo-ts/errors';
import type { Logger } from 'pino';
import { type PushSender, RESERVED_NOTIFICATION_TYPES } from './mobile.js';

const NotificationBody = Type.Object(
  {
    notification_type: Type.String({ minLength: 1, maxLength: 100, pattern: '^[a-zA-Z0-9_]+$' }),
    user_uuid: Type.String({ minLength: 36, maxLength: 36 }),
    title: Type.String({ maxLength: 128 }),
    body: Type.String({ maxLength: 250 }),
    extra: Type.Optional(Type.Record(Type.String(), Type.Unknown(), { default: {} })),
  },
  { additionalProperties: false },
);

/** Whether wazo-auth shows the user, enabled, to this token in this tenant. */
export type UserCheck = (token: string, tenantUuid: string, userUuid: string) => Promise<boolean>;

export function authUserCheck(config: AuthClientConfig): { check: UserCheck; close(): void } {
  const transport = createAuthTransport(config);
  return {
    async check(token, tenantUuid, userUuid) {
      let response: { status: number; body: string };
      try {
        response = await transport.request({
          method: 'GET',
          path: `/0.1/users/${encodeURIComponent(userUuid)}`,
          headers: { 'x-auth-token': token, 'wazo-tenant': tenantUuid },
        });
      } catch (error) {
        throw authServerUnreachable(config, error);
      }
      if (response.status !== 200) return false;
      return (JSON.parse(response.body) as { enabled?: unknown }).enabled === true;
    },
    close: () => transport.close(),
  };
}

export function registerMobileNotifications(
  api: DaemonApi,
  deps: { sender: () => PushSender; checkUser: UserCheck; logger: Logger },
): void {
  api.post(
    '/mobile/notifications',
    {
      config: { acl: 'webhookd.mobile.notifications.send' },
      schema: {
        tags: ['mobile'],
        summary: 'Send a push notification to a user',
        body: NotificationBody,
        response: { 204: NoContent },
      },
    },
    async (request, reply) => {
      const body = request.body as {
        notification_type: string;
        user_uuid: string;
        title: string;
        body: string;
        extra?: Record<string, unknown>;
      };
      if (RESERVED_NOTIFICATION_TYPES.includes(body.notification_type))
        throw new InvalidDataError('Sent data is invalid', {
          details: {
            notification_type: {
              constraint_id: 'none_of',
              constraint: RESERVED_NOTIFICATION_TYPES,
              message: `The type "${body.notification_type}" is a reserved type.`,
            },
          },
        });
      const tenantUuid = request.auth?.tenantUuid ?? '';
      const token = request.auth?.token.token ?? '';
      if (!(await deps.checkUser(token, tenantUuid, body.user_uuid)))
        throw new InvalidDataError('User UUID is invalid or unauthorized', { errorId: 'invalid-user-uuid' });
      const sender = deps.sender();
      // Queued, as Wazo answers once its Celery task is: the sender's outcome goes to the log.
      void sender
        .send({
          user_uuid: body.user_uuid,
          tenant_uuid: tenantUuid,
          notification_type: body.notification_type,
          payload: {
            notification_type: body.notification_type,
            items: { title: body.title, body: body.body, extra: body.extra ?? {} },
          },
        })
        .then(
          (result) =>
            result.status !== 'sent' &&
            deps.logger.warn({ user_uuid: body.user_uuid, result }, 'custom push notification not sent'),
          (err: unknown) =>
            deps.logger.error({ err, user_uuid: body.user_uuid }, 'custom push notification failed'),
        );
      return reply.code(204).send(null);
    },
  );
}
