/** The groups' public API: search, get, create, edit, delete, with their events. */
import type { UnitOfWork } from '../db/unit-of-work.js';
import { notFound } from '../errors.js';
import type { SearchParams, SearchResult, TenantScope } from '../search/search.js';
import type { GroupKey, GroupsDao } from './groups.dao.js';
import {
  type Group,
  type GroupCreate,
  type GroupCreateBody,
  type GroupEdit,
  groupInputOf,
} from './groups.model.js';
import type { GroupsNotifier } from './groups.notifier.js';
import type { GroupsValidator } from './groups.validator.js';

export interface GroupsServiceDeps {
  uow: UnitOfWork;
  dao: GroupsDao;
  validator: GroupsValidator;
  notifier: GroupsNotifier;
  /** New group uuids; random by default. */
  newUuid?: () => string;
}

/** Wazo's 404 wording: `('id': 42)` or `('uuid': '...')`, after the key given. */
const missing = (key: GroupKey) => notFound('Group', typeof key === 'number' ? { id: key } : { uuid: key });

export function createGroupsService({
  uow,
  dao,
  validator,
  notifier,
  newUuid = () => globalThis.crypto.randomUUID(),
}: GroupsServiceDeps) {
  return {
    search(scope: TenantScope, params: SearchParams): Promise<SearchResult<Group>> {
      return uow.read((tx) => dao.search(tx, scope, params));
    },

    get(scope: TenantScope, key: GroupKey): Promise<Group> {
      return uow.read(async (tx) => {
        const group = await dao.find(tx, scope, key);
        if (!group) throw missing(key);
        return group;
      });
    },

    /** Creates in `tenantUuid`, which must be among the caller's tenants (else Tenant not found). */
    create(scope: TenantScope, tenantUuid: string, body: GroupCreate | GroupCreateBody): Promise<Group> {
      // The schema requires a label or a name, and groupInputOf makes the name the label.
      const input = groupInputOf(body) as GroupCreate;
      return uow.run(async (tx) => {
        const slug = await validator.validateCreate(tx, scope, tenantUuid, input);
        const uuid = newUuid();
        const name = `grp-${slug}-${uuid}`;
        const group = await dao.create(tx, scope, { ...input, uuid, tenant_uuid: tenantUuid, name });
        if (!group) throw notFound('Tenant', { uuid: tenantUuid });
        notifier.created(tx, group);
        return group;
      });
    },

    edit(scope: TenantScope, key: GroupKey, body: GroupEdit): Promise<Group> {
      const changes = groupInputOf(body);
      return uow.run(async (tx) => {
        const group = await dao.find(tx, scope, key);
        if (!group) throw missing(key);
        await validator.validateEdit(tx, group.tenant_uuid, changes);
        const edited = await dao.edit(tx, scope, group.id, changes);
        if (!edited) throw missing(key);
        notifier.edited(tx, edited);
        return edited;
      });
    },

    delete(scope: TenantScope, key: GroupKey): Promise<void> {
      return uow.run(async (tx) => {
        const group = await dao.find(tx, scope, key);
        if (!group) throw missing(key);
        await dao.delete(tx, scope, group.id);
        notifier.deleted(tx, group);
      });
    },
  };
}

export type GroupsService = ReturnType<typeof createGroupsService>;
