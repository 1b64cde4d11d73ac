/**
 * The user services notifier: one `users_services_<name>_updated` user event per service, for
 * the user and the tenant, with the service's state after the change.
 */
import { usersServicesDndUpdated, usersServicesIncallfilterUpdated } from '@wazo-ts/bus';
import type { Tx } from '../db/unit-of-work.js';
import type { UserRef } from '../users/users.model.js';
import type { UserServiceName, UserServices } from './user-services.model.js';

const EVENTS = { dnd: usersServicesDndUpdated, incallfilter: usersServicesIncallfilterUpdated } as const;

export function createUserServicesNotifier() {
  return {
    updated(tx: Tx, user: UserRef, names: readonly UserServiceName[], services: UserServices): void {
      for (const name of names) {
        const data = {
          user_id: user.id,
          user_uuid: user.uuid,
          tenant_uuid: user.tenant_uuid,
          enabled: services[name].enabled,
        };
        tx.events.add(EVENTS[name].build(data, { tenantUuid: user.tenant_uuid, userUuid: user.uuid }));
      }
    },
  };
}

export type UserServicesNotifier = ReturnType<typeof createUserServicesNotifier>;
