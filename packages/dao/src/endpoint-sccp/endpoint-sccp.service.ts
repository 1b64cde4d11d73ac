/**
 * The SCCP endpoints' public API: search, get, create, edit, delete, with their events. A new
 * endpoint gets 8 random unused lowercase letters and digits as its name (the line's name); a PUT
 * with `options` replaces `allow` and `disallow` and keeps a caller id it does not name, as
 * Wazo's setter does. Deleting an endpoint leaves its line without one. The `*In` forms join a
 * caller's transaction (a line made, edited or deleted with its endpoint).
 */
import type { Tx, UnitOfWork } from '../db/unit-of-work.js';
import { notFound } from '../errors.js';
import type { SearchParams, SearchResult, TenantScope } from '../search/search.js';
import type { EndpointSccpDao, SccpResource } from './endpoint-sccp.dao.js';
import {
  type EndpointSccp,
  type EndpointSccpInput,
  type SccpRecord,
  withOptions,
} from './endpoint-sccp.model.js';
import type { EndpointSccpNotifier } from './endpoint-sccp.notifier.js';
import type { EndpointSccpValidator } from './endpoint-sccp.validator.js';

export interface EndpointSccpServiceDeps {
  uow: UnitOfWork;
  dao: EndpointSccpDao;
  validator: EndpointSccpValidator;
  notifier: EndpointSccpNotifier;
  /** Uniform in [0, 1); Math.random by default. */
  random?: () => number;
}

const ALPHANUMERIC = 'abcdefghijklmnopqrstuvwxyz0123456789';
const EMPTY: SccpRecord = { cid_name: '', cid_num: '', allow: null, disallow: null };
const missing = (id: number) => notFound('SCCPEndpoint', { id });

/** The endpoint as the API shows it, without its stored columns. */
const shown = ({ id, tenant_uuid, options, line }: SccpResource): EndpointSccp => ({
  id,
  tenant_uuid,
  options,
  line,
});

export function createEndpointSccpService(deps: EndpointSccpServiceDeps) {
  const { uow, dao, validator, notifier } = deps;
  const random = deps.random ?? Math.random;

  async function existing(tx: Tx, scope: TenantScope, id: number): Promise<SccpResource> {
    const sccp = await dao.find(tx, scope, id);
    if (!sccp) throw missing(id);
    return sccp;
  }

  async function unusedName(tx: Tx): Promise<string> {
    for (;;) {
      const name = Array.from({ length: 8 }, () => ALPHANUMERIC[Math.floor(random() * 36)]).join('');
      if (!(await dao.nameExists(tx, name))) return name;
    }
  }

  async function createIn(tx: Tx, tenantUuid: string, input: EndpointSccpInput): Promise<SccpResource> {
    validator.validateOptions(input);
    const id = await dao.create(
      tx,
      tenantUuid,
      await unusedName(tx),
      withOptions(EMPTY, input.options ?? []),
    );
    const sccp = await existing(tx, { tenantUuids: [tenantUuid] }, id);
    notifier.created(tx, sccp);
    return sccp;
  }

  /** Writes the options given (none: the endpoint stays as it is, the event is still sent, as Wazo). */
  async function editIn(
    tx: Tx,
    scope: TenantScope,
    id: number,
    input: EndpointSccpInput,
  ): Promise<SccpResource> {
    const current = await existing(tx, scope, id);
    validator.validateOptions(input);
    const record = input.options ? withOptions(current, input.options) : current;
    const { cid_name, cid_num, allow, disallow } = record;
    if (!(await dao.update(tx, scope, id, { cid_name, cid_num, allow, disallow }))) throw missing(id);
    const sccp = await existing(tx, scope, id);
    notifier.edited(tx, sccp);
    return sccp;
  }

  /** Sets the caller id name (a line's `caller_id_name`), with the endpoint's event. */
  async function setCallerIdNameIn(tx: Tx, scope: TenantScope, id: number, name: string): Promise<void> {
    const current = await existing(tx, scope, id);
    const { cid_num, allow, disallow } = current;
    if (!(await dao.update(tx, scope, id, { cid_name: name, cid_num, allow, disallow }))) throw missing(id);
    notifier.edited(tx, await existing(tx, scope, id));
  }

  async function deleteIn(tx: Tx, scope: TenantScope, id: number): Promise<void> {
    const sccp = await existing(tx, scope, id);
    if (!(await dao.delete(tx, scope, id))) throw missing(id);
    notifier.deleted(tx, sccp);
  }

  return {
    search: (scope: TenantScope, params: SearchParams): Promise<SearchResult<EndpointSccp>> =>
      uow.read(async (tx) => {
        const { total, items } = await dao.search(tx, scope, params);
        return { total, items: items.map(shown) };
      }),

    get: (scope: TenantScope, id: number): Promise<EndpointSccp> =>
      uow.read(async (tx) => shown(await existing(tx, scope, id))),

    /** The endpoint in a caller's transaction, or null (no event, no error). */
    findIn: (tx: Tx, scope: TenantScope, id: number): Promise<SccpResource | null> => dao.find(tx, scope, id),

    /** Creates in `tenantUuid`, which must be among the caller's tenants (else Tenant not found). */
    create: (scope: TenantScope, tenantUuid: string, input: EndpointSccpInput): Promise<EndpointSccp> =>
      uow.run(async (tx) => {
        if (!scope.tenantUuids.includes(tenantUuid)) throw notFound('Tenant', { uuid: tenantUuid });
        return shown(await createIn(tx, tenantUuid, input));
      }),

    createIn,

    edit: (scope: TenantScope, id: number, input: EndpointSccpInput): Promise<void> =>
      uow.run(async (tx) => {
        await editIn(tx, scope, id, input);
      }),

    setCallerIdNameIn,

    delete: (scope: TenantScope, id: number): Promise<void> => uow.run((tx) => deleteIn(tx, scope, id)),

    deleteIn,
  };
}

export type EndpointSccpService = ReturnType<typeof createEndpointSccpService>;
