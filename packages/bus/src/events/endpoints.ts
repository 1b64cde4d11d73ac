/** wazo-confd's events for SIP, SCCP and custom endpoints, SIP templates, PJSIP transports, and a line's endpoint. */
import { defineEvent } from './define.js';

type Pair = [string, string];

/** A SIP endpoint on the bus: its identity, username and registration URI only (no secrets). */
export interface SipEndpointPayload {
  uuid: string;
  tenant_uuid: string;
  name: string;
  label: string | null;
  auth_section_options: Pair[];
  registration_section_options: Pair[];
  trunk: { id: number } | null;
  line: { id: number } | null;
}

const sipEndpoint = <const N extends string>(name: N, routingKey: string) =>
  defineEvent<SipEndpointPayload>()({ name, routingKey, scope: 'tenant', service: 'confd' });

export const sipEndpointCreated = sipEndpoint('sip_endpoint_created', 'config.sip_endpoint.created');
export const sipEndpointEdited = sipEndpoint('sip_endpoint_edited', 'config.sip_endpoint.edited');
export const sipEndpointDeleted = sipEndpoint('sip_endpoint_deleted', 'config.sip_endpoint.deleted');

/** Wazo sends template events with an empty body. */
export type SipTemplatePayload = Record<string, never>;

const sipTemplate = <const N extends string>(name: N, routingKey: string) =>
  defineEvent<SipTemplatePayload>()({ name, routingKey, scope: 'tenant', service: 'confd' });

export const sipEndpointTemplateCreated = sipTemplate(
  'sip_endpoint_template_created',
  'config.sip_endpoint_template.created',
);
export const sipEndpointTemplateEdited = sipTemplate(
  'sip_endpoint_template_edited',
  'config.sip_endpoint_template.edited',
);
export const sipEndpointTemplateDeleted = sipTemplate(
  'sip_endpoint_template_deleted',
  'config.sip_endpoint_template.deleted',
);

export interface SipTransportPayload {
  uuid: string;
  name: string;
  options: Pair[];
}

const sipTransport = <const N extends string>(name: N, routingKey: string) =>
  defineEvent<SipTransportPayload>()({ name, routingKey, scope: 'service', service: 'confd' });

export const sipTransportCreated = sipTransport('sip_transport_created', 'config.sip.transports.created');
export const sipTransportEdited = sipTransport('sip_transport_edited', 'config.sip.transports.edited');
export const sipTransportDeleted = sipTransport('sip_transport_deleted', 'config.sip.transports.deleted');

export interface LineEndpointSipPayload {
  line: { id: number; tenant_uuid: string; name: string | null };
  endpoint_sip: {
    uuid: string;
    tenant_uuid: string;
    label: string | null;
    name: string;
    auth_section_options: Pair[];
  };
}

export const lineEndpointSipAssociated = defineEvent<LineEndpointSipPayload>()({
  name: 'line_endpoint_sip_associated',
  routingKey: 'config.lines.{line[id]}.endpoints.sip.{endpoint_sip[uuid]}.updated',
  scope: 'tenant',
  service: 'confd',
});

export const lineEndpointSipDissociated = defineEvent<LineEndpointSipPayload>()({
  name: 'line_endpoint_sip_dissociated',
  routingKey: 'config.lines.{line[id]}.endpoints.sip.{endpoint_sip[uuid]}.deleted',
  scope: 'tenant',
  service: 'confd',
});

/** A custom endpoint on the bus (Wazo's `EndpointCustomDict`). */
export interface CustomEndpointPayload {
  id: number;
  tenant_uuid: string;
  interface: string;
  trunk: { id: number } | null;
  line: { id: number } | null;
}

const customEndpoint = <const N extends string>(name: N, routingKey: string) =>
  defineEvent<CustomEndpointPayload>()({ name, routingKey, scope: 'tenant', service: 'confd' });

export const customEndpointCreated = customEndpoint(
  'custom_endpoint_created',
  'config.custom_endpoint.created',
);
export const customEndpointEdited = customEndpoint('custom_endpoint_edited', 'config.custom_endpoint.edited');
export const customEndpointDeleted = customEndpoint(
  'custom_endpoint_deleted',
  'config.custom_endpoint.deleted',
);

/** An SCCP endpoint on the bus (Wazo's `EndpointSCCPDict`): no options. */
export interface SccpEndpointPayload {
  id: number;
  tenant_uuid: string;
  line: { id: number } | null;
}

const sccpEndpoint = <const N extends string>(name: N, routingKey: string) =>
  defineEvent<SccpEndpointPayload>()({ name, routingKey, scope: 'tenant', service: 'confd' });

export const sccpEndpointCreated = sccpEndpoint('sccp_endpoint_created', 'config.sccp_endpoint.created');
export const sccpEndpointEdited = sccpEndpoint('sccp_endpoint_edited', 'config.sccp_endpoint.edited');
export const sccpEndpointDeleted = sccpEndpoint('sccp_endpoint_deleted', 'config.sccp_endpoint.deleted');

type LineRef = LineEndpointSipPayload['line'];

export interface LineEndpointCustomPayload {
  line: LineRef;
  endpoint_custom: { id: number; tenant_uuid: string; interface: string };
}

export const lineEndpointCustomAssociated = defineEvent<LineEndpointCustomPayload>()({
  name: 'line_endpoint_custom_associated',
  routingKey: 'config.lines.{line[id]}.endpoints.custom.{endpoint_custom[id]}.updated',
  scope: 'tenant',
  service: 'confd',
});

export const lineEndpointCustomDissociated = defineEvent<LineEndpointCustomPayload>()({
  name: 'line_endpoint_custom_dissociated',
  routingKey: 'config.lines.{line[id]}.endpoints.custom.{endpoint_custom[id]}.deleted',
  scope: 'tenant',
  service: 'confd',
});

export interface LineEndpointSccpPayload {
  line: LineRef;
  endpoint_sccp: { id: number; tenant_uuid: string };
}

export const lineEndpointSccpAssociated = defineEvent<LineEndpointSccpPayload>()({
  name: 'line_endpoint_sccp_associated',
  routingKey: 'config.lines.{line[id]}.endpoints.sccp.{endpoint_sccp[id]}.updated',
  scope: 'tenant',
  service: 'confd',
});

export const lineEndpointSccpDissociated = defineEvent<LineEndpointSccpPayload>()({
  name: 'line_endpoint_sccp_dissociated',
  routingKey: 'config.lines.{line[id]}.endpoints.sccp.{endpoint_sccp[id]}.deleted',
  scope: 'tenant',
  service: 'confd',
});
