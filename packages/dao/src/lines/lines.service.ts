/**
 * The lines service: the public API for lines. As in Wazo, a line gets a random unused 6-digit
 * provisioning code; a line made with `endpoint_sip`, `endpoint_sccp` or `endpoint_custom`
 * creates that endpoint (with its own service and event) and associates it, the line taking its
 * name; the caller id lives in the SIP endpoint's `callerid` option or the SCCP endpoint's
 * `cid_name`. Deleting a line first dissociates its users (with their events), then deletes its
 * endpoint with it, as Wazo's line dao does.
 */
import type { ContextsDao } from '../contexts/contexts.dao.js';
import type { Tx, UnitOfWork } from '../db/unit-of-work.js';
import type { EndpointCustom, EndpointCustomCreate } from '../endpoint-custom/endpoint-custom.model.js';
import type { EndpointSccp, EndpointSccpInput } from '../endpoint-sccp/endpoint-sccp.model.js';
import type { SipInput, SipOption, SipResource } from '../endpoint-sip/endpoint-sip.model.js';
import { notFound } from '../errors.js';
import type { SearchParams, SearchResult, TenantScope } from '../search/search.js';
import type { LinesDao } from './lines.dao.js';
import { callerIdOf, formatCallerId, type Line, type LineCreate, type LineEdit } from './lines.model.js';
import type { LinesNotifier } from './lines.notifier.js';
import type { LinesValidator } from './lines.validator.js';

export interface LinesServiceDeps {
  uow: UnitOfWork;
  dao: LinesDao;
  validator: LinesValidator;
  notifier: LinesNotifier;
  contexts: Pick<ContextsDao, 'findByName'>;
  /** Uniform in [0, 1); Math.random by default. */
  random?: () => number;
  /** Dissociates a line's users (with events) before the line is deleted: the user-lines service. */
  userLines?: { dissociateAllFromLine(tx: Tx, scope: TenantScope, line: Line): Promise<void> };
  /** The SIP endpoints service (not templates'). */
  endpointSip: {
    findIn(tx: Tx, scope: TenantScope, uuid: string): Promise<SipResource | null>;
    createIn(tx: Tx, scope: TenantScope, tenantUuid: string, input: SipInput): Promise<SipResource>;
    editIn(tx: Tx, scope: TenantScope, uuid: string, input: SipInput): Promise<SipResource>;
    deleteIn(tx: Tx, scope: TenantScope, uuid: string): Promise<void>;
  };
  /** The SCCP endpoints service. */
  endpointSccp: {
    createIn(tx: Tx, tenantUuid: string, input: EndpointSccpInput): Promise<EndpointSccp>;
    setCallerIdNameIn(tx: Tx, scope: TenantScope, id: number, name: string): Promise<void>;
    deleteIn(tx: Tx, scope: TenantScope, id: number): Promise<void>;
  };
  /** The custom endpoints service. */
  endpointCustom: {
    createIn(tx: Tx, tenantUuid: string, input: EndpointCustomCreate): Promise<EndpointCustom>;
    deleteIn(tx: Tx, scope: TenantScope, id: number): Promise<void>;
  };
  /** The line-endpoint association service. */
  lineEndpoints: {
    associateIn(
      tx: Tx,
      scope: TenantScope,
      lineId: number,
      protocol: 'sip' | 'sccp' | 'custom',
      key: string | number,
    ): Promise<void>;
  };
}

function withOption(options: SipOption[], key: string, value: string): SipOption[] {
  return [...options.filter(([k]) => k !== key), [key, value]];
}

