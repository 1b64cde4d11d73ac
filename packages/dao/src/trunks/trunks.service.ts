/**
 * The trunks' public API: search, get, create, edit, delete, and a trunk's endpoint (SIP, IAX or
 * custom), each with its events. Associating the endpoint a trunk already has, or dissociating
 * one it does not have, does nothing, as in Wazo. Deleting a trunk deletes its endpoint.
 */
import type { Tx, UnitOfWork } from '../db/unit-of-work.js';
import { notFound } from '../errors.js';
import type { SearchParams, SearchResult, TenantScope } from '../search/search.js';
import type { RegisterIax } from './register-iax.model.js';
import type { RegisterIaxNotifier } from './register-iax.notifier.js';
import type { TrunksDao } from './trunks.dao.js';
import type {
  Trunk,
  TrunkCreate,
  TrunkEdit,
  TrunkEndpointProtocol,
  TrunkRecord,
  TrunkRow,
} from './trunks.model.js';
import type { CustomOfTrunk, IaxOfTrunk, SipOfTrunk, TrunksNotifier } from './trunks.notifier.js';
import type { TrunksValidator } from './trunks.validator.js';

type Finder<E> = (tx: Tx, scope: TenantScope, key: string | number) => Promise<E | null>;

export interface TrunksServiceDeps {
  uow: UnitOfWork;
  dao: TrunksDao;
  validator: TrunksValidator;
  notifier: TrunksNotifier;
  findSip: Finder<SipOfTrunk>;
  findIax: Finder<IaxOfTrunk>;
  findCustom: Finder<CustomOfTrunk>;
  findRegister(tx: Tx, id: number): Promise<RegisterIax | null>;
  registerNotifier: Pick<RegisterIaxNotifier, 'associated' | 'dissociated'>;
}

const missing = (id: number) => notFound('Trunk', { id });

interface Kind<E> {
  resource: string;
  keyName: 'uuid' | 'id';
  find: Finder<E>;
  keyOf(endpoint: E): string | number;
  held(trunk: TrunkRow): string | number | null;
  events: {
    associated(tx: Tx, trunk: TrunkRow, e: E): void;
    dissociated(tx: Tx, trunk: TrunkRow, e: E): void;
  };
}

