/** wazo-confd's IAX endpoint events: identity and trunk only (no secret, no options). */
import { defineEvent } from './define.js';

export interface IaxEndpointPayload {
  id: number;
  tenant_uuid: string;
  name: string;
  trunk: { id: number } | null;
}

const iaxEndpoint = <const N extends string>(name: N, routingKey: string) =>
  defineEvent<IaxEndpointPayload>()({ name, routingKey, scope: 'tenant', service: 'confd' });

export const iaxEndpointCreated = iaxEndpoint('iax_endpoint_created', 'config.iax_endpoint.created');
export const iaxEndpointEdited = iaxEndpoint('iax_endpoint_edited', 'config.iax_endpoint.edited');
export const iaxEndpointDeleted = iaxEndpoint('iax_endpoint_deleted', 'config.iax_endpoint.deleted');
