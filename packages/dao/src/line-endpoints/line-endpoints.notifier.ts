/**
 * A line's endpoint events, for the line's tenant: `line_endpoint_<sip|sccp|custom>_associated|
 * dissociated` `{line: {id, tenant_uuid, name}, endpoint_<kind>: {...}}` with Wazo's fields of
 * each kind (SIP: uuid, tenant_uuid, label, name, the username; SCCP: id, tenant_uuid; custom: id,
 * tenant_uuid, interface).
 */
import {
  lineEndpointCustomAssociated,
  lineEndpointCustomDissociated,
  lineEndpointSccpAssociated,
  lineEndpointSccpDissociated,
  lineEndpointSipAssociated,
  lineEndpointSipDissociated,
} from '@wazo-ts/bus';
import type { Tx } from '../db/unit-of-work.js';
import type { EndpointCustom } from '../endpoint-custom/endpoint-custom.model.js';
import type { EndpointSccp } from '../endpoint-sccp/endpoint-sccp.model.js';
import type { SipResource } from '../endpoint-sip/endpoint-sip.model.js';
import type { Line } from '../lines/lines.model.js';

const lineOf = (line: Line) => ({ id: line.id, tenant_uuid: line.tenant_uuid, name: line.name });
const scoping = (line: Line) => ({ tenantUuid: line.tenant_uuid });

const sip = (line: Line, endpoint: SipResource) => ({
  line: lineOf(line),
  endpoint_sip: {
    uuid: endpoint.uuid,
    tenant_uuid: endpoint.tenant_uuid,
    label: endpoint.label,
    name: endpoint.name,
    auth_section_options: endpoint.auth_section_options.filter(([key]) => key === 'username'),
  },
});

const sccp = (line: Line, endpoint: EndpointSccp) => ({
  line: lineOf(line),
  endpoint_sccp: { id: endpoint.id, tenant_uuid: endpoint.tenant_uuid },
});

const custom = (line: Line, endpoint: EndpointCustom) => ({
  line: lineOf(line),
  endpoint_custom: { id: endpoint.id, tenant_uuid: endpoint.tenant_uuid, interface: endpoint.interface },
});

export function createLineEndpointsNotifier() {
  return {
    sip: {
      associated: (tx: Tx, line: Line, endpoint: SipResource) =>
        tx.events.add(lineEndpointSipAssociated.build(sip(line, endpoint), scoping(line))),
      dissociated: (tx: Tx, line: Line, endpoint: SipResource) =>
        tx.events.add(lineEndpointSipDissociated.build(sip(line, endpoint), scoping(line))),
    },
    sccp: {
      associated: (tx: Tx, line: Line, endpoint: EndpointSccp) =>
        tx.events.add(lineEndpointSccpAssociated.build(sccp(line, endpoint), scoping(line))),
      dissociated: (tx: Tx, line: Line, endpoint: EndpointSccp) =>
        tx.events.add(lineEndpointSccpDissociated.build(sccp(line, endpoint), scoping(line))),
    },
    custom: {
      associated: (tx: Tx, line: Line, endpoint: EndpointCustom) =>
        tx.events.add(lineEndpointCustomAssociated.build(custom(line, endpoint), scoping(line))),
      dissociated: (tx: Tx, line: Line, endpoint: EndpointCustom) =>
        tx.events.add(lineEndpointCustomDissociated.build(custom(line, endpoint), scoping(line))),
    },
  };
}

export type LineEndpointsNotifier = ReturnType<typeof createLineEndpointsNotifier>;
