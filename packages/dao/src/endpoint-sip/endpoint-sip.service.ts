/**
 * The SIP endpoints' (or SIP templates') public API. One factory serves both, told apart by
 * `template`, as in Wazo. A new endpoint without name gets 8 random unused lowercase letters and
 * digits; a PUT changes only the fields it gives. `view=merged` shows each section with the
 * options inherited from the templates (depth first, in order) before the endpoint's own, the
 * last value of a key winning. The `*In` forms join a caller's transaction (a line made with its
 * endpoint).
 */
import type { Tx, UnitOfWork } from '../db/unit-of-work.js';
import { notFound } from '../errors.js';
import type { SearchParams, SearchResult, TenantScope } from '../search/search.js';
import type { EndpointSipDao } from './endpoint-sip.dao.js';
import {
  mergedOptions,
  SIP_SECTIONS,
  type SipInput,
  type SipOption,
  type SipRecord,
  type SipResource,
  type SipSection,
  sectionField,
  unusedSipName,
} from './endpoint-sip.model.js';
import type { EndpointSipNotifier } from './endpoint-sip.notifier.js';
import type { EndpointSipValidator } from './endpoint-sip.validator.js';

export interface EndpointSipServiceDeps {
  uow: UnitOfWork;
  dao: EndpointSipDao;
  validator: EndpointSipValidator;
  notifier: EndpointSipNotifier;
  /** Templates (`/endpoints/sip/templates`) or endpoints (`/endpoints/sip`). */
  template: boolean;
  /** Uniform in [0, 1); Math.random by default. */
  random?: () => number;
  newUuid?: () => string;
}

function recordOf(input: SipInput, current?: SipResource): Omit<SipRecord, 'name'> & { name?: string } {
  const sections = Object.fromEntries(
    SIP_SECTIONS.map((section) => {
      const field = sectionField(section);
      return [field, input[field] ?? current?.[field] ?? []];
    }),
  ) as Record<ReturnType<typeof sectionField>, SipOption[]>;
  const templates = input.templates ?? current?.templates ?? [];
  const transport = input.transport === undefined ? current?.transport : input.transport;
  return {
    ...sections,
    name: input.name ?? current?.name,
    label: input.label === undefined ? (current?.label ?? null) : input.label,
    asterisk_id: input.asterisk_id === undefined ? (current?.asterisk_id ?? null) : input.asterisk_id,
    transport_uuid: transport?.uuid ?? null,
    template_uuids: [...new Set(templates.map((t) => t.uuid))],
  };
}

export function createEndpointSipService(deps: EndpointSipServiceDeps) {
  const { uow, dao, validator, notifier, template } = deps;
  const random = deps.random ?? Math.random;
  const newUuid = deps.newUuid ?? (() => globalThis.crypto.randomUUID());
  const resource = template ? 'SIPEndpointTemplate' : 'SIPEndpoint';

  async function existing(tx: Tx, scope: TenantScope, uuid: string): Promise<SipResource> {
    const sip = await dao.find(tx, scope, uuid, template);
    if (!sip) throw notFound(resource, { uuid });
    return sip;
  }

  const unusedName = (tx: Tx): Promise<string> => unusedSipName((name) => dao.nameExists(tx, name), random);

  /** Each template's options with its own templates' first, not yet merged (Wazo's `combined_*`). */
  async function combined(tx: Tx, sip: SipResource, section: SipSection): Promise<SipOption[]> {
    const parents = await dao.findTemplates(
      tx,
      sip.templates.map((t) => t.uuid),
    );
    const inherited = await Promise.all(parents.map((parent) => combined(tx, parent, section)));
    return [...inherited.flat(), ...sip[sectionField(section)]];
  }

  async function merged(tx: Tx, sip: SipResource): Promise<SipResource> {
    const view = { ...sip };
    for (const section of SIP_SECTIONS)
      view[sectionField(section)] = mergedOptions(await combined(tx, sip, section), []);
    return view;
  }

  async function createIn(
    tx: Tx,
    scope: TenantScope,
    tenantUuid: string,
    input: SipInput,
  ): Promise<SipResource> {
    await validator.validateCreate(tx, scope, input);
    const uuid = newUuid();
    const record = recordOf(input);
    await dao.create(tx, tenantUuid, template, uuid, {
      ...record,
      name: record.name ?? (await unusedName(tx)),
    });
    const sip = await existing(tx, scopeOfTenant(tenantUuid), uuid);
    notifier.created(tx, sip);
    return sip;
  }

  async function editIn(tx: Tx, scope: TenantScope, uuid: string, input: SipInput): Promise<SipResource> {
    const current = await existing(tx, scope, uuid);
    await validator.validateEdit(tx, scope, current, input);
    const record = recordOf(input, current);
    if (!(await dao.update(tx, scope, uuid, { ...record, name: record.name ?? current.name }))) {
      throw notFound(resource, { uuid });
    }
    const sip = await existing(tx, scope, uuid);
    notifier.edited(tx, sip);
    return sip;
  }

  async function deleteIn(tx: Tx, scope: TenantScope, uuid: string): Promise<void> {
    const sip = await existing(tx, scope, uuid);
    if (!(await dao.delete(tx, scope, uuid))) throw notFound(resource, { uuid });
    notifier.deleted(tx, sip);
  }

  return {
    search: (scope: TenantScope, params: SearchParams): Promise<SearchResult<SipResource>> =>
      uow.read((tx) => dao.search(tx, scope, template, params)),

    get: (scope: TenantScope, uuid: string): Promise<SipResource> =>
      uow.read((tx) => existing(tx, scope, uuid)),

    /** The endpoint with its templates' options merged into each section. */
    getMerged: (scope: TenantScope, uuid: string): Promise<SipResource> =>
      uow.read(async (tx) => merged(tx, await existing(tx, scope, uuid))),

    /** The endpoint in a caller's transaction, or null (no event, no error). */
    findIn: (tx: Tx, scope: TenantScope, uuid: string): Promise<SipResource | null> =>
      dao.find(tx, scope, uuid, template),

    mergedIn: merged,

    /** Creates in `tenantUuid`; `scope` is where its templates may be taken from. */
    create: (scope: TenantScope, tenantUuid: string, input: SipInput): Promise<SipResource> =>
      uow.run((tx) => createIn(tx, scope, tenantUuid, input)),

    createIn,

    edit: (scope: TenantScope, uuid: string, input: SipInput): Promise<void> =>
      uow.run(async (tx) => {
        await editIn(tx, scope, uuid, input);
      }),

    editIn,

    delete: (scope: TenantScope, uuid: string): Promise<void> => uow.run((tx) => deleteIn(tx, scope, uuid)),

    deleteIn,
  };
}

const scopeOfTenant = (tenantUuid: string): TenantScope => ({ tenantUuids: [tenantUuid] });

export type EndpointSipService = ReturnType<typeof createEndpointSipService>;
