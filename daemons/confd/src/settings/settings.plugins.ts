/**
 * wazo-confd's settings plugins, declared on the settings-section routes: Asterisk sections,
 * live reload, provisioning networking, e-mail, localization and voicemail transcription, with
 * Wazo's paths, ACLs and master-tenant rules.
 */
import {
  emailBodySchema,
  emailSchema,
  iaxCallNumberLimitsSchema,
  iaxGeneralAnswerSchema,
  iaxGeneralBodySchema,
  liveReloadSchema,
  localizationBodySchema,
  localizationSchema,
  optionsAnswerSchema,
  optionsBodyOf,
  provisioningNetworkingBodySchema,
  provisioningNetworkingSchema,
  voicemailTranscriptionSchema,
  zoneMessagesAnswerSchema,
  zoneMessagesBodySchema,
} from '@wazo-ts/dao';
import { type SettingsRoute, settingsPlugin } from './settings-routes.js';

const masterOnly = { get: true, put: true };

/** An Asterisk `[section]` of `file` edited as options (`confd.asterisk.<file>.<section>.*`). */
export function asteriskOptions(
  file: string,
  section: string,
  service: SettingsRoute['section'],
  keyLength: number,
  read = 'get',
  valueLength?: number,
): SettingsRoute {
  return {
    path: `/asterisk/${file}/${section}`,
    section: service,
    acl: {
      get: `confd.asterisk.${file}.${section}.${read}`,
      put: `confd.asterisk.${file}.${section}.update`,
    },
    master: masterOnly,
    summary: `the ${file} ${section} options`,
    tags: ['asterisk', file],
    body: optionsBodyOf(keyLength, valueLength),
    answer: optionsAnswerSchema,
  };
}

export const pjsipSettingsPlugin = settingsPlugin('pjsip_sections', [
  asteriskOptions('pjsip', 'global', 'pjsipGlobal', 255, 'read'),
  asteriskOptions('pjsip', 'system', 'pjsipSystem', 255, 'read'),
]);

export const rtpPlugin = settingsPlugin('rtp', [
  asteriskOptions('rtp', 'general', 'rtpGeneral', 255),
  asteriskOptions('rtp', 'ice_host_candidates', 'rtpIceHostCandidates', 255),
]);

export const hepPlugin = settingsPlugin('hep', [asteriskOptions('hep', 'general', 'hepGeneral', 255)]);

export const sccpGeneralPlugin = settingsPlugin('sccp_general', [
  asteriskOptions('sccp', 'general', 'sccpGeneral', 80, 'get', 80),
]);

export const voicemailGeneralPlugin = settingsPlugin('voicemail_general', [
  asteriskOptions('voicemail', 'general', 'voicemailGeneral', 128),
]);

export const iaxGeneralPlugin = settingsPlugin('iax_general', [
  {
    ...asteriskOptions('iax', 'general', 'iaxGeneral', 128),
    body: iaxGeneralBodySchema,
    answer: iaxGeneralAnswerSchema,
  },
]);

export const iaxCallNumberLimitsPlugin = settingsPlugin('iax_callnumberlimits', [
  {
    ...asteriskOptions('iax', 'callnumberlimits', 'iaxCallNumberLimits', 0),
    summary: 'the IAX call number limits',
    body: iaxCallNumberLimitsSchema,
    answer: iaxCallNumberLimitsSchema,
  },
]);

// Any tenant may read the zone messages (Wazo's own exception); only the master tenant changes them.
export const voicemailZoneMessagesPlugin = settingsPlugin('voicemail_zonemessages', [
  {
    ...asteriskOptions('voicemail', 'zonemessages', 'voicemailZoneMessages', 0),
    master: { get: false, put: true },
    summary: 'the voicemail zone messages',
    body: zoneMessagesBodySchema,
    answer: zoneMessagesAnswerSchema,
  },
]);

/** A section of fixed fields at `path`, its ACLs `<acl>.read|update`. */
export function fixedSection(
  path: string,
  section: SettingsRoute['section'],
  acl: string,
  master: boolean,
  summary: string,
  [body, answer]: [SettingsRoute['body'], SettingsRoute['answer']],
): SettingsRoute {
  const tags = [path.split('/')[1] as string];
  return {
    path,
    section,
    acl: { get: `${acl}.read`, put: `${acl}.update` },
    master: { get: master, put: master },
    summary,
    tags,
    body,
    answer,
  };
}

export const configurationPlugin = settingsPlugin('configuration', [
  fixedSection(
    '/configuration/live_reload',
    'liveReload',
    'confd.configuration.live_reload',
    true,
    'the live reload status',
    [liveReloadSchema, liveReloadSchema],
  ),
]);

export const provisioningNetworkingPlugin = settingsPlugin('provisioning_networking', [
  fixedSection(
    '/provisioning/networking',
    'provisioningNetworking',
    'confd.provisioning.networking',
    true,
    "the provisioning server's networking",
    [provisioningNetworkingBodySchema, provisioningNetworkingSchema],
  ),
]);

export const emailPlugin = settingsPlugin('email', [
  fixedSection('/emails', 'email', 'confd.emails', true, 'the mail relay configuration', [
    emailBodySchema,
    emailSchema,
  ]),
]);

export const localizationPlugin = settingsPlugin('localization', [
  fixedSection('/localization', 'localization', 'confd.localization', false, "the tenant's localization", [
    localizationBodySchema,
    localizationSchema,
  ]),
]);

export const voicemailTranscriptionPlugin = settingsPlugin('voicemail_transcription', [
  fixedSection(
    '/voicemails/transcription',
    'voicemailTranscription',
    'confd.voicemails.transcription',
    false,
    "the tenant's voicemail transcription",
    [voicemailTranscriptionSchema, voicemailTranscriptionSchema],
  ),
]);

/** Every settings plugin, in the order confd lists them. */
export const settingsPlugins = [
  pjsipSettingsPlugin,
  rtpPlugin,
  hepPlugin,
  sccpGeneralPlugin,
  iaxGeneralPlugin,
  iaxCallNumberLimitsPlugin,
  voicemailGeneralPlugin,
  voicemailZoneMessagesPlugin,
  configurationPlugin,
  provisioningNetworkingPlugin,
  emailPlugin,
  localizationPlugin,
  voicemailTranscriptionPlugin,
];
