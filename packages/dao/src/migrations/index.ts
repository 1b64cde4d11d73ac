/**
 * The schema's versioned migrations, applied in name order by the migration runner. Each
 * resource area owns one file; a released migration is never edited, a new one is added.
 */
import type { Migration } from 'kysely';
import * as bus from './0000_bus_outbox.js';
import * as tenants from './0001_tenants.js';
import * as users from './0002_users.js';
import * as groupsSchedules from './0003_groups_schedules.js';
import * as contextsExtensionsLines from './0004_contexts_extensions_lines.js';
import * as searchIndexes from './0005_search_indexes.js';
import * as contextIncludes from './0006_context_includes.js';
import * as fallbacks from './0007_fallbacks.js';
import * as groupExtensions from './0008_group_extensions.js';
import * as endpointSip from './0010_endpoint_sip.js';
import * as settingsSections from './0015_settings_sections.js';
import * as registrars from './0016_registrars.js';
import * as accessFeatures from './0017_access_features.js';
import * as voicemails from './0020_voicemails.js';
import * as devices from './0021_devices.js';
import * as funcKeys from './0025_func_keys.js';
import * as callPermissions from './0030_call_permissions.js';
import * as groupMemberExtensions from './0031_group_member_extensions.js';
import * as usersPageIndex from './0035_users_page_index.js';
import * as tenantSipTemplates from './0040_tenant_sip_templates.js';
import * as defaultSipTransports from './0041_default_sip_transports.js';
import * as endpointCustom from './0042_endpoint_custom.js';
import * as endpointSccp from './0043_endpoint_sccp.js';
import * as endpointIax from './0044_endpoint_iax.js';
import * as applications from './0045_applications.js';
import * as callFilters from './0046_call_filters.js';
import * as funcKeyFilterMembers from './0047_func_key_filter_members.js';
import * as blocklistsExternalApps from './0048_blocklists_external_apps.js';
import * as featureExtensions from './0049_feature_extensions.js';
import * as trunksOutcalls from './0050_trunks_outcalls.js';
import * as registerIax from './0051_register_iax.js';
import * as incalls from './0055_incalls.js';
import * as phoneNumbers from './0056_phone_numbers.js';
import * as agentsSkills from './0060_agents_skills.js';
import * as queues from './0061_queues.js';
import * as funcKeyAgentsQueues from './0062_func_key_agents_queues.js';
import * as switchboards from './0065_switchboards.js';
import * as callPickups from './0066_call_pickups.js';
import * as conferences from './0070_conferences.js';
import * as pagings from './0071_pagings.js';
import * as parkingLots from './0072_parking_lots.js';
import * as ivr from './0075_ivr.js';
import * as moh from './0076_moh.js';
import * as meetings from './0080_meetings.js';
import * as skillRules from './0085_skill_rules.js';
import * as userDocumentIndexes from './0090_user_document_indexes.js';
import * as tenantPurge from './0095_tenant_purge.js';

export const migrations: Record<string, Migration> = {
  '0000_bus_outbox': bus,
  '0001_tenants': tenants,
  '0002_users': users,
  '0003_groups_schedules': groupsSchedules,
  '0004_contexts_extensions_lines': contextsExtensionsLines,
  '0005_search_indexes': searchIndexes,
  '0006_context_includes': contextIncludes,
  '0007_fallbacks': fallbacks,
  '0008_group_extensions': groupExtensions,
  '0025_func_keys': funcKeys,
  '0030_call_permissions': callPermissions,
  '0031_group_member_extensions': groupMemberExtensions,
  '0015_settings_sections': settingsSections,
  '0016_registrars': registrars,
  '0017_access_features': accessFeatures,
  '0010_endpoint_sip': endpointSip,
  '0035_users_page_index': usersPageIndex,
  '0020_voicemails': voicemails,
  '0021_devices': devices,
  '0040_tenant_sip_templates': tenantSipTemplates,
  '0041_default_sip_transports': defaultSipTransports,
  '0046_call_filters': callFilters,
  '0047_func_key_filter_members': funcKeyFilterMembers,
  '0044_endpoint_iax': endpointIax,
  '0045_applications': applications,
  '0048_blocklists_external_apps': blocklistsExternalApps,
  '0049_feature_extensions': featureExtensions,
  '0042_endpoint_custom': endpointCustom,
  '0043_endpoint_sccp': endpointSccp,
  '0085_skill_rules': skillRules,
  '0065_switchboards': switchboards,
  '0066_call_pickups': callPickups,
  '0055_incalls': incalls,
  '0056_phone_numbers': phoneNumbers,
  '0080_meetings': meetings,
  '0060_agents_skills': agentsSkills,
  '0061_queues': queues,
  '0062_func_key_agents_queues': funcKeyAgentsQueues,
  '0075_ivr': ivr,
  '0076_moh': moh,
  '0050_trunks_outcalls': trunksOutcalls,
  '0051_register_iax': registerIax,
  '0070_conferences': conferences,
  '0071_pagings': pagings,
  '0072_parking_lots': parkingLots,
  '0090_user_document_indexes': userDocumentIndexes,
  '0095_tenant_purge': tenantPurge,
};
