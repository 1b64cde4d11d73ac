/**
 * SIP endpoint and template events, for the resource's tenant. An endpoint's event shows its
 * identity, its username, its registration URI and its line; a template's event is empty.
 */
import {
  type SipEndpointPayload,
  sipEndpointCreated,
  sipEndpointDeleted,
  sipEndpointEdited,
  sipEndpointTemplateCreated,
  sipEndpointTemplateDeleted,
  sipEndpointTemplateEdited,
} from '@wazo-ts/bus';
import type { Tx } from '../db/unit-of-work.js';
import type { SipOption, SipResource } from './endpoint-sip.model.js';

const only = (options: SipOption[], key: string) => options.filter(([k]) => k === key);

export const sipEndpointPayload = (sip: SipResource): SipEndpointPayload => ({
  uuid: sip.uuid,
  tenant_uuid: sip.tenant_uuid,
  name: sip.name,
  label: sip.label,
  auth_section_options: only(sip.auth_section_options, 'username'),
  registration_section_options: only(sip.registration_section_options, 'client_uri'),
  trunk: sip.trunk ?? null,
  line: sip.line ?? null,
});

export interface EndpointSipNotifier {
  created(tx: Tx, sip: SipResource): void;
  edited(tx: Tx, sip: SipResource): void;
  deleted(tx: Tx, sip: SipResource): void;
}

export function createEndpointSipNotifier(): EndpointSipNotifier {
  const scoping = (sip: SipResource) => ({ tenantUuid: sip.tenant_uuid });
  return {
    created: (tx, sip) => tx.events.add(sipEndpointCreated.build(sipEndpointPayload(sip), scoping(sip))),
    edited: (tx, sip) => tx.events.add(sipEndpointEdited.build(sipEndpointPayload(sip), scoping(sip))),
    deleted: (tx, sip) => tx.events.add(sipEndpointDeleted.build(sipEndpointPayload(sip), scoping(sip))),
  };
}

export function createSipTemplateNotifier(): EndpointSipNotifier {
  const scoping = (sip: SipResource) => ({ tenantUuid: sip.tenant_uuid });
  return {
    created: (tx, sip) => tx.events.add(sipEndpointTemplateCreated.build({}, scoping(sip))),
    edited: (tx, sip) => tx.events.add(sipEndpointTemplateEdited.build({}, scoping(sip))),
    deleted: (tx, sip) => tx.events.add(sipEndpointTemplateDeleted.build({}, scoping(sip))),
  };
}
