/**
 * The trunks' events, for the trunk's tenant: trunk_created/edited/deleted `{id}` and
 * trunk_endpoint_<sip|iax|custom>_associated|dissociated `{trunk: {id, tenant_uuid},
 * endpoint_<kind>: {...}}` with the fields Wazo's notifier dumps of each kind.
 */
import {
  trunkCreated,
  trunkDeleted,
  trunkEdited,
  trunkEndpointCustomAssociated,
  trunkEndpointCustomDissociated,
  trunkEndpointIaxAssociated,
  trunkEndpointIaxDissociated,
  trunkEndpointSipAssociated,
  trunkEndpointSipDissociated,
} from '@wazo-ts/bus';
import type { Tx } from '../db/unit-of-work.js';

interface Identity {
  id: number;
  tenant_uuid: string;
}
type Pair = [string, string];

export interface SipOfTrunk {
  uuid: string;
  tenant_uuid: string;
  name: string;
  auth_section_options: Pair[];
  registration_section_options: Pair[];
}
export interface IaxOfTrunk {
  id: number;
  tenant_uuid: string;
  name: string;
}
export interface CustomOfTrunk {
  id: number;
  tenant_uuid: string;
  interface: string;
}

const scoping = (trunk: Identity) => ({ tenantUuid: trunk.tenant_uuid });
const trunkOf = (trunk: Identity) => ({ id: trunk.id, tenant_uuid: trunk.tenant_uuid });
const only = (options: Pair[], key: string) => options.filter(([name]) => name === key);

const sip = (trunk: Identity, e: SipOfTrunk) => ({
  trunk: trunkOf(trunk),
  endpoint_sip: {
    uuid: e.uuid,
    tenant_uuid: e.tenant_uuid,
    name: e.name,
    auth_section_options: only(e.auth_section_options, 'username'),
    registration_section_options: only(e.registration_section_options, 'client_uri'),
  },
});
const iax = (trunk: Identity, e: IaxOfTrunk) => ({
  trunk: trunkOf(trunk),
  endpoint_iax: { id: e.id, tenant_uuid: e.tenant_uuid, name: e.name },
});
const custom = (trunk: Identity, e: CustomOfTrunk) => ({
  trunk: trunkOf(trunk),
  endpoint_custom: { id: e.id, tenant_uuid: e.tenant_uuid, interface: e.interface },
});

export function createTrunksNotifier() {
  return {
    created: (tx: Tx, trunk: Identity) => tx.events.add(trunkCreated.build({ id: trunk.id }, scoping(trunk))),
    edited: (tx: Tx, trunk: Identity) => tx.events.add(trunkEdited.build({ id: trunk.id }, scoping(trunk))),
    deleted: (tx: Tx, trunk: Identity) => tx.events.add(trunkDeleted.build({ id: trunk.id }, scoping(trunk))),
    sip: {
      associated: (tx: Tx, trunk: Identity, e: SipOfTrunk) =>
        tx.events.add(trunkEndpointSipAssociated.build(sip(trunk, e), scoping(trunk))),
      dissociated: (tx: Tx, trunk: Identity, e: SipOfTrunk) =>
        tx.events.add(trunkEndpointSipDissociated.build(sip(trunk, e), scoping(trunk))),
    },
    iax: {
      associated: (tx: Tx, trunk: Identity, e: IaxOfTrunk) =>
        tx.events.add(trunkEndpointIaxAssociated.build(iax(trunk, e), scoping(trunk))),
      dissociated: (tx: Tx, trunk: Identity, e: IaxOfTrunk) =>
        tx.events.add(trunkEndpointIaxDissociated.build(iax(trunk, e), scoping(trunk))),
    },
    custom: {
      associated: (tx: Tx, trunk: Identity, e: CustomOfTrunk) =>
        tx.events.add(trunkEndpointCustomAssociated.build(custom(trunk, e), scoping(trunk))),
      dissociated: (tx: Tx, trunk: Identity, e: CustomOfTrunk) =>
        tx.events.add(trunkEndpointCustomDissociated.build(custom(trunk, e), scoping(trunk))),
    },
  };
}

export type TrunksNotifier = ReturnType<typeof createTrunksNotifier>;
