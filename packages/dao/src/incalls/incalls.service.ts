/**
 * The incalls' public API: search, get, create, edit, delete, and an incall's extension (PUT/DELETE
 * `/incalls/{id}/extensions/{extension_id}`), each with its events. The destination is checked
 * and its target looked up in the incall's tenant; associating what is already associated, or
 * dissociating what is not, changes nothing and says nothing, as Wazo's.
 */
import type { ContextsDao } from '../contexts/contexts.dao.js';
import type { Tx, UnitOfWork } from '../db/unit-of-work.js';
import { notFound } from '../errors.js';
import type { ExtensionsDao } from '../extensions/extensions.dao.js';
import type { SearchParams, SearchResult, TenantScope } from '../search/search.js';
import type { IncallsDao } from './incalls.dao.js';
import type { Incall, IncallCreate, IncallEdit, IncallRow } from './incalls.model.js';
import type { IncallsNotifier } from './incalls.notifier.js';
import type { IncallsValidator } from './incalls.validator.js';

export interface IncallsServiceDeps {
  uow: UnitOfWork;
  dao: IncallsDao;
  validator: IncallsValidator;
  notifier: IncallsNotifier;
  extensions: Pick<ExtensionsDao, 'find'>;
  contexts: Pick<ContextsDao, 'findByName'>;
}

type Fields = Omit<IncallCreate, 'destination'>;

/** Wazo's defaults: every field null. */
function rowOf(tenantUuid: string, base: Fields, changes: Fields = {}): IncallRow {
  const input = { ...base, ...changes };
  return {
    tenant_uuid: tenantUuid,
    preprocess_subroutine: input.preprocess_subroutine ?? null,
    greeting_sound: input.greeting_sound ?? null,
    caller_id_mode: input.caller_id_mode ?? null,
    caller_id_name: input.caller_id_name ?? null,
    description: input.description ?? null,
  };
}

const missing = (id: number) => notFound('Incall', { id });

export function createIncallsService(deps: IncallsServiceDeps) {
  const { uow, dao, validator, notifier } = deps;

  async function existing(tx: Tx, scope: TenantScope, id: number): Promise<Incall> {
    const incall = await dao.find(tx, scope, id);
    if (!incall) throw missing(id);
    return incall;
  }

  async function both(tx: Tx, scope: TenantScope, incallId: number, extensionId: number) {
    const incall = await existing(tx, scope, incallId);
    const extension = await deps.extensions.find(tx, scope, extensionId);
    if (!extension) throw notFound('Extension', { id: extensionId });
    return { incall, extension };
  }

  return {
    search(scope: TenantScope, params: SearchParams): Promise<SearchResult<Incall>> {
      return uow.read((tx) => dao.search(tx, scope, params));
    },
    get(scope: TenantScope, id: number): Promise<Incall> {
      return uow.read((tx) => existing(tx, scope, id));
    },
    /** Creates in `tenantUuid`, which must be among the caller's tenants (else Tenant not found). */
    create(scope: TenantScope, tenantUuid: string, input: IncallCreate): Promise<Incall> {
      return uow.run(async (tx) => {
        if (!scope.tenantUuids.includes(tenantUuid)) throw notFound('Tenant', { uuid: tenantUuid });
        const destination = await validator.validateDestination(tx, tenantUuid, input.destination);
        const incall = await dao.create(tx, rowOf(tenantUuid, input), destination);
        notifier.created(tx, incall);
        return incall;
      });
    },
    /** Changes the given fields; the others (and the destination, when absent) keep their value. */
    edit(scope: TenantScope, id: number, changes: IncallEdit): Promise<Incall> {
      return uow.run(async (tx) => {
        const incall = await existing(tx, scope, id);
        const destination =
          changes.destination === undefined
            ? undefined
            : await validator.validateDestination(tx, incall.tenant_uuid, changes.destination);
        const edited = await dao.update(tx, id, rowOf(incall.tenant_uuid, incall, changes), destination);
        notifier.edited(tx, edited);
        return edited;
      });
    },
    /** Deletes it with its destination, schedule link and extension link (the extension is freed). */
    delete(scope: TenantScope, id: number): Promise<void> {
      return uow.run(async (tx) => {
        const incall = await existing(tx, scope, id);
        await dao.delete(tx, incall.id);
        notifier.deleted(tx, incall);
      });
    },
    /** The extension becomes the incall's number; already so: nothing happens. */
    associateExtension(scope: TenantScope, incallId: number, extensionId: number): Promise<void> {
      return uow.run(async (tx) => {
        const { incall, extension } = await both(tx, scope, incallId, extensionId);
        if (incall.extensions.some((e) => e.id === extension.id)) return;
        const context = await deps.contexts.findByName(tx, scope, extension.context);
        if (!context) throw notFound('Context', { name: extension.context });
        await validator.validateExtension(tx, incall, extension, context);
        await dao.associateExtension(tx, incall.id, extension.id);
        notifier.extensionAssociated(tx, incall, extension.id);
      });
    },
    /** The extension stops being the incall's number (it is free again); not its: nothing happens. */
    dissociateExtension(scope: TenantScope, incallId: number, extensionId: number): Promise<void> {
      return uow.run(async (tx) => {
        const { incall, extension } = await both(tx, scope, incallId, extensionId);
        if (!incall.extensions.some((e) => e.id === extension.id)) return;
        await dao.dissociateExtension(tx, incall.id, extension.id);
        notifier.extensionDissociated(tx, incall, extension.id);
      });
    },
  };
}

export type IncallsService = ReturnType<typeof createIncallsService>;
