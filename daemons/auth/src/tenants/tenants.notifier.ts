/** Tenant events (reference §6), queued in the unit of work: published iff the change commits. */
import { authTenantAdded, authTenantDeleted, authTenantUpdated } from '@wazo-ts/bus';
import type { EventSink } from '@wazo-ts/db';
import type { Tenant } from './tenants.model.js';

export interface TenantsNotifier {
  created(events: EventSink, tenant: Tenant): void;
  updated(events: EventSink, tenant: Tenant): void;
  deleted(events: EventSink, uuid: string): void;
}

export const tenantsNotifier: TenantsNotifier = {
  created: (events, t) =>
    events.add(
      authTenantAdded.build(
        { uuid: t.uuid, name: t.name, slug: t.slug, domain_names: t.domain_names },
        { tenantUuid: t.uuid },
      ),
    ),
  updated: (events, t) =>
    events.add(authTenantUpdated.build({ uuid: t.uuid, name: t.name }, { tenantUuid: t.uuid })),
  deleted: (events, uuid) => events.add(authTenantDeleted.build({ uuid }, { tenantUuid: uuid })),
};