export function createTrunksService(deps: TrunksServiceDeps) {
  const { uow, dao, validator, notifier } = deps;

  const kinds = {
    sip: {
      resource: 'SIPEndpoint',
      keyName: 'uuid',
      find: deps.findSip,
      keyOf: (e) => e.uuid,
      held: (t) => t.endpoint_sip_uuid,
      events: notifier.sip,
    } satisfies Kind<SipOfTrunk>,
    iax: {
      resource: 'IAXEndpoint',
      keyName: 'id',
      find: deps.findIax,
      keyOf: (e) => e.id,
      held: (t) => t.endpoint_iax_id,
      events: notifier.iax,
    } satisfies Kind<IaxOfTrunk>,
    custom: {
      resource: 'CustomEndpoint',
      keyName: 'id',
      find: deps.findCustom,
      keyOf: (e) => e.id,
      held: (t) => t.endpoint_custom_id,
      events: notifier.custom,
    } satisfies Kind<CustomOfTrunk>,
  };

  async function existingRow(tx: Tx, scope: TenantScope, id: number): Promise<TrunkRow> {
    const row = await dao.findRow(tx, scope, id);
    if (!row) throw missing(id);
    return row;
  }

  async function existing(tx: Tx, scope: TenantScope, id: number): Promise<Trunk> {
    const trunk = await dao.find(tx, scope, id);
    if (!trunk) throw missing(id);
    return trunk;
  }

  /** Wazo's defaults: no context, not a Twilio trunk, caller ids in +E164. */
  async function recordOf(
    tx: Tx,
    tenantUuid: string,
    input: TrunkEdit,
    current?: TrunkRow,
  ): Promise<TrunkRecord> {
    const context = input.context === undefined ? (current?.context ?? null) : input.context;
    return {
      context_id: await validator.contextId(tx, tenantUuid, context),
      twilio_incoming:
        input.twilio_incoming === undefined
          ? (current?.twilio_incoming ?? false)
          : input.twilio_incoming === true,
      outgoing_caller_id_format:
        input.outgoing_caller_id_format ?? current?.outgoing_caller_id_format ?? '+E164',
    };
  }

  async function both<E>(tx: Tx, kind: Kind<E>, scope: TenantScope, id: number, key: string | number) {
    const trunk = await existingRow(tx, scope, id);
    const endpoint = await kind.find(tx, scope, key);
    if (!endpoint) throw notFound(kind.resource, { [kind.keyName]: key });
    return [trunk, endpoint] as const;
  }

  async function associateWith<E extends { tenant_uuid: string }>(
    tx: Tx,
    protocol: TrunkEndpointProtocol,
    kind: Kind<E>,
    scope: TenantScope,
    id: number,
    key: string | number,
  ): Promise<void> {
    const [trunk, endpoint] = await both(tx, kind, scope, id, key);
    const own = kind.keyOf(endpoint);
    if (kind.held(trunk) === own) return;
    await validator.validateEndpoint(tx, trunk, protocol, endpoint, own);
    await dao.setEndpoint(tx, trunk.id, protocol, own);
    kind.events.associated(tx, trunk, endpoint);
  }

  async function dissociateWith<E>(
    tx: Tx,
    protocol: TrunkEndpointProtocol,
    kind: Kind<E>,
    scope: TenantScope,
    id: number,
    key: string | number,
  ): Promise<void> {
    const [trunk, endpoint] = await both(tx, kind, scope, id, key);
    if (kind.held(trunk) !== kind.keyOf(endpoint)) return;
    await dao.setEndpoint(tx, trunk.id, protocol, null);
    kind.events.dissociated(tx, trunk, endpoint);
  }

  return {
    search: (scope: TenantScope, params: SearchParams): Promise<SearchResult<Trunk>> =>
      uow.read((tx) => dao.search(tx, scope, params)),

    get: (scope: TenantScope, id: number): Promise<Trunk> => uow.read((tx) => existing(tx, scope, id)),

    /** The trunk in a caller's transaction, or null. */
    findIn: (tx: Tx, scope: TenantScope, id: number): Promise<Trunk | null> => dao.find(tx, scope, id),

    /** Creates in `tenantUuid`, which must be among the caller's tenants (else Tenant not found). */
    create: (scope: TenantScope, tenantUuid: string, input: TrunkCreate): Promise<Trunk> =>
      uow.run(async (tx) => {
        if (!scope.tenantUuids.includes(tenantUuid)) throw notFound('Tenant', { uuid: tenantUuid });
        const id = await dao.create(tx, tenantUuid, await recordOf(tx, tenantUuid, input));
        const trunk = await existing(tx, scope, id);
        notifier.created(tx, trunk);
        return trunk;
      }),

    /** Changes the given fields; the others keep their value. */
    edit: (scope: TenantScope, id: number, input: TrunkEdit): Promise<void> =>
      uow.run(async (tx) => {
        const current = await existingRow(tx, scope, id);
        const record = await recordOf(tx, current.tenant_uuid, input, current);
        if (!(await dao.update(tx, scope, id, record))) throw missing(id);
        notifier.edited(tx, current);
      }),

    /** Deletes it with its endpoint; its outcalls lose it. */
    delete: (scope: TenantScope, id: number): Promise<void> =>
      uow.run(async (tx) => {
        const trunk = await existingRow(tx, scope, id);
        if (!(await dao.delete(tx, scope, trunk))) throw missing(id);
        notifier.deleted(tx, trunk);
      }),

    associateEndpoint: (
      scope: TenantScope,
      id: number,
      protocol: TrunkEndpointProtocol,
      key: string | number,
    ): Promise<void> =>
      uow.run((tx) => {
        if (protocol === 'sip') return associateWith(tx, protocol, kinds.sip, scope, id, key);
        if (protocol === 'iax') return associateWith(tx, protocol, kinds.iax, scope, id, key);
        return associateWith(tx, protocol, kinds.custom, scope, id, key);
      }),

    /** The trunk registers with `registerId` (platform-wide); again: nothing happens. */
    associateRegister: (scope: TenantScope, id: number, registerId: number): Promise<void> =>
      uow.run(async (tx) => {
        const trunk = await existingRow(tx, scope, id);
        const register = await deps.findRegister(tx, registerId);
        if (!register) throw notFound('IAXRegister', { id: registerId });
        if (trunk.register_iax_id === register.id) return;
        validator.validateRegister(trunk, register);
        await dao.setRegister(tx, trunk.id, register.id);
        deps.registerNotifier.associated(tx, trunk, register.id);
      }),

    dissociateRegister: (scope: TenantScope, id: number, registerId: number): Promise<void> =>
      uow.run(async (tx) => {
        const trunk = await existingRow(tx, scope, id);
        const register = await deps.findRegister(tx, registerId);
        if (!register) throw notFound('IAXRegister', { id: registerId });
        if (trunk.register_iax_id !== register.id) return;
        await dao.setRegister(tx, trunk.id, null);
        deps.registerNotifier.dissociated(tx, trunk, register.id);
      }),

    dissociateEndpoint: (
      scope: TenantScope,
      id: number,
      protocol: TrunkEndpointProtocol,
      key: string | number,
    ): Promise<void> =>
      uow.run((tx) => {
        if (protocol === 'sip') return dissociateWith(tx, protocol, kinds.sip, scope, id, key);
        if (protocol === 'iax') return dissociateWith(tx, protocol, kinds.iax, scope, id, key);
        return dissociateWith(tx, protocol, kinds.custom, scope, id, key);
      }),
  };
}

export type TrunksService = ReturnType<typeof createTrunksService>;
