/**
 * Builds the Service API services confd's routes and consumers use, on one unit of work: explicit
 * wiring in one place, so plugins share one set and tests build the same graph.
 * (To be replaced by the Service API's `createServiceApi` once it lands.)
 */
import {
  createTenantsDao,
  createTenantsNotifier,
  createTenantsService,
  createTenantsValidator,
  createUsersDao,
  createUsersNotifier,
  createUsersService,
  createUsersValidator,
  type UnitOfWork,
} from '@wazo-ts/dao';

export function createConfdServices(uow: UnitOfWork) {
  const usersDao = createUsersDao();
  const users = createUsersService({
    uow,
    dao: usersDao,
    validator: createUsersValidator({ dao: usersDao }),
    notifier: createUsersNotifier(),
  });
  const tenants = createTenantsService({
    uow,
    dao: createTenantsDao(),
    validator: createTenantsValidator(),
    notifier: createTenantsNotifier(),
  });
  return { users, tenants };
}

export type ConfdServices = ReturnType<typeof createConfdServices>;
