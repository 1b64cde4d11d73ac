/**
 * The function keys service of the Service API: the users, groups and call filter members a key
 * names are found by their own resources' daos, in the template's tenant.
 */
import type { UnitOfWork } from './db/unit-of-work.js';
import { createFuncKeysNotifier, createFuncKeysService, createFuncKeysValidator } from './func-keys/index.js';
import { createHooks, type Daos } from './service-api-daos.js';

export function funcKeyServicesOf(uow: UnitOfWork, daos: Daos) {
  const { findUser } = createHooks(daos);
  const validator = createFuncKeysValidator({
    findUser,
    findGroup: (tx, scope, id) => daos.groups.find(tx, scope, id),
    filterMemberExists: (tx, tenantUuid, memberId) => daos.callFilters.memberExists(tx, tenantUuid, memberId),
    isFilterMember: (tx, userId) => daos.callFilters.isMember(tx, userId),
    findAgent: (tx, scope, id) => daos.agents.find(tx, scope, id),
    findQueue: (tx, scope, id) => daos.queues.find(tx, scope, id),
    findConference: (tx, scope, id) => daos.conferences.find(tx, scope, id),
    findPaging: (tx, scope, id) => daos.pagings.find(tx, scope, id),
    findParkingLot: (tx, scope, id) => daos.parkingLots.find(tx, scope, id),
  });
  return {
    funcKeys: createFuncKeysService({
      uow,
      dao: daos.funcKeys,
      validator,
      notifier: createFuncKeysNotifier(),
      findUser,
    }),
  };
}
