/**
 * wazo-confd's events of a user's blocklist, of tenants' and users' external apps, and of the
 * feature extensions, as wazo-bus declares them.
 */
import { defineEvent } from './define.js';

/** A blocklisted number as `/users/me/blocklist/numbers` shows it (without links). */
export interface BlocklistNumberPayload {
  uuid: string;
  number: string;
  label: string | null;
}

const blocklistNumberEvent = <const N extends string>(name: N, routingKey: string) =>
  defineEvent<BlocklistNumberPayload>()({ name, routingKey, scope: 'user', service: 'confd' });

export const userBlocklistNumberCreated = blocklistNumberEvent(
  'user_blocklist_number_created',
  'confd.users.{user_uuid}.blocklist.created',
);
export const userBlocklistNumberEdited = blocklistNumberEvent(
  'user_blocklist_number_edited',
  'confd.users.{user_uuid}.blocklist.edited',
);
export const userBlocklistNumberDeleted = blocklistNumberEvent(
  'user_blocklist_number_deleted',
  'confd.users.{user_uuid}.blocklist.deleted',
);

/** Wazo sends only the app's name. */
export interface ExternalAppPayload {
  name: string;
}

const externalAppEvent = <const N extends string>(name: N, routingKey: string) =>
  defineEvent<ExternalAppPayload>()({ name, routingKey, scope: 'tenant', service: 'confd' });

export const externalAppCreated = externalAppEvent('external_app_created', 'config.external_apps.created');
export const externalAppEdited = externalAppEvent('external_app_edited', 'config.external_apps.edited');
export const externalAppDeleted = externalAppEvent('external_app_deleted', 'config.external_apps.deleted');

export const userExternalAppCreated = externalAppEvent(
  'user_external_app_created',
  'config.user_external_apps.created',
);
export const userExternalAppEdited = externalAppEvent(
  'user_external_app_edited',
  'config.user_external_apps.edited',
);
export const userExternalAppDeleted = externalAppEvent(
  'user_external_app_deleted',
  'config.user_external_apps.deleted',
);

/** Only the feature extension's uuid: a service event (internal, no tenant). */
export const extensionFeatureEdited = defineEvent<{ uuid: string }>()({
  name: 'extension_feature_edited',
  routingKey: 'config.extension_feature.edited',
  scope: 'service',
  service: 'confd',
});
