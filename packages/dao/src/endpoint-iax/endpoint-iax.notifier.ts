/** The IAX endpoints' events, for the endpoint's tenant: id, tenant, name and trunk. */
import {
  type IaxEndpointPayload,
  iaxEndpointCreated,
  iaxEndpointDeleted,
  iaxEndpointEdited,
} from '@wazo-ts/bus';
import type { Tx } from '../db/unit-of-work.js';
import type { IaxEndpoint } from './endpoint-iax.model.js';

const payload = (iax: IaxEndpoint): IaxEndpointPayload => ({
  id: iax.id,
  tenant_uuid: iax.tenant_uuid,
  name: iax.name,
  trunk: iax.trunk,
});

export function createEndpointIaxNotifier() {
  const scoping = (iax: IaxEndpoint) => ({ tenantUuid: iax.tenant_uuid });
  return {
    created: (tx: Tx, iax: IaxEndpoint) =>
      tx.events.add(iaxEndpointCreated.build(payload(iax), scoping(iax))),
    edited: (tx: Tx, iax: IaxEndpoint) => tx.events.add(iaxEndpointEdited.build(payload(iax), scoping(iax))),
    deleted: (tx: Tx, iax: IaxEndpoint) =>
      tx.events.add(iaxEndpointDeleted.build(payload(iax), scoping(iax))),
  };
}

export type EndpointIaxNotifier = ReturnType<typeof createEndpointIaxNotifier>;
