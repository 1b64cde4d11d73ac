/**
 * wazo-confd's settings plugins of part 3, on the settings-section routes: ConfBridge's and the
 * features' Asterisk sections, the queues' [general], the tenant's recording announcements, DHCP
 * and high availability, with Wazo's paths, ACLs and master-tenant rules.
 */
import {
  dhcpBodySchema,
  dhcpSchema,
  haBodySchema,
  haSchema,
  optionsBodyOf,
  recordingAnnouncementsBodySchema,
  recordingAnnouncementsSchema,
} from '@wazo-ts/dao';
import { asteriskOptions, fixedSection } from './settings.plugins.js';
import { settingsPlugin } from './settings-routes.js';

export const confbridgePlugin = settingsPlugin('confbridge', [
  asteriskOptions('confbridge', 'wazo_default_bridge', 'confbridgeDefaultBridge', 255),
  asteriskOptions('confbridge', 'wazo_default_user', 'confbridgeDefaultUser', 255),
]);

/** `features.conf`: keys up to 128 characters, values up to 255. */
export const featuresPlugin = settingsPlugin('features', [
  asteriskOptions('features', 'applicationmap', 'featuresApplicationmap', 128, 'get', 255),
  asteriskOptions('features', 'featuremap', 'featuresFeaturemap', 128, 'get', 255),
  asteriskOptions('features', 'general', 'featuresGeneral', 128, 'get', 255),
]);

// Wazo's path says `queues`, its ACLs `queue`.
export const queueGeneralPlugin = settingsPlugin('queue_general', [
  {
    ...asteriskOptions('queue', 'general', 'queueGeneral', 128),
    path: '/asterisk/queues/general',
    summary: 'the queues general options',
    tags: ['asterisk', 'queues'],
    body: optionsBodyOf(128),
  },
]);

export const recordingsPlugin = settingsPlugin('recordings', [
  fixedSection(
    '/recordings/announcements',
    'recordingAnnouncements',
    'confd.recordings.announcements',
    false,
    "the tenant's recording announcements",
    [recordingAnnouncementsBodySchema, recordingAnnouncementsSchema],
  ),
]);

export const dhcpPlugin = settingsPlugin('dhcp', [
  fixedSection('/dhcp', 'dhcp', 'confd.dhcp', true, 'the DHCP server configuration', [
    dhcpBodySchema,
    dhcpSchema,
  ]),
]);

export const haPlugin = settingsPlugin('ha', [
  fixedSection('/ha', 'ha', 'confd.ha', true, 'the high availability configuration', [
    haBodySchema,
    haSchema,
  ]),
]);

export const settingsMorePlugins = [
  confbridgePlugin,
  featuresPlugin,
  queueGeneralPlugin,
  recordingsPlugin,
  dhcpPlugin,
  haPlugin,
];
