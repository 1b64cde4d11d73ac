/**
 * The user forwards service: read and change a user's busy, noanswer and unconditional forwards.
 * A change sets only the fields given (an absent `enabled` or `destination` is kept); '' reads
 * as no destination, as in Wazo. Changing one forward announces that forward, changing the set
 * announces every forward.
 */
import type { Tx, UnitOfWork } from '../db/unit-of-work.js';
import type { TenantScope } from '../search/search.js';
import { userNotFound } from '../users/user-key.js';
import type { UserKey } from '../users/users.model.js';
import type { UserForwardsDao, UserWithForwards } from './user-forwards.dao.js';
import {
  USER_FORWARD_NAMES,
  type UserForward,
  type UserForwardName,
  type UserForwards,
  type UserForwardsUpdate,
  type UserForwardUpdate,
} from './user-forwards.model.js';
import type { UserForwardsNotifier } from './user-forwards.notifier.js';
import type { UserForwardsValidator } from './user-forwards.validator.js';

export interface UserForwardsServiceDeps {
  uow: UnitOfWork;
  dao: UserForwardsDao;
  validator: UserForwardsValidator;
  notifier: UserForwardsNotifier;
}

function merged(current: UserForward, update: UserForwardUpdate): UserForward {
  const destination = update.destination === undefined ? current.destination : update.destination;
  return { enabled: update.enabled ?? current.enabled, destination: destination === '' ? null : destination };
}

export function createUserForwardsService({ uow, dao, validator, notifier }: UserForwardsServiceDeps) {
  const findIn = async (tx: Tx, scope: TenantScope, key: UserKey): Promise<UserWithForwards> => {
    const found = await dao.find(tx, scope, key);
    if (!found) throw userNotFound(key);
    return found;
  };

  const apply = (
    scope: TenantScope,
    key: UserKey,
    update: UserForwardsUpdate,
    announce: readonly UserForwardName[],
  ) =>
    uow.run(async (tx) => {
      const { user, forwards } = await findIn(tx, scope, key);
      const after = { ...forwards };
      const changed: Partial<UserForwards> = {};
      for (const name of USER_FORWARD_NAMES) {
        const given = update[name];
        if (!given) continue;
        after[name] = merged(forwards[name], given);
        changed[name] = after[name];
      }
      validator.validateEdit(after);
      await dao.update(tx, scope, user.id, changed);
      notifier.updated(tx, user, announce, after);
      return after;
    });

  const get = async (scope: TenantScope, key: UserKey): Promise<UserForwards> =>
    (await uow.read((tx) => findIn(tx, scope, key))).forwards;

  return {
    /** `{busy|noanswer|unconditional: {enabled, destination}}`. */
    get,

    async getOne(scope: TenantScope, key: UserKey, name: UserForwardName): Promise<UserForward> {
      return (await get(scope, key))[name];
    },

    /** `PUT /users/{id}/forwards`: changes the forwards given, announces them all. */
    update(scope: TenantScope, key: UserKey, update: UserForwardsUpdate): Promise<UserForwards> {
      return apply(scope, key, update, USER_FORWARD_NAMES);
    },

    /** `PUT /users/{id}/forwards/{name}`. */
    async updateOne(
      scope: TenantScope,
      key: UserKey,
      name: UserForwardName,
      forward: UserForwardUpdate,
    ): Promise<UserForward> {
      return (await apply(scope, key, { [name]: forward }, [name]))[name];
    },
  };
}

export type UserForwardsService = ReturnType<typeof createUserForwardsService>;
