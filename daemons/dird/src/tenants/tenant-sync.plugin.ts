/**
 * Wires the provisioning to wazo-auth: `auth_tenant_added` provisions the tenant,
 * `auth_tenant_deleted` removes its configuration, `localization_edited` stores its country
 * (each message id handled once: bus delivery is at least once), and a reconciliation with
 * wazo-auth's tenant list runs with each new service token (at start, then at each renewal), so
 * tenants made while dird was down get their defaults too. The last outcome is in /status.
 */
import { authTenantAdded, authTenantDeleted, localizationEdited, type ReceivedEvent } from '@wazo-ts/bus';
import type { ComponentStatus, DaemonPlugin } from '@wazo-ts/daemon';
import type { DirdConfig } from '../definition.js';
import type { DirdResources } from '../resources.js';

export const tenantSyncPlugin: DaemonPlugin<DirdConfig, DirdResources> = {
  name: 'tenant_sync',
  load({ logger, bus, lifecycle, serviceToken, resources, reportStatus }) {
    const { provisioning } = resources.services;
    const once = async (event: ReceivedEvent<unknown>, work: () => Promise<void>) => {
      if (!event.messageId) return work();
      await resources.processedEvents.runOnce(event.messageId, work);
    };
    let state: ComponentStatus = { status: 'ok', synchronized: false };
    reportStatus(() => state);

    const reconcile = async () => {
      try {
        const token = serviceToken?.current();
        if (!token) throw new Error('no service token yet');
        const outcome = await provisioning.reconcile(await resources.authTenants.list(token.token));
        state = { status: 'ok', synchronized: true, ...outcome, synchronized_at: new Date().toISOString() };
        logger.info(outcome, 'tenants synchronized with wazo-auth');
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        state = { ...state, status: 'ok', last_error: reason, failed_at: new Date().toISOString() };
        logger.warn({ err: error }, 'tenant synchronization with wazo-auth failed');
      }
    };

    let unsubscribe: (() => void) | undefined;
    lifecycle.onStart(async () => {
      await bus.consumer.subscribe(authTenantAdded, (event) =>
        once(event, async () => {
          resources.scopes.clear();
          const { uuid, name, slug } = event.data;
          if (await provisioning.provision({ uuid, name: name ?? slug ?? null }))
            logger.info({ tenant_uuid: uuid }, 'directory defaults created for the new tenant');
        }),
      );
      await bus.consumer.subscribe(authTenantDeleted, (event) =>
        once(event, async () => {
          resources.scopes.clear();
          await provisioning.remove(event.data.uuid);
        }),
      );
      await bus.consumer.subscribe(localizationEdited, (event) =>
        once(event, () => provisioning.setCountry(event.data.tenant_uuid, event.data.country)),
      );
      if (!serviceToken) {
        state = { status: 'ok', synchronized: false, last_error: 'no service credentials: bus events only' };
        return;
      }
      unsubscribe = serviceToken.onToken(() => void reconcile());
    });
    lifecycle.onStop(() => unsubscribe?.());
  },
};
