/**
 * What webhookd does on other daemons' events, as Wazo's: a user deleted takes their
 * subscriptions (owned or on their events), a tenant deleted its subscriptions, and a user's
 * `mobile` external auth added, updated or deleted keeps exactly one `mobile` service
 * subscription for them, or none. Each handler is safe to run twice (the bus delivers at least once).
 */
import {
  authTenantDeleted,
  authUserExternalAuthAdded,
  authUserExternalAuthDeleted,
  authUserExternalAuthUpdated,
  type ReceivedEvent,
  userDeleted,
} from '@wazo-ts/bus';
import type { DaemonPlugin } from '@wazo-ts/daemon';
import { isUuid } from '@wazo-ts/db';
import type { WebhookdConfig } from '../definition.js';
import type { WebhookdResources } from '../resources.js';

type ExternalAuth = ReceivedEvent<{ user_uuid: string; external_auth_name: string }>;

export const housekeepingPlugin: DaemonPlugin<WebhookdConfig, WebhookdResources> = {
  name: 'housekeeping',
  load({ bus, resources, logger, lifecycle }) {
    const { subscriptions } = resources;

    async function onUserDeleted(event: ReceivedEvent<{ uuid: string }>) {
      const deleted = await subscriptions.deleteOfUser(event.data.uuid);
      if (deleted)
        logger.info({ user_uuid: event.data.uuid, deleted }, 'subscriptions of a deleted user removed');
    }
    async function onTenantDeleted(event: ReceivedEvent<{ uuid: string }>) {
      const deleted = await subscriptions.deleteOfTenant(event.data.uuid);
      if (deleted)
        logger.info({ tenant_uuid: event.data.uuid, deleted }, 'subscriptions of a deleted tenant removed');
    }
    const onMobile = (present: boolean) =>
      async function onMobileExternalAuth(event: ExternalAuth) {
        if (event.data.external_auth_name !== 'mobile') return;
        const userUuid = event.data.user_uuid;
        const tenantUuid = event.tenantUuid;
        // Without a tenant (and user) uuid no subscription can be owned: nothing worth retrying.
        if (!isUuid(tenantUuid) || !isUuid(userUuid)) {
          logger.warn(
            { user_uuid: userUuid, tenant_uuid: tenantUuid, event: event.name },
            'mobile external auth event without a tenant or user uuid, ignored',
          );
          return;
        }
        await subscriptions.syncMobile({ userUuid, tenantUuid }, present);
        logger.info({ user_uuid: userUuid, present }, 'mobile subscription in step with external auth');
      };

    lifecycle.onStart(async () => {
      await bus.consumer.subscribe(userDeleted, onUserDeleted);
      await bus.consumer.subscribe(authTenantDeleted, onTenantDeleted);
      await bus.consumer.subscribe(authUserExternalAuthAdded, onMobile(true));
      await bus.consumer.subscribe(authUserExternalAuthUpdated, onMobile(true));
      await bus.consumer.subscribe(authUserExternalAuthDeleted, onMobile(false));
    });
  },
};
