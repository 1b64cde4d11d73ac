/**
 * The lines service: the public API for lines. As in Wazo, a line gets a random unused 6-digit
 * provisioning code; a line made with `endpoint_sip` creates that SIP endpoint (the endpoints
 * service names it) and associates it, a custom endpoint names the line by its interface, and the
 * caller id lives in the SIP endpoint's `callerid` option. Deleting a line first dissociates its
 * users (with their events); `recursive` also deletes its SIP endpoint.
 */
import type { ContextsDao } from '../contexts/contexts.dao.js';
import type { Tx, UnitOfWork } from '../db/unit-of-work.js';
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
  /** The line-endpoint association service. */
  lineEndpoints: {
    associateIn(tx: Tx, scope: TenantScope, lineId: number, uuid: string): Promise<void>;
  };
}

function withOption(options: SipOption[], key: string, value: string): SipOption[] {
  return [...options.filter(([k]) => k !== key), [key, value]];
}

export function createLinesService(deps: LinesServiceDeps) {
  const { uow, dao, validator, notifier, contexts } = deps;
  const random = deps.random ?? Math.random;

  const { endpointSip, lineEndpoints } = deps;

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

  /** Writes a caller id change into the line's SIP endpoint (with its event). */
  async function editCallerId(tx: Tx, scope: TenantScope, line: Line, input: LineEdit): Promise<void> {
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
        const custom = input.endpoint_custom?.interface ?? null;
        const id = await dao.create(tx, scope, {
          context_id: context!.id,
          name: custom,
          provisioning_code: input.provisioning_code || (await provisioningCode(tx)),
          position: input.position ?? 1,
          registrar: input.registrar ?? 'default',
          endpoint_custom_interface: custom,
        });
        if (id === null) throw notFound('Context', { name: input.context });
        if (input.endpoint_sip) {
          const body = sipEndpointInput(input.endpoint_sip, input);
          const sip = await endpointSip.createIn(tx, scope, context!.tenant_uuid, body);
          await lineEndpoints.associateIn(tx, scope, id, sip.uuid);
        }
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

    /** `recursive` (Wazo's `?recursive=true`) also deletes the line's SIP endpoint. */
    delete: (scope: TenantScope, id: number, options: { recursive?: boolean } = {}): Promise<void> =>
      uow.run(async (tx) => {
        const line = await getIn(tx, scope, id);
        await deps.userLines?.dissociateAllFromLine(tx, scope, line);
        if (!(await dao.delete(tx, scope, id))) throw notFound('Line', { id });
        if (options.recursive && line.endpoint_sip)
          await endpointSip.deleteIn(tx, scope, line.endpoint_sip.uuid);
        notifier.deleted(tx, line);
      }),
  };
}

export type LinesService = ReturnType<typeof createLinesService>;
