/**
 * wazo-confd's events for the settings of part 3: ConfBridge, features and queues' Asterisk
 * sections, DHCP, high availability and the wizard (service events with an empty payload, as
 * Wazo's), the tenant's recording announcements and the queues' skill rules (tenant events).
 */
import { defineEvent } from './define.js';

type Empty = Record<string, never>;

const sectionEdited = <const N extends string>(name: N, routingKey: string) =>
  defineEvent<Empty>()({ name, routingKey, scope: 'service', service: 'confd' });

export const confbridgeWazoDefaultBridgeEdited = sectionEdited(
  'confbridge_wazo_default_bridge_edited',
  'config.confbridge_wazo_default_bridge.edited',
);
export const confbridgeWazoDefaultUserEdited = sectionEdited(
  'confbridge_wazo_default_user_edited',
  'config.confbridge_wazo_default_user.edited',
);
export const featuresApplicationmapEdited = sectionEdited(
  'features_applicationmap_edited',
  'config.features_applicationmap.edited',
);
export const featuresFeaturemapEdited = sectionEdited(
  'features_featuremap_edited',
  'config.features_featuremap.edited',
);
export const featuresGeneralEdited = sectionEdited(
  'features_general_edited',
  'config.features_general.edited',
);
export const queueGeneralEdited = sectionEdited('queue_general_edited', 'config.queue_general.edited');
export const dhcpEdited = sectionEdited('dhcp_edited', 'config.dhcp.edited');
export const haEdited = sectionEdited('ha_edited', 'config.ha.edited');
export const wizardCreated = sectionEdited('wizard_created', 'config.wizard.created');

/** The tenant's recording announcements as shown (`recording_start`, `recording_stop`). */
export const recordingsAnnouncementsEdited = defineEvent<{
  recording_start: string | null;
  recording_stop: string | null;
}>()({
  name: 'recordings_announcements_edited',
  routingKey: 'config.recordings.announcements.edited',
  scope: 'tenant',
  service: 'confd',
});

const skillRuleEvent = <const N extends string>(name: N, routingKey: string) =>
  defineEvent<{ id: number }>()({ name, routingKey, scope: 'tenant', service: 'confd' });

export const skillRuleCreated = skillRuleEvent('skill_rule_created', 'config.queues.skillrules.created');
export const skillRuleEdited = skillRuleEvent('skill_rule_edited', 'config.queues.skillrules.edited');
export const skillRuleDeleted = skillRuleEvent('skill_rule_deleted', 'config.queues.skillrules.deleted');
