/**
 * The call filters' public API: search, get, create, edit, delete, and replacing a filter's
 * recipients or surrogates, each with its events. Members are users of the filter's tenant,
 * looked up by uuid among the caller's tenants.
 */
import { isUuid } from '@wazo-ts/db';
import type { Tx, UnitOfWork } from '../db/unit-of-work.js';
import { notFound, referenceNotFound } from '../errors.js';
import type { FindUser, UserRef } from '../group-members/user-ref.js';
import type { SearchParams, SearchResult, TenantScope } from '../search/search.js';
import type { CallFiltersDao } from './call-filters.dao.js';
import type {
  CallFilter,
  CallFilterCreate,
  CallFilterEdit,
  CallFilterRecipientUsers,
  CallFilterRole,
  CallFilterRow,
  CallFilterSurrogateUsers,
} from './call-filters.model.js';
import type { CallFiltersNotifier } from './call-filters.notifier.js';
import type { CallFiltersValidator } from './call-filters.validator.js';

export interface CallFiltersServiceDeps {
  uow: UnitOfWork;
  dao: CallFiltersDao;
  validator: CallFiltersValidator;
  notifier: CallFiltersNotifier;
  findUser: FindUser;
}

/** Wazo reads a stored timeout of 0 as null (no limit): both are stored as null. */
const timeoutOf = (value: number | null | undefined) => (value ? value : null);

/** Wazo's defaults: enabled, no timeout, no caller id, no description. */
function rowOf(tenantUuid: string, base: CallFilterCreate, changes: CallFilterEdit = {}): CallFilterRow {
  const input = { ...base, ...changes };
  return {
    tenant_uuid: tenantUuid,
    name: input.name,
    strategy: input.strategy,
    source: input.source,
    surrogates_timeout: timeoutOf(input.surrogates_timeout),
    caller_id_mode: input.caller_id_mode ?? null,
    caller_id_name: input.caller_id_name ?? null,
    description: input.description ?? null,
    enabled: input.enabled ?? true,
  };
}

const missing = (id: number) => notFound('CallFilter', { id });

export function createCallFiltersService({
  uow,
  dao,
  validator,
  notifier,
  findUser,
}: CallFiltersServiceDeps) {
  async function existing(tx: Tx, scope: TenantScope, id: number): Promise<CallFilter> {
    const filter = await dao.find(tx, scope, id);
    if (!filter) throw missing(id);
    return filter;
  }

  /** Each user named by uuid among the caller's tenants, in order. */
  async function usersOf(tx: Tx, scope: TenantScope, uuids: string[]): Promise<UserRef[]> {
    const users: UserRef[] = [];
    for (const uuid of uuids) {
      const user = isUuid(uuid) ? await findUser(tx, scope, uuid) : null;
      if (!user) throw referenceNotFound('users', 'User', { uuid });
      users.push(user);
    }
    return users;
  }

  async function replaceMembers(
    scope: TenantScope,
    id: number,
    role: CallFilterRole,
    members: { uuid: string; timeout?: number | null }[],
  ): Promise<void> {
    return uow.run(async (tx) => {
      const filter = await existing(tx, scope, id);
      const users = await usersOf(
        tx,
        scope,
        members.map((member) => member.uuid),
      );
      if (role === 'recipient') await validator.validateRecipients(tx, filter, users);
      else await validator.validateSurrogates(tx, filter, users);
      const rows = users.map((user, i) => ({ user_id: user.id, timeout: timeoutOf(members[i]?.timeout) }));
      await dao.replaceMembers(tx, filter.id, role, rows);
      notifier.usersAssociated(
        tx,
        filter,
        role,
        users.map((user) => user.uuid),
      );
    });
  }

  return {
    search(scope: TenantScope, params: SearchParams): Promise<SearchResult<CallFilter>> {
      return uow.read((tx) => dao.search(tx, scope, params));
    },

    get(scope: TenantScope, id: number): Promise<CallFilter> {
      return uow.read((tx) => existing(tx, scope, id));
    },

    /** Creates in `tenantUuid`, which must be among the caller's tenants (else Tenant not found). */
    create(scope: TenantScope, tenantUuid: string, input: CallFilterCreate): Promise<CallFilter> {
      return uow.run(async (tx) => {
        if (!scope.tenantUuids.includes(tenantUuid)) throw notFound('Tenant', { uuid: tenantUuid });
        await validator.validateName(tx, tenantUuid, input.name);
        const filter = await dao.create(tx, scope, rowOf(tenantUuid, input));
        if (!filter) throw notFound('Tenant', { uuid: tenantUuid });
        notifier.created(tx, filter);
        return filter;
      });
    },

    /** Changes the given fields; the others keep their value. */
    edit(scope: TenantScope, id: number, changes: CallFilterEdit): Promise<CallFilter> {
      return uow.run(async (tx) => {
        const filter = await existing(tx, scope, id);
        await validator.validateName(tx, filter.tenant_uuid, changes.name, id);
        const edited = await dao.update(tx, scope, id, rowOf(filter.tenant_uuid, filter, changes));
        if (!edited) throw missing(id);
        notifier.edited(tx, edited);
        return edited;
      });
    },

    /** Deletes it with its members, their function keys and its fallback. */
    delete(scope: TenantScope, id: number): Promise<void> {
      return uow.run(async (tx) => {
        const filter = await existing(tx, scope, id);
        await dao.delete(tx, scope, id);
        notifier.deleted(tx, filter);
      });
    },

    /** The filter's recipients become exactly `users` (at most one). */
    associateRecipients(
      scope: TenantScope,
      id: number,
      users: CallFilterRecipientUsers['users'],
    ): Promise<void> {
      return replaceMembers(scope, id, 'recipient', users);
    },

    /** The filter's surrogates become exactly `users`, in this order. */
    associateSurrogates(
      scope: TenantScope,
      id: number,
      users: CallFilterSurrogateUsers['users'],
    ): Promise<void> {
      return replaceMembers(scope, id, 'surrogate', users);
    },
  };
}

export type CallFiltersService = ReturnType<typeof createCallFiltersService>;
