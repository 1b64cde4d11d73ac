/**
 * The tenants notifier emits nothing, on purpose: tenant events (`auth_tenant_added`,
 * `auth_tenant_deleted`) are wazo-auth's, and confd only follows them. Wazo's confd publishes none
 * either. The hooks exist so the service reads like every other one and a future event (or a
 * reload request) has one obvious place to go.
 */
import type { Tx } from '../db/unit-of-work.js';
import type { Tenant, TenantEnsureOutcome } from './tenants.model.js';

export function createTenantsNotifier() {
  return {
    ensured(_tx: Tx, _tenant: Tenant, _outcome: TenantEnsureOutcome): void {},
    deleted(_tx: Tx, _uuid: string): void {},
  };
}

export type TenantsNotifier = ReturnType<typeof createTenantsNotifier>;
