/**
 * The pagings service: list, read, create, edit (what is given changes), delete (with its users'
 * rows and the function keys to it), and the replacement of its members or callers.
 */
import { isUuid } from '@wazo-ts/db';
import type { Tx, UnitOfWork } from '../db/unit-of-work.js';
import { notFound, referenceNotFound } from '../errors.js';
import type { FindUser, UserRef } from '../group-members/user-ref.js';
import type { SearchParams, SearchResult, TenantScope } from '../search/search.js';
import type { PagingsDao } from './pagings.dao.js';
import type {
  Paging,
  PagingCreate,
  PagingEdit,
  PagingRole,
  PagingRow,
  PagingUsers,
} from './pagings.model.js';
import type { PagingsNotifier } from './pagings.notifier.js';
import type { PagingsValidator } from './pagings.validator.js';

export interface PagingsServiceDeps {
  uow: UnitOfWork;
  dao: PagingsDao;
  validator: PagingsValidator;
  notifier: PagingsNotifier;
  findUser: FindUser;
}

/** Wazo's defaults: announce the caller, notify it, enabled; no duplex, recording or forward skip. */
const DEFAULTS = {
  name: null,
  announce_caller: true,
  announce_sound: null,
  caller_notification: true,
  duplex: false,
  ignore_forward: false,
  record: false,
  enabled: true,
} as const;

function rowOf(tenantUuid: string, base: Omit<PagingRow, 'tenant_uuid'>, changes: PagingEdit): PagingRow {
  const row: PagingRow = { tenant_uuid: tenantUuid, ...base };
  for (const [key, value] of Object.entries(changes)) {
    if (value !== undefined && key in row) (row as Record<string, unknown>)[key] = value;
  }
  return row;
}

const missing = (id: number) => notFound('Paging', { id });

export function createPagingsService({ uow, dao, validator, notifier, findUser }: PagingsServiceDeps) {
  async function existing(tx: Tx, scope: TenantScope, id: number): Promise<Paging> {
    const paging = await dao.find(tx, scope, id);
    if (!paging) throw missing(id);
    return paging;
  }

  async function usersOf(tx: Tx, scope: TenantScope, uuids: string[]): Promise<UserRef[]> {
    const users: UserRef[] = [];
    for (const uuid of uuids) {
      const user = isUuid(uuid) ? await findUser(tx, scope, uuid) : null;
      if (!user) throw referenceNotFound('users', 'User', { uuid });
      users.push(user);
    }
    return users;
  }

  function replaceUsers(scope: TenantScope, id: number, role: PagingRole, body: PagingUsers['users']) {
    return uow.run(async (tx) => {
      const paging = await existing(tx, scope, id);
      const users = await usersOf(
        tx,
        scope,
        body.map((user) => user.uuid),
      );
      validator.validateUsers(paging, users);
      await dao.replaceUsers(
        tx,
        paging.id,
        role,
        users.map((user) => user.id),
      );
      notifier.usersAssociated(
        tx,
        paging,
        role,
        users.map((user) => user.uuid),
      );
    });
  }

  return {
    search(scope: TenantScope, params: SearchParams): Promise<SearchResult<Paging>> {
      return uow.read((tx) => dao.search(tx, scope, params));
    },

    get(scope: TenantScope, id: number): Promise<Paging> {
      return uow.read((tx) => existing(tx, scope, id));
    },

    create(scope: TenantScope, tenantUuid: string, input: PagingCreate): Promise<Paging> {
      return uow.run(async (tx) => {
        await validator.validateNumber(tx, input.number);
        const paging = await dao.create(
          tx,
          scope,
          rowOf(tenantUuid, { ...DEFAULTS, number: input.number }, input),
        );
        if (!paging) throw notFound('Tenant', { uuid: tenantUuid });
        notifier.created(tx, paging);
        return paging;
      });
    },

    edit(scope: TenantScope, id: number, changes: PagingEdit): Promise<Paging> {
      return uow.run(async (tx) => {
        const paging = await existing(tx, scope, id);
        await validator.validateNumber(tx, changes.number, id);
        const { id: _id, members: _m, callers: _c, tenant_uuid, ...fields } = paging;
        const edited = await dao.update(tx, scope, id, rowOf(tenant_uuid, fields, changes));
        if (!edited) throw missing(id);
        notifier.edited(tx, edited);
        return edited;
      });
    },

    delete(scope: TenantScope, id: number): Promise<void> {
      return uow.run(async (tx) => {
        const paging = await existing(tx, scope, id);
        await dao.delete(tx, scope, id);
        notifier.deleted(tx, paging);
      });
    },

    /** The paging's callers become exactly `users`, in this order. */
    associateCallers: (scope: TenantScope, id: number, users: PagingUsers['users']) =>
      replaceUsers(scope, id, 'caller', users),

    /** The paging's members become exactly `users`, in this order. */
    associateMembers: (scope: TenantScope, id: number, users: PagingUsers['users']) =>
      replaceUsers(scope, id, 'member', users),
  };
}

export type PagingsService = ReturnType<typeof createPagingsService>;
