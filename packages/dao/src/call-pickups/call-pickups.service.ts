/**
 * The call pickups' public API: search, get, create, edit, delete, and replacing a pickup's
 * interceptors or targets (users, groups), each with its events. Members are looked up among the
 * caller's tenants (users by uuid, groups by id) and must be of the pickup's tenant.
 */
import { isUuid } from '@wazo-ts/db';
import type { Tx, UnitOfWork } from '../db/unit-of-work.js';
import { notFound, referenceNotFound } from '../errors.js';
import type { FindUser, UserRef } from '../group-members/user-ref.js';
import type { SearchParams, SearchResult, TenantScope } from '../search/search.js';
import type { CallPickupsDao } from './call-pickups.dao.js';
import type {
  CallPickup,
  CallPickupCreate,
  CallPickupEdit,
  CallPickupGroups,
  CallPickupRole,
  CallPickupRow,
  CallPickupUsers,
} from './call-pickups.model.js';
import type { CallPickupsNotifier } from './call-pickups.notifier.js';
import type { CallPickupsValidator } from './call-pickups.validator.js';

/** A group as this area needs it: the groups resource owns that table, so its lookup is injected. */
export interface GroupRef {
  id: number;
  tenant_uuid: string;
}
export type FindGroup = (tx: Tx, scope: TenantScope, id: number) => Promise<GroupRef | null>;

export interface CallPickupsServiceDeps {
  uow: UnitOfWork;
  dao: CallPickupsDao;
  validator: CallPickupsValidator;
  notifier: CallPickupsNotifier;
  findUser: FindUser;
  findGroup: FindGroup;
}

/** Wazo's defaults: enabled, no description. */
function rowOf(tenantUuid: string, base: CallPickupCreate, changes: CallPickupEdit = {}): CallPickupRow {
  const input = { ...base, ...changes };
  return {
    tenant_uuid: tenantUuid,
    name: input.name,
    description: input.description ?? null,
    enabled: input.enabled ?? true,
  };
}

const missing = (id: number) => notFound('CallPickup', { id });

export function createCallPickupsService({
  uow,
  dao,
  validator,
  notifier,
  findUser,
  findGroup,
}: CallPickupsServiceDeps) {
  async function existing(tx: Tx, scope: TenantScope, id: number): Promise<CallPickup> {
    const pickup = await dao.find(tx, scope, id);
    if (!pickup) throw missing(id);
    return pickup;
  }

  function associateUsers(
    scope: TenantScope,
    id: number,
    role: CallPickupRole,
    members: CallPickupUsers['users'],
  ): Promise<void> {
    return uow.run(async (tx) => {
      const pickup = await existing(tx, scope, id);
      const users: UserRef[] = [];
      for (const { uuid } of members) {
        const user = isUuid(uuid) ? await findUser(tx, scope, uuid) : null;
        if (!user) throw referenceNotFound('users', 'User', { uuid });
        users.push(user);
      }
      validator.validateUsers(pickup, users);
      await dao.replaceUsers(
        tx,
        pickup.id,
        role,
        users.map((user) => user.id),
      );
      notifier.usersAssociated(
        tx,
        pickup,
        role,
        users.map((user) => user.uuid),
      );
    });
  }

  function associateGroups(
    scope: TenantScope,
    id: number,
    role: CallPickupRole,
    members: CallPickupGroups['groups'],
  ): Promise<void> {
    return uow.run(async (tx) => {
      const pickup = await existing(tx, scope, id);
      const groups: GroupRef[] = [];
      for (const { id: groupId } of members) {
        const group = await findGroup(tx, scope, groupId);
        if (!group) throw referenceNotFound('groups', 'Group', { id: groupId });
        groups.push(group);
      }
      validator.validateGroups(pickup, groups);
      const ids = groups.map((group) => group.id);
      await dao.replaceGroups(tx, pickup.id, role, ids);
      notifier.groupsAssociated(tx, pickup, role, ids);
    });
  }

  return {
    search(scope: TenantScope, params: SearchParams): Promise<SearchResult<CallPickup>> {
      return uow.read((tx) => dao.search(tx, scope, params));
    },

    get(scope: TenantScope, id: number): Promise<CallPickup> {
      return uow.read((tx) => existing(tx, scope, id));
    },

    /** Creates in `tenantUuid`, which must be among the caller's tenants (else Tenant not found). */
    create(scope: TenantScope, tenantUuid: string, input: CallPickupCreate): Promise<CallPickup> {
      return uow.run(async (tx) => {
        if (!scope.tenantUuids.includes(tenantUuid)) throw notFound('Tenant', { uuid: tenantUuid });
        await validator.validateName(tx, tenantUuid, input.name);
        const pickup = await dao.create(tx, rowOf(tenantUuid, input));
        notifier.created(tx, pickup);
        return pickup;
      });
    },

    /** Changes the given fields; the others keep their value. */
    edit(scope: TenantScope, id: number, changes: CallPickupEdit): Promise<void> {
      return uow.run(async (tx) => {
        const pickup = await existing(tx, scope, id);
        await validator.validateName(tx, pickup.tenant_uuid, changes.name, id);
        await dao.update(tx, id, rowOf(pickup.tenant_uuid, pickup, changes));
        notifier.edited(tx, pickup);
      });
    },

    /** Deletes it with its members. */
    delete(scope: TenantScope, id: number): Promise<void> {
      return uow.run(async (tx) => {
        const pickup = await existing(tx, scope, id);
        await dao.delete(tx, id);
        notifier.deleted(tx, pickup);
      });
    },

    /** The pickup's interceptor users become exactly `users`. */
    associateInterceptorUsers: (scope: TenantScope, id: number, users: CallPickupUsers['users']) =>
      associateUsers(scope, id, 'interceptor', users),
    /** The pickup's target users become exactly `users`. */
    associateTargetUsers: (scope: TenantScope, id: number, users: CallPickupUsers['users']) =>
      associateUsers(scope, id, 'target', users),
    /** The pickup's interceptor groups become exactly `groups`. */
    associateInterceptorGroups: (scope: TenantScope, id: number, groups: CallPickupGroups['groups']) =>
      associateGroups(scope, id, 'interceptor', groups),
    /** The pickup's target groups become exactly `groups`. */
    associateTargetGroups: (scope: TenantScope, id: number, groups: CallPickupGroups['groups']) =>
      associateGroups(scope, id, 'target', groups),
  };
}

export type CallPickupsService = ReturnType<typeof createCallPickupsService>;
