/** wazo-confd's IVR and music on hold events. */
import { defineEvent } from './define.js';

export interface IvrPayload {
  id: number;
}

const ivrEvent = <const N extends string>(name: N, routingKey: string) =>
  defineEvent<IvrPayload>()({ name, routingKey, scope: 'tenant', service: 'confd' });

export const ivrCreated = ivrEvent('ivr_created', 'config.ivr.created');
export const ivrEdited = ivrEvent('ivr_edited', 'config.ivr.edited');
export const ivrDeleted = ivrEvent('ivr_deleted', 'config.ivr.deleted');

/** A music on hold class as its events show it (Wazo's MOHDict). */
export interface MohPayload {
  uuid: string;
  tenant_uuid: string;
  name: string;
}

const mohEvent = <const N extends string>(name: N, routingKey: string) =>
  defineEvent<MohPayload>()({ name, routingKey, scope: 'tenant', service: 'confd' });

export const mohCreated = mohEvent('moh_created', 'config.moh.created');
export const mohEdited = mohEvent('moh_edited', 'config.moh.edited');
export const mohDeleted = mohEvent('moh_deleted', 'config.moh.deleted');
