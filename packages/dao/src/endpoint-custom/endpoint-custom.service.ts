/**
 * The custom endpoints' public API: search, get, create, edit, delete, with their events. A PUT
 * changes only the fields it gives; deleting an endpoint leaves its line without one. The `*In`
 * forms join a caller's transaction (a line made, or deleted, with its endpoint).
 */
import type { Tx, UnitOfWork } from '../db/unit-of-work.js';
import { notFound } from '../errors.js';
import type { SearchParams, SearchResult, TenantScope } from '../search/search.js';
import type { EndpointCustomDao } from './endpoint-custom.dao.js';
import type {
  EndpointCustom,
  EndpointCustomCreate,
  EndpointCustomEdit,
  EndpointCustomRecord,
} from './endpoint-custom.model.js';
import type { EndpointCustomNotifier } from './endpoint-custom.notifier.js';
import type { EndpointCustomValidator } from './endpoint-custom.validator.js';

export interface EndpointCustomServiceDeps {
  uow: UnitOfWork;
  dao: EndpointCustomDao;
  validator: EndpointCustomValidator;
  notifier: EndpointCustomNotifier;
}

/** Wazo's defaults: enabled, no suffix. */
function recordOf(input: EndpointCustomEdit, current?: EndpointCustom): EndpointCustomRecord {
  return {
    interface: input.interface ?? current?.interface ?? '',
    interface_suffix:
      input.interface_suffix === undefined ? (current?.interface_suffix ?? null) : input.interface_suffix,
    enabled: input.enabled ?? current?.enabled ?? true,
  };
}

const missing = (id: number) => notFound('CustomEndpoint', { id });

export function createEndpointCustomService({ uow, dao, validator, notifier }: EndpointCustomServiceDeps) {
  async function existing(tx: Tx, scope: TenantScope, id: number): Promise<EndpointCustom> {
    const custom = await dao.find(tx, scope, id);
    if (!custom) throw missing(id);
    return custom;
  }

  async function createIn(tx: Tx, tenantUuid: string, input: EndpointCustomCreate): Promise<EndpointCustom> {
    await validator.validateInterface(tx, input.interface);
    const id = await dao.create(tx, tenantUuid, recordOf(input));
    const custom = await existing(tx, { tenantUuids: [tenantUuid] }, id);
    notifier.created(tx, custom);
    return custom;
  }

  async function deleteIn(tx: Tx, scope: TenantScope, id: number): Promise<void> {
    const custom = await existing(tx, scope, id);
    if (!(await dao.delete(tx, scope, id))) throw missing(id);
    notifier.deleted(tx, custom);
  }

  return {
    search: (scope: TenantScope, params: SearchParams): Promise<SearchResult<EndpointCustom>> =>
      uow.read((tx) => dao.search(tx, scope, params)),

    get: (scope: TenantScope, id: number): Promise<EndpointCustom> =>
      uow.read((tx) => existing(tx, scope, id)),

    /** The endpoint in a caller's transaction, or null (no event, no error). */
    findIn: (tx: Tx, scope: TenantScope, id: number): Promise<EndpointCustom | null> =>
      dao.find(tx, scope, id),

    /** Creates in `tenantUuid`, which must be among the caller's tenants (else Tenant not found). */
    create: (scope: TenantScope, tenantUuid: string, input: EndpointCustomCreate): Promise<EndpointCustom> =>
      uow.run(async (tx) => {
        if (!scope.tenantUuids.includes(tenantUuid)) throw notFound('Tenant', { uuid: tenantUuid });
        return createIn(tx, tenantUuid, input);
      }),

    createIn,

    edit: (scope: TenantScope, id: number, input: EndpointCustomEdit): Promise<void> =>
      uow.run(async (tx) => {
        const current = await existing(tx, scope, id);
        await validator.validateInterface(tx, input.interface, id);
        if (!(await dao.update(tx, scope, id, recordOf(input, current)))) throw missing(id);
        notifier.edited(tx, await existing(tx, scope, id));
      }),

    delete: (scope: TenantScope, id: number): Promise<void> => uow.run((tx) => deleteIn(tx, scope, id)),

    deleteIn,
  };
}

export type EndpointCustomService = ReturnType<typeof createEndpointCustomService>;
