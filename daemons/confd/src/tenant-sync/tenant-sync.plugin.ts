/**
 * Wires the tenant sync into the daemon: the two wazo-auth events on the bus, a reconciliation
 * once the service token is there and then every `tenant_sync_interval` seconds, and the last
 * outcome in `/status`. A failed reconciliation is reported but keeps the component `ok`: confd
 * still serves, and the bus events keep the mirror current meanwhile.
 */
import { authTenantAdded, authTenantDeleted } from '@wazo-ts/bus';
import type { ComponentStatus, DaemonPlugin } from '@wazo-ts/daemon';
import type { ConfdConfig } from '../definition.js';
import type { ConfdResources } from '../resources.js';
import { createTenantSync } from './tenant-sync.js';

export const tenantSyncPlugin: DaemonPlugin<ConfdConfig, ConfdResources> = {
  name: 'tenant_sync',
  load({ config, logger, bus, lifecycle, serviceToken, resources, reportStatus }) {
    const sync = createTenantSync({
      tenants: resources.services.tenants,
      listAuthTenants: () => {
        const token = serviceToken?.current();
        if (!token) return Promise.reject(new Error('no service token yet'));
        return resources.authTenants.list(token.token);
      },
      processed: resources.processedEvents,
      onChange: () => resources.visibleTenants.clear(),
    });
    let state: ComponentStatus = { status: 'ok', synchronized: false };
    reportStatus(() => state);

    const reconcile = async () => {
      try {
        const outcome = await sync.reconcile();
        state = { status: 'ok', synchronized: true, ...outcome, synchronized_at: new Date().toISOString() };
        logger.info(outcome, 'tenants synchronized with wazo-auth');
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        state = { ...state, status: 'ok', last_error: reason, failed_at: new Date().toISOString() };
        logger.warn({ err: error }, 'tenant synchronization with wazo-auth failed');
      }
    };

    let timer: NodeJS.Timeout | undefined;
    let unsubscribe: (() => void) | undefined;
    lifecycle.onStart(async () => {
      await bus.consumer.subscribe(authTenantAdded, (event) => sync.tenantAdded(event));
      await bus.consumer.subscribe(authTenantDeleted, (event) => sync.tenantDeleted(event));
      if (!serviceToken) {
        state = { status: 'ok', synchronized: false, last_error: 'no service credentials: bus events only' };
        return;
      }
      // The first token (and each renewal, a few times a day) triggers a reconciliation.
      unsubscribe = serviceToken.onToken(() => void reconcile());
      if (config.tenant_sync_interval > 0) {
        timer = setInterval(() => void reconcile(), config.tenant_sync_interval * 1000);
        timer.unref();
      }
    });
    lifecycle.onStop(() => {
      clearInterval(timer);
      unsubscribe?.();
    });
  },
};
