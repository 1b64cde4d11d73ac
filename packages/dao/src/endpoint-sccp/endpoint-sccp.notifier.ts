/** SCCP endpoint events, for the endpoint's tenant: `sccp_endpoint_created|edited|deleted` `{id, tenant_uuid, line}`. */
import { sccpEndpointCreated, sccpEndpointDeleted, sccpEndpointEdited } from '@wazo-ts/bus';
import type { Tx } from '../db/unit-of-work.js';
import type { EndpointSccp } from './endpoint-sccp.model.js';

const payload = (sccp: EndpointSccp) => ({
  id: sccp.id,
  tenant_uuid: sccp.tenant_uuid,
  line: sccp.line ? { id: sccp.line.id } : null,
});

const scoping = (sccp: EndpointSccp) => ({ tenantUuid: sccp.tenant_uuid });

export function createEndpointSccpNotifier() {
  return {
    created(tx: Tx, sccp: EndpointSccp): void {
      tx.events.add(sccpEndpointCreated.build(payload(sccp), scoping(sccp)));
    },
    edited(tx: Tx, sccp: EndpointSccp): void {
      tx.events.add(sccpEndpointEdited.build(payload(sccp), scoping(sccp)));
    },
    deleted(tx: Tx, sccp: EndpointSccp): void {
      tx.events.add(sccpEndpointDeleted.build(payload(sccp), scoping(sccp)));
    },
  };
}

export type EndpointSccpNotifier = ReturnType<typeof createEndpointSccpNotifier>;