export function createLinesService(deps: LinesServiceDeps) {
  const { uow, dao, validator, notifier, contexts } = deps;
  const random = deps.random ?? Math.random;

  const { endpointSip, endpointSccp, endpointCustom, lineEndpoints } = deps;

  async function provisioningCode(tx: Tx): Promise<string> {
    for (;;) {
      const candidate = String(100000 + Math.floor(random() * 900000));
      if (!(await dao.exists(tx, 'provisioning_code', candidate))) return candidate;
    }
  }

  async function getIn(tx: Tx, scope: TenantScope, id: number): Promise<Line> {
    const line = await dao.find(tx, scope, id);
    if (!line) throw notFound('Line', { id });
    return line;
  }

  /** The endpoint's body with the line's context and caller id in its endpoint options. */
  function sipEndpointInput(input: SipInput, line: LineCreate): SipInput {
    let endpointOptions = input.endpoint_section_options ?? [];
    // Wazo gives the endpoint the line's context unless the options name one.
    if (!endpointOptions.some(([key]) => key === 'context')) {
      endpointOptions = withOption(endpointOptions, 'context', line.context);
    }
    if (line.caller_id_name || line.caller_id_num) {
      const callerId = formatCallerId(line.caller_id_name ?? null, line.caller_id_num ?? null);
      endpointOptions = withOption(endpointOptions, 'callerid', callerId);
    }
    return { ...input, endpoint_section_options: endpointOptions };
  }

  /** The SCCP endpoint's body with the line's caller id name as its `cid_name`, as Wazo sets it. */
  function sccpEndpointInput(input: EndpointSccpInput, line: LineCreate): EndpointSccpInput {
    if (!line.caller_id_name) return input;
    return { options: [...(input.options ?? []), ['cid_name', line.caller_id_name]] };
  }

  /** Creates the endpoint the body names, in the line's tenant, and gives it to the line. */
  async function createEndpoint(
    tx: Tx,
    scope: TenantScope,
    tenantUuid: string,
    id: number,
    input: LineCreate,
  ) {
    if (input.endpoint_sip) {
      const sip = await endpointSip.createIn(
        tx,
        scope,
        tenantUuid,
        sipEndpointInput(input.endpoint_sip, input),
      );
      await lineEndpoints.associateIn(tx, scope, id, 'sip', sip.uuid);
    } else if (input.endpoint_sccp) {
      const sccp = await endpointSccp.createIn(tx, tenantUuid, sccpEndpointInput(input.endpoint_sccp, input));
      await lineEndpoints.associateIn(tx, scope, id, 'sccp', sccp.id);
    } else if (input.endpoint_custom) {
      const custom = await endpointCustom.createIn(tx, tenantUuid, input.endpoint_custom);
      await lineEndpoints.associateIn(tx, scope, id, 'custom', custom.id);
    }
  }

  /** Deletes the line's endpoint, of whichever kind, with its event. */
  async function deleteEndpoint(tx: Tx, scope: TenantScope, line: Line): Promise<void> {
    if (line.endpoint_sip) await endpointSip.deleteIn(tx, scope, line.endpoint_sip.uuid);
    if (line.endpoint_sccp) await endpointSccp.deleteIn(tx, scope, line.endpoint_sccp.id);
    if (line.endpoint_custom) await endpointCustom.deleteIn(tx, scope, line.endpoint_custom.id);
  }

  /** Writes a caller id change into the line's SIP or SCCP endpoint (with its event). */
  async function editCallerId(tx: Tx, scope: TenantScope, line: Line, input: LineEdit): Promise<void> {
    if (line.endpoint_sccp && typeof input.caller_id_name === 'string') {
      await endpointSccp.setCallerIdNameIn(tx, scope, line.endpoint_sccp.id, input.caller_id_name);
      return;
    }
    if (!line.endpoint_sip || (input.caller_id_name === undefined && input.caller_id_num === undefined))
      return;
    const sip = await endpointSip.findIn(tx, scope, line.endpoint_sip.uuid);
    if (!sip) return;
    const current = callerIdOf(sip.endpoint_section_options);
    const name = input.caller_id_name === undefined ? current.name : input.caller_id_name;
    const num = input.caller_id_num === undefined ? current.num : input.caller_id_num;
    const options = withOption(sip.endpoint_section_options, 'callerid', formatCallerId(name, num));
    await endpointSip.editIn(tx, scope, sip.uuid, { endpoint_section_options: options });
  }

  return {
    search: (scope: TenantScope, params: SearchParams): Promise<SearchResult<Line>> =>
      uow.read((tx) => dao.search(tx, scope, params)),

    get: (scope: TenantScope, id: number): Promise<Line> => uow.read((tx) => getIn(tx, scope, id)),

    create: (scope: TenantScope, input: LineCreate): Promise<Line> =>
      uow.run(async (tx) => {
        const context = await contexts.findByName(tx, scope, input.context);
        await validator.validateCreate(tx, input, context);
        const id = await dao.create(tx, scope, {
          context_id: context!.id,
          name: null,
          provisioning_code: input.provisioning_code || (await provisioningCode(tx)),
          position: input.position ?? 1,
          registrar: input.registrar ?? 'default',
        });
        if (id === null) throw notFound('Context', { name: input.context });
        await createEndpoint(tx, scope, context!.tenant_uuid, id, input);
        const line = await getIn(tx, scope, id);
        notifier.created(tx, line);
        return line;
      }),

    edit: (scope: TenantScope, id: number, input: LineEdit): Promise<void> =>
      uow.run(async (tx) => {
        const line = await getIn(tx, scope, id);
        const context = await contexts.findByName(tx, scope, input.context ?? line.context);
        await validator.validateEdit(tx, line, input, context);
        await editCallerId(tx, scope, line, input);
        const written = await dao.edit(tx, scope, id, {
          context_id: context!.id,
          provisioning_code:
            input.provisioning_code === null
              ? await provisioningCode(tx)
              : (input.provisioning_code ?? line.provisioning_code),
          position: input.position === null ? 1 : (input.position ?? line.position),
          registrar: input.registrar === null ? 'default' : (input.registrar ?? line.registrar),
        });
        if (!written) throw notFound('Line', { id });
        notifier.edited(tx, await getIn(tx, scope, id));
      }),

    /**
     * The line's endpoint goes with it, with or without `recursive` (Wazo's `?recursive=true`), as
     * Wazo's line dao deletes it; the endpoint's event comes before `line_deleted`.
     */
    delete: (scope: TenantScope, id: number, _options: { recursive?: boolean } = {}): Promise<void> =>
      uow.run(async (tx) => {
        const line = await getIn(tx, scope, id);
        await deps.userLines?.dissociateAllFromLine(tx, scope, line);
        if (!(await dao.delete(tx, scope, id))) throw notFound('Line', { id });
        await deleteEndpoint(tx, scope, line);
        notifier.deleted(tx, line);
      }),
  };
}

export type LinesService = ReturnType<typeof createLinesService>;
