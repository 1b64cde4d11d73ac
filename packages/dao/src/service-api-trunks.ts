/**
 * The trunk and outcall services of the Service API: trunks with their endpoint, outcalls with
 * their trunks, extensions, schedule and call permissions. Wiring only.
 */
import type { Tx, UnitOfWork } from './db/unit-of-work.js';
import {
  createLinkDao,
  createLinkNotifier,
  createLinkService,
  createLinkValidator,
  type LinkKey,
} from './links/index.js';
import {
  createOutcallsNotifier,
  createOutcallsService,
  createOutcallsValidator,
  outcallCallPermissionLink,
  outcallScheduleLink,
} from './outcalls/index.js';
import { scopeOf, type TenantScope } from './search/search.js';
import type { Daos } from './service-api-daos.js';
import type { EndpointServices } from './service-api-endpoints.js';
import {
  createRegisterIaxDao,
  createRegisterIaxNotifier,
  createRegisterIaxService,
  createTrunksNotifier,
  createTrunksService,
  createTrunksValidator,
} from './trunks/index.js';

export function trunkServicesOf(uow: UnitOfWork, daos: Daos, endpoints: EndpointServices) {
  const { trunks: trunksDao, outcalls: outcallsDao } = daos;
  const registerDao = createRegisterIaxDao();
  const registerNotifier = createRegisterIaxNotifier();
  const trunks = createTrunksService({
    uow,
    dao: trunksDao,
    validator: createTrunksValidator({
      dao: trunksDao,
      lineUsing: (tx, protocol, key) => daos.lines.lineUsing(tx, protocol, key),
    }),
    notifier: createTrunksNotifier(),
    // A key that is not a uuid finds nothing (the dao checks it).
    findSip: (tx, scope, uuid) => endpoints.endpointSip.findIn(tx, scope, String(uuid)),
    findIax: (tx, scope, id) => daos.endpointIax.find(tx, scope, Number(id)),
    findCustom: (tx, scope, id) => endpoints.endpointCustom.findIn(tx, scope, Number(id)),
    findRegister: (tx, id) => registerDao.find(tx, id),
    registerNotifier,
  });
  const outcalls = createOutcallsService({
    uow,
    dao: outcallsDao,
    validator: createOutcallsValidator({
      dao: outcallsDao,
      async contextType(tx, tenantUuid, name) {
        return (await daos.contexts.findByName(tx, scopeOf(tenantUuid), name))?.type ?? null;
      },
    }),
    notifier: createOutcallsNotifier(),
    findTrunk: (tx, scope, id) => trunksDao.find(tx, scope, id),
    findExtension: (tx, scope, id) => daos.extensions.find(tx, scope, id),
  });
  const findOutcall = (tx: Tx, scope: TenantScope, key: LinkKey) => outcallsDao.find(tx, scope, Number(key));

  const scheduleDao = createLinkDao(outcallScheduleLink);
  const permissionDao = createLinkDao(outcallCallPermissionLink);
  return {
    trunks,
    registersIax: createRegisterIaxService({ uow, dao: registerDao, notifier: registerNotifier }),
    outcalls,
    outcallSchedules: createLinkService({
      uow,
      kind: outcallScheduleLink,
      dao: scheduleDao,
      findOwner: findOutcall,
      findResource: (tx, scope, id: number) => daos.schedules.find(tx, scope, id),
      validator: createLinkValidator({ kind: outcallScheduleLink, dao: scheduleDao }),
      notifier: createLinkNotifier(outcallScheduleLink.events),
    }),
    outcallCallPermissions: createLinkService({
      uow,
      kind: outcallCallPermissionLink,
      dao: permissionDao,
      findOwner: findOutcall,
      findResource: (tx, scope, id: number) => daos.callPermissions.find(tx, scope, id),
      validator: createLinkValidator({ kind: outcallCallPermissionLink, dao: permissionDao }),
      notifier: createLinkNotifier(outcallCallPermissionLink.events),
    }),
  };
}
