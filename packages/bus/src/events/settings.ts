/**
 * wazo-confd's events for global and per-tenant settings: Asterisk sections, live reload,
 * provisioning, e-mail, localization, voicemail transcription, registrars, feature extensions and
 * access features. Most are service events (internal, no tenant) with an empty payload, as Wazo's.
 */
import { defineEvent } from './define.js';

type Empty = Record<string, never>;

/** A service event whose payload is empty: a section was replaced as a whole. */
const sectionEdited = <const N extends string>(name: N, routingKey: string) =>
  defineEvent<Empty>()({ name, routingKey, scope: 'service', service: 'confd' });

export const pjsipGlobalUpdated = sectionEdited('pjsip_global_updated', 'config.pjsip_global.updated');
export const pjsipSystemUpdated = sectionEdited('pjsip_system_updated', 'config.pjsip_system.updated');
export const rtpGeneralEdited = sectionEdited('rtp_general_edited', 'config.rtp_general.edited');
export const rtpIceHostCandidatesEdited = sectionEdited(
  'rtp_ice_host_candidates_edited',
  'config.rtp_ice_host_candidates.edited',
);
export const hepGeneralEdited = sectionEdited('hep_general_edited', 'config.hep_general.edited');
export const sccpGeneralEdited = sectionEdited('sccp_general_edited', 'config.sccp_general.edited');
export const iaxGeneralEdited = sectionEdited('iax_general_edited', 'config.iax_general.edited');
export const iaxCallnumberlimitsEdited = sectionEdited(
  'iax_callnumberlimits_edited',
  'config.iax_callnumberlimits.edited',
);
export const voicemailGeneralEdited = sectionEdited(
  'voicemail_general_edited',
  'config.voicemail_general.edited',
);
export const voicemailZonemessagesEdited = sectionEdited(
  'voicemail_zonemessages_edited',
  'config.voicemail_zonemessages.edited',
);
export const provisioningNetworkingEdited = sectionEdited(
  'provisioning_networking_edited',
  'config.provisioning.networking.edited',
);
export const emailConfigUpdated = sectionEdited('email_config_updated', 'config.email.updated');

export const liveReloadEdited = defineEvent<{ live_reload_enabled: boolean }>()({
  name: 'live_reload_edited',
  routingKey: 'config.live_reload.edited',
  scope: 'service',
  service: 'confd',
});

export const localizationEdited = defineEvent<{ tenant_uuid: string; country: string | null }>()({
  name: 'localization_edited',
  routingKey: 'config.localization.edited',
  scope: 'tenant',
  service: 'confd',
});

export const voicemailTranscriptionConfigEdited = defineEvent<{ enabled: boolean }>()({
  name: 'voicemail_transcription_config_edited',
  routingKey: 'config.voicemail_transcription.edited',
  scope: 'tenant',
  service: 'confd',
});

/** A registrar as wazo-confd shows it (without links), the payload of its events. */
export interface RegistrarPayload {
  id: string;
  deletable: boolean;
  name: string | null;
  main_host: string;
  main_port: number | null;
  backup_host: string | null;
  backup_port: number | null;
  proxy_main_host: string;
  proxy_main_port: number | null;
  proxy_backup_host: string | null;
  proxy_backup_port: number | null;
  outbound_proxy_host: string | null;
  outbound_proxy_port: number | null;
}

const registrarEvent = <const N extends string>(name: N, routingKey: string) =>
  defineEvent<RegistrarPayload>()({ name, routingKey, scope: 'service', service: 'confd' });

export const registrarCreated = registrarEvent('registrar_created', 'config.registrar.created');
export const registrarEdited = registrarEvent('registrar_edited', 'config.registrar.edited');
export const registrarDeleted = registrarEvent('registrar_deleted', 'config.registrar.deleted');

export interface AccessFeaturePayload {
  id: number;
  host: string;
  feature: string;
  enabled: boolean;
}

const accessFeatureEvent = <const N extends string>(name: N, routingKey: string) =>
  defineEvent<AccessFeaturePayload>()({ name, routingKey, scope: 'service', service: 'confd' });

export const accessFeatureCreated = accessFeatureEvent(
  'access_feature_created',
  'config.access_feature.created',
);
export const accessFeatureEdited = accessFeatureEvent(
  'access_feature_edited',
  'config.access_feature.edited',
);
export const accessFeatureDeleted = accessFeatureEvent(
  'access_feature_deleted',
  'config.access_feature.deleted',
);
