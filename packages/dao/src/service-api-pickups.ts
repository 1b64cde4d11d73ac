/**
 * The switchboards' and call pickups' services of the Service API, on their own daos; users and
 * groups are found through the hooks and daos of the resources that own them.
 */
import {
  createCallPickupsDao,
  createCallPickupsNotifier,
  createCallPickupsService,
  createCallPickupsValidator,
} from './call-pickups/index.js';
import type { UnitOfWork } from './db/unit-of-work.js';
import { createFallbacksDao } from './fallbacks/index.js';
import type { Daos, Hooks } from './service-api-daos.js';
import {
  createSwitchboardsDao,
  createSwitchboardsNotifier,
  createSwitchboardsService,
  createSwitchboardsValidator,
} from './switchboards/index.js';

export function pickupServicesOf(uow: UnitOfWork, daos: Daos, hooks: Hooks) {
  const callPickupsDao = createCallPickupsDao();
  return {
    switchboards: createSwitchboardsService({
      uow,
      dao: createSwitchboardsDao(),
      validator: createSwitchboardsValidator(),
      notifier: createSwitchboardsNotifier(),
      findUser: hooks.findUser,
      fallbacks: createFallbacksDao(),
    }),
    callPickups: createCallPickupsService({
      uow,
      dao: callPickupsDao,
      validator: createCallPickupsValidator({ dao: callPickupsDao }),
      notifier: createCallPickupsNotifier(),
      findUser: hooks.findUser,
      async findGroup(tx, scope, id) {
        const group = await daos.groups.find(tx, scope, id);
        return group ? { id: group.id, tenant_uuid: group.tenant_uuid } : null;
      },
    }),
  };
}
