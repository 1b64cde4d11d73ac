/**
 * wazo-confd's trunk and outcall events: the trunk, its endpoint, the outcall, its trunks and
 * its extensions. All go to the resource's tenant.
 */
import { defineEvent } from './define.js';

type Pair = [string, string];

export interface TrunkPayload {
  id: number;
}

const trunkEvent = <const N extends string>(name: N, routingKey: string) =>
  defineEvent<TrunkPayload>()({ name, routingKey, scope: 'tenant', service: 'confd' });

export const trunkCreated = trunkEvent('trunk_created', 'config.trunk.created');
export const trunkEdited = trunkEvent('trunk_edited', 'config.trunk.edited');
export const trunkDeleted = trunkEvent('trunk_deleted', 'config.trunk.deleted');

interface TrunkRef {
  id: number;
  tenant_uuid: string;
}

export interface TrunkEndpointSipPayload {
  trunk: TrunkRef;
  endpoint_sip: {
    uuid: string;
    tenant_uuid: string;
    name: string;
    auth_section_options: Pair[];
    registration_section_options: Pair[];
  };
}

export interface TrunkEndpointIaxPayload {
  trunk: TrunkRef;
  endpoint_iax: { id: number; tenant_uuid: string; name: string };
}

export interface TrunkEndpointCustomPayload {
  trunk: TrunkRef;
  endpoint_custom: { id: number; tenant_uuid: string; interface: string };
}

const trunkEndpoint =
  <P extends object>() =>
  <const N extends string>(name: N, routingKey: string) =>
    defineEvent<P>()({ name, routingKey, scope: 'tenant', service: 'confd' });

export const trunkEndpointSipAssociated = trunkEndpoint<TrunkEndpointSipPayload>()(
  'trunk_endpoint_sip_associated',
  'config.trunks.{trunk[id]}.endpoints.sip.{endpoint_sip[uuid]}.updated',
);
export const trunkEndpointSipDissociated = trunkEndpoint<TrunkEndpointSipPayload>()(
  'trunk_endpoint_sip_dissociated',
  'config.trunks.{trunk[id]}.endpoints.sip.{endpoint_sip[uuid]}.deleted',
);
export const trunkEndpointIaxAssociated = trunkEndpoint<TrunkEndpointIaxPayload>()(
  'trunk_endpoint_iax_associated',
  'config.trunks.{trunk[id]}.endpoints.iax.{endpoint_iax[id]}.updated',
);
export const trunkEndpointIaxDissociated = trunkEndpoint<TrunkEndpointIaxPayload>()(
  'trunk_endpoint_iax_dissociated',
  'config.trunks.{trunk[id]}.endpoints.iax.{endpoint_iax[id]}.deleted',
);
export const trunkEndpointCustomAssociated = trunkEndpoint<TrunkEndpointCustomPayload>()(
  'trunk_endpoint_custom_associated',
  'config.trunks.{trunk[id]}.endpoints.custom.{endpoint_custom[id]}.updated',
);
export const trunkEndpointCustomDissociated = trunkEndpoint<TrunkEndpointCustomPayload>()(
  'trunk_endpoint_custom_dissociated',
  'config.trunks.{trunk[id]}.endpoints.custom.{endpoint_custom[id]}.deleted',
);

export interface OutcallPayload {
  id: number;
}

const outcallEvent = <const N extends string>(name: N, routingKey: string) =>
  defineEvent<OutcallPayload>()({ name, routingKey, scope: 'tenant', service: 'confd' });

export const outcallCreated = outcallEvent('outcall_created', 'config.outcalls.created');
export const outcallEdited = outcallEvent('outcall_edited', 'config.outcalls.edited');
export const outcallDeleted = outcallEvent('outcall_deleted', 'config.outcalls.deleted');

export interface OutcallTrunksPayload {
  outcall_id: number;
  trunk_ids: number[];
}

export const outcallTrunksAssociated = defineEvent<OutcallTrunksPayload>()({
  name: 'outcall_trunks_associated',
  routingKey: 'config.outcalls.trunks.updated',
  scope: 'tenant',
  service: 'confd',
});

export interface OutcallExtensionPayload {
  outcall_id: number;
  extension_id: number;
}

export const outcallExtensionAssociated = defineEvent<OutcallExtensionPayload>()({
  name: 'outcall_extension_associated',
  routingKey: 'config.outcalls.extensions.updated',
  scope: 'tenant',
  service: 'confd',
});

export const outcallExtensionDissociated = defineEvent<OutcallExtensionPayload>()({
  name: 'outcall_extension_dissociated',
  routingKey: 'config.outcalls.extensions.deleted',
  scope: 'tenant',
  service: 'confd',
});

export interface OutcallSchedulePayload {
  outcall_id: number;
  schedule_id: number;
}

export const outcallScheduleAssociated = defineEvent<OutcallSchedulePayload>()({
  name: 'outcall_schedule_associated',
  routingKey: 'config.outcalls.schedules.updated',
  scope: 'tenant',
  service: 'confd',
});

export const outcallScheduleDissociated = defineEvent<OutcallSchedulePayload>()({
  name: 'outcall_schedule_dissociated',
  routingKey: 'config.outcalls.schedules.deleted',
  scope: 'tenant',
  service: 'confd',
});

export interface OutcallCallPermissionPayload {
  outcall_id: number;
  call_permission_id: number;
}

export const outcallCallPermissionAssociated = defineEvent<OutcallCallPermissionPayload>()({
  name: 'outcall_call_permission_associated',
  routingKey: 'config.outcalls.{outcall_id}.callpermissions.updated',
  scope: 'tenant',
  service: 'confd',
});

export const outcallCallPermissionDissociated = defineEvent<OutcallCallPermissionPayload>()({
  name: 'outcall_call_permission_dissociated',
  routingKey: 'config.outcalls.{outcall_id}.callpermissions.deleted',
  scope: 'tenant',
  service: 'confd',
});

export interface RegisterIaxPayload {
  id: number;
}

const registerIax = <const N extends string>(name: N, routingKey: string) =>
  defineEvent<RegisterIaxPayload>()({ name, routingKey, scope: 'service', service: 'confd' });

export const registerIaxCreated = registerIax('register_iax_created', 'config.register.iax.created');
export const registerIaxEdited = registerIax('register_iax_edited', 'config.register.iax.edited');
export const registerIaxDeleted = registerIax('register_iax_deleted', 'config.register.iax.deleted');

export interface TrunkRegisterIaxPayload {
  trunk_id: number;
  register_id: number;
}

export const trunkRegisterIaxAssociated = defineEvent<TrunkRegisterIaxPayload>()({
  name: 'trunk_register_iax_associated',
  routingKey: 'config.trunks.registers.iax.updated',
  scope: 'tenant',
  service: 'confd',
});

export const trunkRegisterIaxDissociated = defineEvent<TrunkRegisterIaxPayload>()({
  name: 'trunk_register_iax_dissociated',
  routingKey: 'config.trunks.registers.iax.deleted',
  scope: 'tenant',
  service: 'confd',
});
