/** A line's SIP endpoint events: `line_endpoint_sip_associated|dissociated` `{line, endpoint_sip}`. */
import {
  type LineEndpointSipPayload,
  lineEndpointSipAssociated,
  lineEndpointSipDissociated,
} from '@wazo-ts/bus';
import type { Tx } from '../db/unit-of-work.js';
import type { SipResource } from '../endpoint-sip/endpoint-sip.model.js';
import type { Line } from '../lines/lines.model.js';

const payload = (line: Line, sip: SipResource): LineEndpointSipPayload => ({
  line: { id: line.id, tenant_uuid: line.tenant_uuid, name: line.name },
  endpoint_sip: {
    uuid: sip.uuid,
    tenant_uuid: sip.tenant_uuid,
    label: sip.label,
    name: sip.name,
    auth_section_options: sip.auth_section_options.filter(([key]) => key === 'username'),
  },
});

export function createLineEndpointsNotifier() {
  return {
    associated(tx: Tx, line: Line, sip: SipResource): void {
      tx.events.add(lineEndpointSipAssociated.build(payload(line, sip), { tenantUuid: line.tenant_uuid }));
    },
    dissociated(tx: Tx, line: Line, sip: SipResource): void {
      tx.events.add(lineEndpointSipDissociated.build(payload(line, sip), { tenantUuid: line.tenant_uuid }));
    },
  };
}

export type LineEndpointsNotifier = ReturnType<typeof createLineEndpointsNotifier>;
