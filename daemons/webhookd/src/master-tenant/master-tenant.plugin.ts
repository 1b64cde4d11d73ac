/**
 * Fills the daemon's MasterTenant from its service token and shows it in /status as Wazo does
 * (`master_tenant: {status: ok|fail}`).
 */
import type { DaemonPlugin } from '@wazo-ts/daemon';
import type { WebhookdConfig } from '../definition.js';
import type { WebhookdResources } from '../resources.js';

export const masterTenantPlugin: DaemonPlugin<WebhookdConfig, WebhookdResources> = {
  name: 'master_tenant',
  load({ serviceToken, resources, status, logger }) {
    const { masterTenant } = resources;
    status.add('master_tenant', () =>
      masterTenant.uuid()
        ? { status: 'ok', uuid: masterTenant.uuid() }
        : { status: 'fail', reason: 'no service token yet' },
    );
    serviceToken?.onToken((_token, details) => {
      if (!details.tenantUuid || masterTenant.uuid()) return;
      masterTenant.set(details.tenantUuid);
      logger.info({ master_tenant_uuid: details.tenantUuid }, 'master tenant known');
    });
  },
};
