/**
 * The user services service: read and change a user's dnd and incallfilter. As in wazo-confd,
 * changing one service announces that service, changing the set announces every service. There
 * is nothing to validate beyond the body's schema, so there is no validator.
 */
import type { Tx, UnitOfWork } from '../db/unit-of-work.js';
import type { TenantScope } from '../search/search.js';
import { userNotFound } from '../users/user-key.js';
import type { UserKey } from '../users/users.model.js';
import type { UserServicesDao, UserWithServices } from './user-services.dao.js';
import {
  USER_SERVICE_NAMES,
  type UserService,
  type UserServiceName,
  type UserServices,
  type UserServicesUpdate,
} from './user-services.model.js';
import type { UserServicesNotifier } from './user-services.notifier.js';

export interface UserServicesServiceDeps {
  uow: UnitOfWork;
  dao: UserServicesDao;
  notifier: UserServicesNotifier;
}

export function createUserServicesService({ uow, dao, notifier }: UserServicesServiceDeps) {
  const findIn = async (tx: Tx, scope: TenantScope, key: UserKey): Promise<UserWithServices> => {
    const found = await dao.find(tx, scope, key);
    if (!found) throw userNotFound(key);
    return found;
  };

  const apply = (
    scope: TenantScope,
    key: UserKey,
    update: UserServicesUpdate,
    announce: readonly UserServiceName[],
  ) =>
    uow.run(async (tx) => {
      const { user, services } = await findIn(tx, scope, key);
      const enabled: Partial<Record<UserServiceName, boolean>> = {};
      for (const name of USER_SERVICE_NAMES) {
        const given = update[name];
        if (given) enabled[name] = given.enabled;
      }
      await dao.update(tx, scope, user.id, enabled);
      const after: UserServices = {
        dnd: { enabled: enabled.dnd ?? services.dnd.enabled },
        incallfilter: { enabled: enabled.incallfilter ?? services.incallfilter.enabled },
      };
      notifier.updated(tx, user, announce, after);
      return after;
    });

  const get = async (scope: TenantScope, key: UserKey): Promise<UserServices> =>
    (await uow.read((tx) => findIn(tx, scope, key))).services;

  return {
    /** `{dnd: {enabled}, incallfilter: {enabled}}`. */
    get,

    async getOne(scope: TenantScope, key: UserKey, name: UserServiceName): Promise<UserService> {
      return (await get(scope, key))[name];
    },

    /** `PUT /users/{id}/services`: sets the services given, announces them all. */
    update(scope: TenantScope, key: UserKey, update: UserServicesUpdate): Promise<UserServices> {
      return apply(scope, key, update, USER_SERVICE_NAMES);
    },

    /** `PUT /users/{id}/services/{name}`. */
    async updateOne(
      scope: TenantScope,
      key: UserKey,
      name: UserServiceName,
      service: UserService,
    ): Promise<UserService> {
      return (await apply(scope, key, { [name]: service }, [name]))[name];
    },
  };
}

export type UserServicesService = ReturnType<typeof createUserServicesService>;
