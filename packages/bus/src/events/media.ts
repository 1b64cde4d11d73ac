/** wazo-confd's IVR, music on hold and sound category events. */
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

export interface SoundPayload {
  name: string;
}

const soundEvent = <const N extends string>(name: N, routingKey: string) =>
  defineEvent<SoundPayload>()({ name, routingKey, scope: 'tenant', service: 'confd' });

export const soundCreated = soundEvent('sound_created', 'config.sounds.created');
export const soundDeleted = soundEvent('sound_deleted', 'config.sounds.deleted');
