/**
 * A line's endpoint (`PUT|DELETE /lines/{id}/endpoints/<sip|sccp|custom>/{key}`), one rule for the
 * three kinds: associating what is already associated, or dissociating what is not, does nothing,
 * as in Wazo. The line takes the endpoint's name (SIP or SCCP name, custom interface) and loses it
 * when dissociated. `associateIn` joins a caller's transaction (a line made with its endpoint).
 */
import type { Tx, UnitOfWork } from '../db/unit-of-work.js';
import type { EndpointCustom } from '../endpoint-custom/endpoint-custom.model.js';
import type { EndpointSccp } from '../endpoint-sccp/endpoint-sccp.model.js';
import type { SipResource } from '../endpoint-sip/endpoint-sip.model.js';
import { notFound } from '../errors.js';
import type { LinesDao } from '../lines/lines.dao.js';
import type { Line } from '../lines/lines.model.js';
import type { TenantScope } from '../search/search.js';
import {
  type EndpointKey,
  type EndpointKind,
  type EndpointProtocol,
  keyOnLine,
  type LineEndpoint,
} from './line-endpoints.kinds.js';
import type { LineEndpointsNotifier } from './line-endpoints.notifier.js';
import type { LineEndpointsValidator } from './line-endpoints.validator.js';

type Finder<E> = (tx: Tx, scope: TenantScope, key: EndpointKey) => Promise<E | null>;

export interface LineEndpointsServiceDeps {
  uow: UnitOfWork;
  lines: Pick<LinesDao, 'find' | 'setEndpoint' | 'lineUsing'>;
  findSip: Finder<SipResource>;
  findSccp: Finder<EndpointSccp & { name: string }>;
  findCustom: Finder<EndpointCustom>;
  validator: LineEndpointsValidator;
  notifier: LineEndpointsNotifier;
}

interface Kind<E extends LineEndpoint> extends EndpointKind<E> {
  events: { associated(tx: Tx, line: Line, e: E): void; dissociated(tx: Tx, line: Line, e: E): void };
}

export function createLineEndpointsService(deps: LineEndpointsServiceDeps) {
  const { uow, lines, validator, notifier } = deps;
  const lineUsing = (protocol: EndpointProtocol) => (tx: Tx, key: EndpointKey) =>
    lines.lineUsing(tx, protocol, key);

  const kinds = {
    sip: {
      protocol: 'sip',
      resource: 'SIPEndpoint',
      keyName: 'uuid',
      find: deps.findSip,
      keyOf: (e) => e.uuid,
      nameOf: (e) => e.name,
      lineUsing: lineUsing('sip'),
      events: notifier.sip,
    } satisfies Kind<SipResource>,
    sccp: {
      protocol: 'sccp',
      resource: 'SCCPEndpoint',
      keyName: 'id',
      find: deps.findSccp,
      keyOf: (e) => e.id,
      nameOf: (e) => e.name,
      lineUsing: lineUsing('sccp'),
      events: notifier.sccp,
    } satisfies Kind<EndpointSccp & { name: string }>,
    custom: {
      protocol: 'custom',
      resource: 'CustomEndpoint',
      keyName: 'id',
      find: deps.findCustom,
      keyOf: (e) => e.id,
      nameOf: (e) => e.interface,
      lineUsing: lineUsing('custom'),
      events: notifier.custom,
    } satisfies Kind<EndpointCustom>,
  };

  async function both<E extends LineEndpoint>(
    tx: Tx,
    kind: Kind<E>,
    scope: TenantScope,
    lineId: number,
    key: EndpointKey,
  ): Promise<[Line, E]> {
    const line = await lines.find(tx, scope, lineId);
    if (!line) throw notFound('Line', { id: lineId });
    const endpoint = await kind.find(tx, scope, key);
    if (!endpoint) throw notFound(kind.resource, { [kind.keyName]: key });
    return [line, endpoint];
  }

  async function associateWith<E extends LineEndpoint>(
    tx: Tx,
    kind: Kind<E>,
    scope: TenantScope,
    lineId: number,
    key: EndpointKey,
  ): Promise<void> {
    const [line, endpoint] = await both(tx, kind, scope, lineId, key);
    if (keyOnLine(line, kind.protocol) === kind.keyOf(endpoint)) return;
    await validator.validateAssociation(tx, kind, line, endpoint);
    const name = kind.nameOf(endpoint);
    await lines.setEndpoint(tx, line.id, kind.protocol, { key: kind.keyOf(endpoint), name });
    kind.events.associated(tx, { ...line, name }, endpoint);
  }

  async function dissociateWith<E extends LineEndpoint>(
    tx: Tx,
    kind: Kind<E>,
    scope: TenantScope,
    lineId: number,
    key: EndpointKey,
  ): Promise<void> {
    const [line, endpoint] = await both(tx, kind, scope, lineId, key);
    if (keyOnLine(line, kind.protocol) !== kind.keyOf(endpoint)) return;
    await validator.validateDissociation(tx, line);
    await lines.setEndpoint(tx, line.id, kind.protocol, null);
    kind.events.dissociated(tx, { ...line, name: null }, endpoint);
  }

  // One call per kind keeps each kind's endpoint type checked (a union would lose it).
  function associateIn(
    tx: Tx,
    scope: TenantScope,
    lineId: number,
    protocol: EndpointProtocol,
    key: EndpointKey,
  ) {
    if (protocol === 'sip') return associateWith(tx, kinds.sip, scope, lineId, key);
    if (protocol === 'sccp') return associateWith(tx, kinds.sccp, scope, lineId, key);
    return associateWith(tx, kinds.custom, scope, lineId, key);
  }

  function dissociateIn(
    tx: Tx,
    scope: TenantScope,
    lineId: number,
    protocol: EndpointProtocol,
    key: EndpointKey,
  ) {
    if (protocol === 'sip') return dissociateWith(tx, kinds.sip, scope, lineId, key);
    if (protocol === 'sccp') return dissociateWith(tx, kinds.sccp, scope, lineId, key);
    return dissociateWith(tx, kinds.custom, scope, lineId, key);
  }

  return {
    associateIn,

    associate: (
      scope: TenantScope,
      lineId: number,
      protocol: EndpointProtocol,
      key: EndpointKey,
    ): Promise<void> => uow.run((tx) => associateIn(tx, scope, lineId, protocol, key)),

    dissociate: (
      scope: TenantScope,
      lineId: number,
      protocol: EndpointProtocol,
      key: EndpointKey,
    ): Promise<void> => uow.run((tx) => dissociateIn(tx, scope, lineId, protocol, key)),
  };
}

export type LineEndpointsService = ReturnType<typeof createLineEndpointsService>;
