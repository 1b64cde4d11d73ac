/**
 * The tenant mirror follows wazo-auth, the authority on tenants: `auth_tenant_added` ensures the
 * tenant and its default SIP templates (once per tenant, as Wazo's confd), `auth_tenant_deleted`
 * purges it with all its configuration, and a reconciliation with
 * wazo-auth's list (Wazo's `wazo-confd-sync-db`) catches what the bus missed. Handlers are
 * idempotent, and each message id is handled once, so a late redelivered "added" cannot bring back
 * a tenant deleted since.
 */
import type { AuthTenantPayload, ProcessedEventStore, ReceivedEvent } from '@wazo-ts/bus';
import type { TenantsService } from '@wazo-ts/dao';
import type { AuthTenant } from '../common/auth-tenants.js';

export interface TenantSyncDeps {
  tenants: Pick<TenantsService, 'ensureWithSipTemplates' | 'delete' | 'list'>;
  /** wazo-auth's tenants as the service token sees them (the master tenant and all below). */
  listAuthTenants: () => Promise<AuthTenant[]>;
  processed: ProcessedEventStore;
  /** Called after any change, so cached tenant lists are asked again. */
  onChange?: () => void;
}

export interface ReconcileOutcome {
  ensured: number;
  removed: number;
}

export function createTenantSync(deps: TenantSyncDeps) {
  const { tenants, processed } = deps;
  const changed = () => deps.onChange?.();

  /** Runs `work` once per message id; a message without id (a Python publisher's) runs every time. */
  async function once(event: ReceivedEvent<unknown>, work: () => Promise<void>): Promise<void> {
    if (!event.messageId) return work();
    await processed.runOnce(event.messageId, work);
  }

  return {
    async tenantAdded(event: ReceivedEvent<AuthTenantPayload>): Promise<void> {
      await once(event, async () => {
        await tenants.ensureWithSipTemplates(
          event.data.uuid,
          event.data.slug ?? null,
          event.data.name ?? null,
        );
        changed();
      });
    },

    async tenantDeleted(event: ReceivedEvent<{ uuid: string }>): Promise<void> {
      await once(event, async () => {
        await tenants.delete(event.data.uuid);
        changed();
      });
    },

    /** Makes the mirror equal wazo-auth's list: missing tenants (and templates) ensured, others purged. */
    async reconcile(): Promise<ReconcileOutcome> {
      const remote = await deps.listAuthTenants();
      // wazo-auth always lists at least the master tenant: an empty answer is not a reason to purge.
      if (remote.length === 0) throw new Error('wazo-auth listed no tenant');
      for (const tenant of remote)
        await tenants.ensureWithSipTemplates(tenant.uuid, tenant.slug, tenant.name);
      const known = new Set(remote.map((t) => t.uuid));
      const stale = (await tenants.list()).filter((t) => !known.has(t.uuid));
      for (const tenant of stale) await tenants.delete(tenant.uuid);
      changed();
      return { ensured: remote.length, removed: stale.length };
    },
  };
}

export type TenantSync = ReturnType<typeof createTenantSync>;
