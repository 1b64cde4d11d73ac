/**
 * Groups' rules: tenant-scoped (a group of another subtree does not exist), system-managed groups
 * refuse edits and membership changes, members come from the group's own tenant, and linking a
 * policy passes the escalation guard.
 */
import type { Tx, UnitOfWork } from '@wazo-ts/db';
import type { ListParams } from '../db/listing.js';
import type { AuthDatabase } from '../db/schema.js';
import { type AccessGuard, assertMayAdd, assertMayRemove } from '../policies/access-guard.js';
import type { PoliciesDao, PolicyFilters } from '../policies/policies.dao.js';
import { exposePolicy, type PolicyKey, slugFromName } from '../policies/policies.model.js';
import type { PoliciesService } from '../policies/policies.service.js';
import type { TenantTree } from '../tenant-tree/index.js';
import type { UserFilters, UsersDao } from '../users/users.dao.js';
import { unknownUser } from '../users/users.errors.js';
import type { GroupFilters, GroupsDao } from './groups.dao.js';
import { duplicateGroup, mismatchingTenant, systemGroupForbidden, unknownGroup } from './groups.errors.js';
import {
  exposeGroup,
  type GroupCreateInput,
  type GroupRecord,
  type GroupUpdateInput,
} from './groups.model.js';

type AuthTx = Tx<AuthDatabase>;

export interface GroupsServiceDeps {
  uow: UnitOfWork<AuthDatabase>;
  dao: GroupsDao;
  users: Pick<UsersDao, 'find' | 'search'>;
  policies: Pick<PoliciesService, 'resolve'>;
  policiesDao: Pick<PoliciesDao, 'search'>;
  tenants: TenantTree;
  randomSlug?: () => string;
}

export interface GroupScope {
  tenantUuid: string;
  recurse: boolean;
}

const randomSlugDefault = () => Math.random().toString(36).slice(2, 5).padEnd(3, '0');

