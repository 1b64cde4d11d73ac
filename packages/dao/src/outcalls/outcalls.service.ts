/**
 * The outcalls' public API: search, get, create, edit, delete, the outcall's trunks (replaced
 * as a whole, in order) and its extensions (one at a time, with how each rewrites the number),
 * each with its events. Trunks and extensions are looked up among the caller's tenants.
 */
import type { Tx, UnitOfWork } from '../db/unit-of-work.js';
import { notFound, referenceNotFound } from '../errors.js';
import type { Extension } from '../extensions/extensions.model.js';
import type { SearchParams, SearchResult, TenantScope } from '../search/search.js';
import type { Trunk } from '../trunks/trunks.model.js';
import type { OutcallsDao } from './outcalls.dao.js';
import type {
  Outcall,
  OutcallCreate,
  OutcallEdit,
  OutcallExtensionBody,
  OutcallExtensionRecord,
  OutcallRow,
  OutcallTrunks,
} from './outcalls.model.js';
import type { OutcallsNotifier } from './outcalls.notifier.js';
import type { OutcallsValidator } from './outcalls.validator.js';

export interface OutcallsServiceDeps {
  uow: UnitOfWork;
  dao: OutcallsDao;
  validator: OutcallsValidator;
  notifier: OutcallsNotifier;
  findTrunk(tx: Tx, scope: TenantScope, id: number): Promise<Trunk | null>;
  findExtension(tx: Tx, scope: TenantScope, id: number): Promise<Extension | null>;
}

/** Wazo stores no ring time as 0 and shows 0 as null. */
const ringTimeOf = (value: number | null | undefined) => (value ? value : null);

/** Wazo's defaults: external caller id, no subroutine, no ring time, no description, enabled. */
function rowOf(tenantUuid: string, base: OutcallCreate, changes: OutcallEdit = {}): OutcallRow {
  const input = { ...base, ...changes };
  return {
    tenant_uuid: tenantUuid,
    name: input.name,
    internal_caller_id: input.internal_caller_id ?? false,
    preprocess_subroutine: input.preprocess_subroutine ?? null,
    ring_time: ringTimeOf(input.ring_time),
    description: input.description ?? null,
    enabled: input.enabled ?? true,
  };
}

const missing = (id: number) => notFound('Outcall', { id });

export function createOutcallsService(deps: OutcallsServiceDeps) {
  const { uow, dao, validator, notifier } = deps;

  async function existing(tx: Tx, scope: TenantScope, id: number): Promise<Outcall> {
    const outcall = await dao.find(tx, scope, id);
    if (!outcall) throw missing(id);
    return outcall;
  }

  async function both(tx: Tx, scope: TenantScope, id: number, extensionId: number) {
    const outcall = await existing(tx, scope, id);
    const extension = await deps.findExtension(tx, scope, extensionId);
    if (!extension) throw notFound('Extension', { id: extensionId });
    return [outcall, extension] as const;
  }

  return {
    search: (scope: TenantScope, params: SearchParams): Promise<SearchResult<Outcall>> =>
      uow.read((tx) => dao.search(tx, scope, params)),

    get: (scope: TenantScope, id: number): Promise<Outcall> => uow.read((tx) => existing(tx, scope, id)),

    /** The outcall in a caller's transaction, or null. */
    findIn: (tx: Tx, scope: TenantScope, id: number): Promise<Outcall | null> => dao.find(tx, scope, id),

    /** Creates in `tenantUuid`, which must be among the caller's tenants (else Tenant not found). */
    create: (scope: TenantScope, tenantUuid: string, input: OutcallCreate): Promise<Outcall> =>
      uow.run(async (tx) => {
        if (!scope.tenantUuids.includes(tenantUuid)) throw notFound('Tenant', { uuid: tenantUuid });
        await validator.validateName(tx, input.name);
        const id = await dao.create(tx, rowOf(tenantUuid, input));
        const outcall = await existing(tx, scope, id);
        notifier.created(tx, outcall);
        return outcall;
      }),

    /** Changes the given fields; the others keep their value. */
    edit: (scope: TenantScope, id: number, changes: OutcallEdit): Promise<void> =>
      uow.run(async (tx) => {
        const outcall = await existing(tx, scope, id);
        await validator.validateName(tx, changes.name, id);
        if (!(await dao.update(tx, scope, id, rowOf(outcall.tenant_uuid, outcall, changes))))
          throw missing(id);
        notifier.edited(tx, outcall);
      }),

    /** Deletes it; its extensions are free again and the destinations to it go. */
    delete: (scope: TenantScope, id: number): Promise<void> =>
      uow.run(async (tx) => {
        const outcall = await existing(tx, scope, id);
        if (!(await dao.delete(tx, scope, id))) throw missing(id);
        notifier.deleted(tx, outcall);
      }),

    /** The outcall's trunks become `trunks`, in this order. */
    associateTrunks: (scope: TenantScope, id: number, trunks: OutcallTrunks['trunks']): Promise<void> =>
      uow.run(async (tx) => {
        const outcall = await existing(tx, scope, id);
        const found: Trunk[] = [];
        for (const { id: trunkId } of trunks) {
          const trunk = await deps.findTrunk(tx, scope, trunkId);
          if (!trunk) throw referenceNotFound('trunks', 'Trunk', { id: trunkId });
          found.push(trunk);
        }
        validator.validateTrunks(outcall, found);
        const ids = found.map((trunk) => trunk.id);
        await dao.replaceTrunks(tx, outcall.id, ids);
        notifier.trunksAssociated(tx, outcall, ids);
      }),

    /**
     * The extension selects the outcall, rewritten as `body` says. An extension the outcall
     * already has only takes the fields given (an absent strip_digits becomes 0, as Wazo's
     * setter does), without event.
     */
    associateExtension: (
      scope: TenantScope,
      id: number,
      extensionId: number,
      body: OutcallExtensionBody,
    ): Promise<void> =>
      uow.run(async (tx) => {
        const [outcall, extension] = await both(tx, scope, id, extensionId);
        if (outcall.extensions.some((e) => e.id === extension.id)) {
          const current = (await dao.extensionRecord(tx, extension.id)) as OutcallExtensionRecord;
          await dao.updateExtension(tx, extension.id, {
            caller_id: body.caller_id === undefined ? current.caller_id : body.caller_id,
            external_prefix:
              body.external_prefix === undefined ? current.external_prefix : body.external_prefix,
            prefix: body.prefix === undefined ? current.prefix : body.prefix,
            strip_digits: body.strip_digits ?? current.strip_digits ?? 0,
          });
          return;
        }
        await validator.validateExtension(tx, outcall, extension);
        await dao.addExtension(tx, outcall.id, extension.id, {
          caller_id: body.caller_id ?? null,
          external_prefix: body.external_prefix ?? null,
          prefix: body.prefix ?? null,
          strip_digits: body.strip_digits ?? null,
        });
        notifier.extensionAssociated(tx, outcall, extension.id);
      }),

    /** The extension no longer selects the outcall; nothing happens if it did not. */
    dissociateExtension: (scope: TenantScope, id: number, extensionId: number): Promise<void> =>
      uow.run(async (tx) => {
        const [outcall, extension] = await both(tx, scope, id, extensionId);
        if (!outcall.extensions.some((e) => e.id === extension.id)) return;
        await dao.removeExtension(tx, outcall.id, extension.id);
        notifier.extensionDissociated(tx, outcall, extension.id);
      }),
  };
}

export type OutcallsService = ReturnType<typeof createOutcallsService>;
