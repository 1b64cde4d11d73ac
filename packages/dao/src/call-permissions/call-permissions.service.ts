/** The call permissions' public API: search, get, create, edit, delete, with their events. */
import type { Tx, UnitOfWork } from '../db/unit-of-work.js';
import { notFound } from '../errors.js';
import type { SearchParams, SearchResult, TenantScope } from '../search/search.js';
import type { CallPermissionsDao } from './call-permissions.dao.js';
import type {
  CallPermission,
  CallPermissionCreate,
  CallPermissionEdit,
  CallPermissionRow,
} from './call-permissions.model.js';
import type { CallPermissionsNotifier } from './call-permissions.notifier.js';
import type { CallPermissionsValidator } from './call-permissions.validator.js';

export interface CallPermissionsServiceDeps {
  uow: UnitOfWork;
  dao: CallPermissionsDao;
  validator: CallPermissionsValidator;
  notifier: CallPermissionsNotifier;
}

/** Wazo's defaults: deny, enabled, no password, no extension; each extension kept once. */
function rowOf(
  tenantUuid: string,
  base: CallPermissionCreate,
  changes: CallPermissionEdit = {},
): CallPermissionRow {
  const input = { ...base, ...changes };
  return {
    tenant_uuid: tenantUuid,
    name: input.name,
    password: input.password ?? null,
    mode: input.mode ?? 'deny',
    extensions: [...new Set(input.extensions ?? [])],
    enabled: input.enabled ?? true,
    description: input.description ?? null,
  };
}

const missing = (id: number) => notFound('CallPermission', { id });

export function createCallPermissionsService({ uow, dao, validator, notifier }: CallPermissionsServiceDeps) {
  async function existing(tx: Tx, scope: TenantScope, id: number): Promise<CallPermission> {
    const permission = await dao.find(tx, scope, id);
    if (!permission) throw missing(id);
    return permission;
  }

  return {
    search(scope: TenantScope, params: SearchParams): Promise<SearchResult<CallPermission>> {
      return uow.read((tx) => dao.search(tx, scope, params));
    },

    get(scope: TenantScope, id: number): Promise<CallPermission> {
      return uow.read((tx) => existing(tx, scope, id));
    },

    /** Creates in `tenantUuid`, which must be among the caller's tenants (else Tenant not found). */
    create(scope: TenantScope, tenantUuid: string, input: CallPermissionCreate): Promise<CallPermission> {
      return uow.run(async (tx) => {
        if (!scope.tenantUuids.includes(tenantUuid)) throw notFound('Tenant', { uuid: tenantUuid });
        await validator.validateName(tx, tenantUuid, input.name);
        const permission = await dao.create(tx, scope, rowOf(tenantUuid, input));
        if (!permission) throw notFound('Tenant', { uuid: tenantUuid });
        notifier.created(tx, permission);
        return permission;
      });
    },

    /** Changes the given fields; the others keep their value. */
    edit(scope: TenantScope, id: number, changes: CallPermissionEdit): Promise<CallPermission> {
      return uow.run(async (tx) => {
        const permission = await existing(tx, scope, id);
        await validator.validateName(tx, permission.tenant_uuid, changes.name, id);
        const edited = await dao.update(tx, scope, id, rowOf(permission.tenant_uuid, permission, changes));
        if (!edited) throw missing(id);
        notifier.edited(tx, edited);
        return edited;
      });
    },

    /** Deletes it; the users and groups it applied to lose it. */
    delete(scope: TenantScope, id: number): Promise<void> {
      return uow.run(async (tx) => {
        const permission = await existing(tx, scope, id);
        await dao.delete(tx, scope, id);
        notifier.deleted(tx, permission);
      });
    },
  };
}

export type CallPermissionsService = ReturnType<typeof createCallPermissionsService>;