export function createGroupsService(deps: GroupsServiceDeps) {
  const { uow, dao, users, policies, tenants } = deps;
  const randomSlug = deps.randomSlug ?? randomSlugDefault;

  /** Single groups are looked up in the whole subtree, as Wazo does. */
  const visibleGroup = async (tx: AuthTx, tenantUuid: string, groupUuid: string) => {
    const tenantUuids = await tenants.subtreeOf(tx.db, tenantUuid);
    const group = await dao.find(tx, tenantUuids, groupUuid);
    if (!group) throw unknownGroup(groupUuid);
    return { group, tenantUuids };
  };

  const editable = (group: GroupRecord): GroupRecord => {
    if (group.system_managed) throw systemGroupForbidden(group.uuid);
    return group;
  };

  const freeSlug = async (tx: AuthTx, tenantUuid: string, name: string) => {
    const fromName = slugFromName(name);
    if (fromName && !(await dao.taken(tx, tenantUuid, 'slug', fromName))) return fromName;
    for (;;) {
      const slug = randomSlug();
      if (!(await dao.taken(tx, tenantUuid, 'slug', slug))) return slug;
    }
  };

  const policyOf = async (tx: AuthTx, tenantUuid: string, key: PolicyKey) =>
    (await policies.resolve(tx, tenantUuid, key)).record;

  return {
    list: (scope: GroupScope, filters: GroupFilters, params: ListParams) =>
      uow.read(async (tx) => {
        const tenantUuids = scope.recurse
          ? await tenants.subtreeOf(tx.db, scope.tenantUuid)
          : [scope.tenantUuid];
        const page = await dao.search(tx, tenantUuids, filters, params);
        return { ...page, items: page.items.map(exposeGroup) };
      }),

    get: (tenantUuid: string, groupUuid: string) =>
      uow.read(async (tx) => exposeGroup((await visibleGroup(tx, tenantUuid, groupUuid)).group)),

    create: (tenantUuid: string, input: GroupCreateInput) =>
      uow.run(async (tx) => {
        if (await dao.taken(tx, tenantUuid, 'name', input.name)) throw duplicateGroup(input.name);
        const slug = input.slug ?? (await freeSlug(tx, tenantUuid, input.name));
        if (await dao.taken(tx, tenantUuid, 'slug', slug)) throw duplicateGroup(input.name);
        const record = { tenant_uuid: tenantUuid, name: input.name, slug, system_managed: false };
        const uuid = await dao.insert(tx, { ...record, uuid: input.uuid });
        return exposeGroup({ ...record, uuid });
      }),

    update: (tenantUuid: string, groupUuid: string, input: GroupUpdateInput) =>
      uow.run(async (tx) => {
        const group = editable((await visibleGroup(tx, tenantUuid, groupUuid)).group);
        if (input.name !== group.name && (await dao.taken(tx, group.tenant_uuid, 'name', input.name)))
          throw duplicateGroup(input.name);
        await dao.rename(tx, group.uuid, input.name);
        return exposeGroup({ ...group, name: input.name });
      }),

    delete: (tenantUuid: string, groupUuid: string) =>
      uow.run(async (tx) => {
        const group = editable((await visibleGroup(tx, tenantUuid, groupUuid)).group);
        await dao.remove(tx, group.uuid);
      }),

    listUsers: (tenantUuid: string, groupUuid: string, filters: UserFilters, params: ListParams) =>
      uow.read(async (tx) => {
        const { group, tenantUuids } = await visibleGroup(tx, tenantUuid, groupUuid);
        return users.search(tx, tenantUuids, { ...filters, group_uuid: group.uuid }, params);
      }),

    addUser: (tenantUuid: string, groupUuid: string, userUuid: string) =>
      uow.run(async (tx) => {
        const { group, tenantUuids } = await visibleGroup(tx, tenantUuid, groupUuid);
        const user = await users.find(tx, tenantUuids, userUuid);
        if (!user) throw unknownUser(userUuid);
        editable(group);
        if (user.tenant_uuid !== group.tenant_uuid)
          throw mismatchingTenant(user.tenant_uuid, group.tenant_uuid);
        await dao.addUser(tx, group.uuid, user.uuid);
      }),

    removeUser: (tenantUuid: string, groupUuid: string, userUuid: string) =>
      uow.run(async (tx) => {
        const { group, tenantUuids } = await visibleGroup(tx, tenantUuid, groupUuid);
        editable(group);
        const user = await users.find(tx, tenantUuids, userUuid);
        if (!user) throw unknownUser(userUuid);
        await dao.removeUser(tx, group.uuid, user.uuid);
      }),

    listPolicies: (tenantUuid: string, groupUuid: string, filters: PolicyFilters, params: ListParams) =>
      uow.read(async (tx) => {
        const { group, tenantUuids } = await visibleGroup(tx, tenantUuid, groupUuid);
        const viewer = { tenantUuid, tenantUuids };
        const page = await deps.policiesDao.search(tx, viewer, filters, params, { group_uuid: group.uuid });
        return { ...page, items: page.items.map((record) => exposePolicy(record, viewer)) };
      }),

    addPolicy: (tenantUuid: string, groupUuid: string, key: PolicyKey, guard: AccessGuard) =>
      uow.run(async (tx) => {
        const { group } = await visibleGroup(tx, tenantUuid, groupUuid);
        const policy = await policyOf(tx, tenantUuid, key);
        assertMayAdd(guard, policy.acl);
        await dao.addPolicy(tx, group.uuid, policy.uuid);
      }),

    removePolicy: (tenantUuid: string, groupUuid: string, key: PolicyKey, guard: AccessGuard) =>
      uow.run(async (tx) => {
        const { group } = await visibleGroup(tx, tenantUuid, groupUuid);
        const policy = await policyOf(tx, tenantUuid, key);
        assertMayRemove(guard, policy.acl);
        await dao.removePolicy(tx, group.uuid, policy.uuid);
      }),
  };
}

export type GroupsService = ReturnType<typeof createGroupsService>;
