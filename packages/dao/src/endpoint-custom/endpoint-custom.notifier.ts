/**
 * Custom endpoint events, for the endpoint's tenant: `custom_endpoint_created|edited|deleted`
 * with `{id, tenant_uuid, interface, trunk, line}` (Wazo's `ENDPOINT_CUSTOM_FIELDS`).
 */
import {
  type CustomEndpointPayload,
  customEndpointCreated,
  customEndpointDeleted,
  customEndpointEdited,
} from '@wazo-ts/bus';
import type { Tx } from '../db/unit-of-work.js';
import type { EndpointCustom } from './endpoint-custom.model.js';

const payload = (custom: EndpointCustom): CustomEndpointPayload => ({
  id: custom.id,
  tenant_uuid: custom.tenant_uuid,
  interface: custom.interface,
  trunk: custom.trunk,
  line: custom.line ? { id: custom.line.id } : null,
});

const scoping = (custom: EndpointCustom) => ({ tenantUuid: custom.tenant_uuid });

export function createEndpointCustomNotifier() {
  return {
    created(tx: Tx, custom: EndpointCustom): void {
      tx.events.add(customEndpointCreated.build(payload(custom), scoping(custom)));
    },
    edited(tx: Tx, custom: EndpointCustom): void {
      tx.events.add(customEndpointEdited.build(payload(custom), scoping(custom)));
    },
    deleted(tx: Tx, custom: EndpointCustom): void {
      tx.events.add(customEndpointDeleted.build(payload(custom), scoping(custom)));
    },
  };
}

export type EndpointCustomNotifier = ReturnType<typeof createEndpointCustomNotifier>;
