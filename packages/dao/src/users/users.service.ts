/**
 * The users service, the public API of the resource: search, get, create, edit, delete. Each
 * change runs in one unit of work: validate, write, queue the event.
 */
import type { Tx, UnitOfWork } from '../db/unit-of-work.js';
import { notFound } from '../errors.js';
import type { SearchParams, SearchResult, TenantScope } from '../search/search.js';
import { userNotFound } from './user-key.js';
import { type UserPageJson, userPageJson } from './user-page.dao.js';
import type { SearchRestriction, UsersDao } from './users.dao.js';
import type { User, UserCreate, UserEdit, UserKey, UserValues } from './users.model.js';
import type { UsersNotifier } from './users.notifier.js';
import { defaultCallerId, userValuesOf } from './users.rules.js';
import type { UsersValidator } from './users.validator.js';

export interface UsersServiceDeps {
  uow: UnitOfWork;
  dao: Pick<UsersDao, 'search' | 'find' | 'create' | 'edit' | 'delete'>;
  validator: UsersValidator;
  notifier: UsersNotifier;
}

export function createUsersService({ uow, dao, validator, notifier }: UsersServiceDeps) {
  const getIn = async (tx: Tx, scope: TenantScope, key: UserKey): Promise<User> => {
    const user = await dao.find(tx, scope, key);
    if (!user) throw userNotFound(key);
    return user;
  };

  return {
    /** `restriction` narrows to some users (e.g. found by extension through the lines service). */
    search(
      scope: TenantScope,
      params: SearchParams,
      restriction?: SearchRestriction,
    ): Promise<SearchResult<User>> {
      return uow.read((tx) => dao.search(tx, scope, params, restriction));
    },

    /**
     * A page without filters (a search is fine: see isPlainUserPage) as the JSON of each user, links to
     * `linkBase` included: what `search` answers, written by PostgreSQL (user-page.dao.ts).
     */
    pageJson(scope: TenantScope, params: SearchParams, linkBase: string): Promise<UserPageJson> {
      return uow.read((tx) => userPageJson(tx, scope, params, linkBase));
    },

    get(scope: TenantScope, key: UserKey): Promise<User> {
      return uow.read((tx) => getIn(tx, scope, key));
    },

    /** Creates in `tenantUuid`, which must be among the caller's tenants (else Tenant not found). */
    create(scope: TenantScope, tenantUuid: string, input: UserCreate): Promise<User> {
      return uow.run(async (tx) => {
        const values = userValuesOf(input) as UserValues;
        values.caller_id ??= defaultCallerId(values.firstname, values.lastname);
        await validator.validateCreate(tx, { ...values, tenant_uuid: tenantUuid });
        const user = await dao.create(tx, scope, tenantUuid, values);
        if (!user) throw notFound('Tenant', { uuid: tenantUuid });
        notifier.created(tx, user);
        return user;
      });
    },

    /** Changes the fields given; the others keep their value. */
    edit(scope: TenantScope, key: UserKey, input: UserEdit): Promise<User> {
      return uow.run(async (tx) => {
        const current = await getIn(tx, scope, key);
        const values = userValuesOf(input);
        await validator.validateEdit(tx, current, { ...current, ...values });
        const user = await dao.edit(tx, scope, current.id, values);
        if (!user) throw userNotFound(key);
        notifier.edited(tx, user);
        return user;
      });
    },

    delete(scope: TenantScope, key: UserKey): Promise<User> {
      return uow.run(async (tx) => {
        const user = await getIn(tx, scope, key);
        await validator.validateDelete(tx, user);
        await dao.delete(tx, scope, user.id);
        notifier.deleted(tx, user);
        return user;
      });
    },
  };
}

export type UsersService = ReturnType<typeof createUsersService>;
