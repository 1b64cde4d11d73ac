/**
 * The lines service: the public API for lines. As in Wazo, a line gets a random unused 6-digit
 * provisioning code, a SIP endpoint gets a random unused 8-character name (the line's name), a
 * custom endpoint names the line by its interface, and the caller id lives in the SIP endpoint's
 * `callerid` option. Deleting a line first dissociates its users (with their events).
 */
import type { ContextsDao } from '../contexts/contexts.dao.js';
import type { Tx, UnitOfWork } from '../db/unit-of-work.js';
import { notFound } from '../errors.js';
import type { SearchParams, SearchResult, TenantScope } from '../search/search.js';
import type { LinesDao } from './lines.dao.js';
import {
  callerIdOf,
  type EndpointSip,
  type EndpointSipInput,
  formatCallerId,
  type Line,
  type LineCreate,
  type LineEdit,
  type SipOption,
} from './lines.model.js';
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
  newUuid?: () => string;
  /** Dissociates a line's users (with events) before the line is deleted: the user-lines service. */
  userLines?: { dissociateAllFromLine(tx: Tx, scope: TenantScope, line: Line): Promise<void> };
}

const ALPHANUMERIC = 'abcdefghijklmnopqrstuvwxyz0123456789';

function withOption(options: SipOption[], key: string, value: string): SipOption[] {
  return [...options.filter(([k]) => k !== key), [key, value]];
}

export function createLinesService(deps: LinesServiceDeps) {
  const { uow, dao, validator, notifier, contexts } = deps;
  const random = deps.random ?? Math.random;
  const newUuid = deps.newUuid ?? (() => globalThis.crypto.randomUUID());

  async function unused(tx: Tx, column: 'name' | 'provisioning_code', make: () => string): Promise<string> {
    for (;;) {
      const candidate = make();
      if (!(await dao.exists(tx, column, candidate))) return candidate;
    }
  }
  const provisioningCode = (tx: Tx) =>
    unused(tx, 'provisioning_code', () => String(100000 + Math.floor(random() * 900000)));
  const sipName = (tx: Tx) =>
    unused(tx, 'name', () =>
      Array.from({ length: 8 }, () => ALPHANUMERIC[Math.floor(random() * ALPHANUMERIC.length)]).join(''),
    );

  async function getIn(tx: Tx, scope: TenantScope, id: number): Promise<Line> {
    const line = await dao.find(tx, scope, id);
    if (!line) throw notFound('Line', { id });
    return line;
  }

  async function sipEndpoint(tx: Tx, input: EndpointSipInput, line: LineCreate) {
    let endpointOptions = input.endpoint_section_options ?? [];
    // Wazo gives the endpoint the line's context unless the options name one.
    if (!endpointOptions.some(([key]) => key === 'context')) {
      endpointOptions = withOption(endpointOptions, 'context', line.context);
    }
    if (line.caller_id_name || line.caller_id_num) {
      const callerId = formatCallerId(line.caller_id_name ?? null, line.caller_id_num ?? null);
      endpointOptions = withOption(endpointOptions, 'callerid', callerId);
    }
    return {
      uuid: newUuid(),
      name: input.name || (await sipName(tx)),
      label: input.label ?? null,
      auth_section_options: input.auth_section_options ?? [],
      endpoint_section_options: endpointOptions,
      aor_section_options: input.aor_section_options ?? [],
    };
  }

  function editedCallerId(sip: EndpointSip | null, input: LineEdit): EndpointSip | null {
    if (!sip || (input.caller_id_name === undefined && input.caller_id_num === undefined)) return null;
    const current = callerIdOf(sip.endpoint_section_options);
    const name = input.caller_id_name === undefined ? current.name : input.caller_id_name;
    const num = input.caller_id_num === undefined ? current.num : input.caller_id_num;
    const options = withOption(sip.endpoint_section_options, 'callerid', formatCallerId(name, num));
    return { ...sip, endpoint_section_options: options };
  }

  return {
    search: (scope: TenantScope, params: SearchParams): Promise<SearchResult<Line>> =>
      uow.read((tx) => dao.search(tx, scope, params)),

    get: (scope: TenantScope, id: number): Promise<Line> => uow.read((tx) => getIn(tx, scope, id)),

    /** The line's SIP endpoint with its secrets; 404 when the line has none. */
    getEndpointSip: (scope: TenantScope, lineId: number): Promise<EndpointSip> =>
      uow.read(async (tx) => {
        await getIn(tx, scope, lineId);
        const sip = await dao.findEndpointSip(tx, scope, lineId);
        if (!sip) throw notFound('SIPEndpoint', { line_id: lineId });
        return sip;
      }),

    create: (scope: TenantScope, input: LineCreate): Promise<Line> =>
      uow.run(async (tx) => {
        const context = await contexts.findByName(tx, scope, input.context);
        await validator.validateCreate(tx, input, context);
        const sip = input.endpoint_sip ? await sipEndpoint(tx, input.endpoint_sip, input) : null;
        const custom = input.endpoint_custom?.interface ?? null;
        const id = await dao.create(tx, scope, {
          context_id: context!.id,
          name: sip?.name ?? custom,
          provisioning_code: input.provisioning_code || (await provisioningCode(tx)),
          position: input.position ?? 1,
          registrar: input.registrar ?? 'default',
          endpoint_sip: sip,
          endpoint_custom_interface: custom,
        });
        if (id === null) throw notFound('Context', { name: input.context });
        const line = await getIn(tx, scope, id);
        notifier.created(tx, line);
        return line;
      }),

    edit: (scope: TenantScope, id: number, input: LineEdit): Promise<void> =>
      uow.run(async (tx) => {
        const line = await getIn(tx, scope, id);
        const context = await contexts.findByName(tx, scope, input.context ?? line.context);
        await validator.validateEdit(tx, line, input, context);
        const sip = editedCallerId(await dao.findEndpointSip(tx, scope, id), input);
        const written = await dao.edit(tx, scope, id, {
          context_id: context!.id,
          provisioning_code:
            input.provisioning_code === null
              ? await provisioningCode(tx)
              : (input.provisioning_code ?? line.provisioning_code),
          position: input.position === null ? 1 : (input.position ?? line.position),
          registrar: input.registrar === null ? 'default' : (input.registrar ?? line.registrar),
          endpoint_sip: sip,
        });
        if (!written) throw notFound('Line', { id });
        notifier.edited(tx, await getIn(tx, scope, id));
      }),

    delete: (scope: TenantScope, id: number): Promise<void> =>
      uow.run(async (tx) => {
        const line = await getIn(tx, scope, id);
        await deps.userLines?.dissociateAllFromLine(tx, scope, line);
        if (!(await dao.delete(tx, scope, id))) throw notFound('Line', { id });
        notifier.deleted(tx, line);
      }),
  };
}

export type LinesService = ReturnType<typeof createLinesService>;
