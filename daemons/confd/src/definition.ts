/** wazo-confd as the daemon kit sees it: name, port, config keys, plugins and resources. */

import { type BaseConfig, type DaemonDefinition, packageVersion } from '@wazo-ts/daemon';
import { accessFeaturesPlugin } from './access-features/index.js';
import { agentSkillsPlugin, agentsPlugin, skillsPlugin } from './agents/index.js';
import { applicationsPlugin, lineApplicationsPlugin } from './applications/index.js';
import { blocklistsPlugin } from './blocklists/index.js';
import { callFiltersPlugin, callFilterUsersPlugin } from './call-filters/index.js';
import {
  callPermissionsPlugin,
  groupCallPermissionsPlugin,
  userCallPermissionsPlugin,
} from './call-permissions/index.js';
import { callPickupMembersPlugin, callPickupsPlugin } from './call-pickups/index.js';
import { answerLinksPlugin } from './common/answer-links.js';
import { renderConfdValidationError } from './common/errors.js';
import {
  conferenceExtensionsPlugin,
  conferencesPlugin,
  pagingsPlugin,
  pagingUsersPlugin,
  parkingLotExtensionsPlugin,
  parkingLotsPlugin,
} from './conferences/index.js';
import { ConfdConfigSchema, type ConfdOwnConfig } from './config.js';
import { contextIncludesPlugin, contextRangesPlugin, contextsPlugin } from './contexts/index.js';
import { devicesPlugin, lineDevicesPlugin } from './devices/index.js';
import {
  endpointCustomPlugin,
  endpointIaxPlugin,
  endpointSccpPlugin,
  endpointSipPlugin,
  lineEndpointsPlugin,
  sipTransportsPlugin,
} from './endpoints/index.js';
import { extensionFeaturesPlugin } from './extension-features/index.js';
import { extensionsPlugin } from './extensions/index.js';
import { externalAppsPlugin, userExternalAppsPlugin } from './external-apps/index.js';
import {
  callFilterFallbacksPlugin,
  groupFallbacksPlugin,
  queueFallbacksPlugin,
  userFallbacksPlugin,
} from './fallbacks/index.js';
import { funcKeyTemplatesPlugin, userFuncKeysPlugin } from './funckeys/index.js';
import {
  groupExtensionsPlugin,
  groupMemberExtensionsPlugin,
  groupMemberUsersPlugin,
  groupsPlugin,
  userGroupsPlugin,
} from './groups/index.js';
import {
  incallExtensionsPlugin,
  incallSchedulesPlugin,
  incallsPlugin,
  phoneNumbersPlugin,
} from './incalls/index.js';
import { infosPlugin } from './infos/index.js';
import { ivrPlugin } from './ivr/ivr.routes.js';
import { lineAssociationsPlugin, linesPlugin } from './lines/index.js';
import { ingressHttpPlugin, meetingAuthorizationsPlugin, meetingsPlugin } from './meetings/index.js';
import { mohPlugin } from './moh/moh.routes.js';
import {
  queueExtensionsPlugin,
  queueMembersPlugin,
  queueSchedulesPlugin,
  queuesPlugin,
} from './queues/index.js';
import { registrarsPlugin } from './registrars/index.js';
import { type ConfdResources, createConfdResources } from './resources.js';
import { groupSchedulesPlugin, schedulesPlugin, userSchedulesPlugin } from './schedules/index.js';
import { settingsMorePlugins, settingsPlugins } from './settings/index.js';
import { skillRulesPlugin } from './skill-rules/index.js';
import { soundsPlugin } from './sounds/sounds.routes.js';
import {
  switchboardFallbacksPlugin,
  switchboardMembersPlugin,
  switchboardsPlugin,
} from './switchboards/index.js';
import { soundLanguagesPlugin, timezonesPlugin } from './system/index.js';
import { tenantSyncPlugin } from './tenant-sync/index.js';
import { tenantsPlugin } from './tenants/index.js';
import {
  outcallCallPermissionsPlugin,
  outcallExtensionsPlugin,
  outcallSchedulesPlugin,
  outcallsPlugin,
  outcallTrunksPlugin,
  registersIaxPlugin,
  trunkEndpointsPlugin,
  trunkRegistersPlugin,
  trunksPlugin,
} from './trunks/index.js';
import { userImportPlugin } from './user-import/index.js';
import { userAgentsPlugin, userCallerIdsPlugin, userSubscriptionsPlugin } from './user-parts/index.js';
import { usersPlugin } from './users/index.js';
import { userVoicemailsPlugin, voicemailsPlugin } from './voicemails/index.js';
import { wizardPlugin } from './wizard/index.js';

export type ConfdConfig = BaseConfig & ConfdOwnConfig;

export const confdDaemon: DaemonDefinition<ConfdConfig, ConfdResources> = {
  name: 'confd',
  apiVersion: '1.1',
  version: packageVersion(import.meta.url),
  defaultPort: 9486,
  configSchema: ConfdConfigSchema,
  errorShape: 'confd',
  renderValidationError: renderConfdValidationError,
  // Tenant sync and recurse lists ask wazo-auth with confd's own token.
  serviceToken: 'required',
  // Before the resources: the tenant mirror is filled before any route may stamp a tenant.
  // Links first: its hook then fills the answer of every route.
  plugins: [
    answerLinksPlugin,
    tenantSyncPlugin,
    infosPlugin,
    usersPlugin,
    groupsPlugin,
    groupMemberUsersPlugin,
    userGroupsPlugin,
    contextsPlugin,
    contextRangesPlugin,
    contextIncludesPlugin,
    schedulesPlugin,
    extensionsPlugin,
    userSchedulesPlugin,
    groupSchedulesPlugin,
    linesPlugin,
    lineAssociationsPlugin,
    userFallbacksPlugin,
    groupFallbacksPlugin,
    groupExtensionsPlugin,
    funcKeyTemplatesPlugin,
    userFuncKeysPlugin,
    callPermissionsPlugin,
    userCallPermissionsPlugin,
    groupCallPermissionsPlugin,
    userCallerIdsPlugin,
    userAgentsPlugin,
    userSubscriptionsPlugin,
    groupMemberExtensionsPlugin,
    ...settingsPlugins,
    tenantsPlugin,
    timezonesPlugin,
    soundLanguagesPlugin,
    registrarsPlugin,
    accessFeaturesPlugin,
    endpointSipPlugin,
    sipTransportsPlugin,
    lineEndpointsPlugin,
    voicemailsPlugin,
    userVoicemailsPlugin,
    devicesPlugin,
    lineDevicesPlugin,
    callFiltersPlugin,
    callFilterUsersPlugin,
    callFilterFallbacksPlugin,
    endpointIaxPlugin,
    applicationsPlugin,
    lineApplicationsPlugin,
    blocklistsPlugin,
    externalAppsPlugin,
    userExternalAppsPlugin,
    extensionFeaturesPlugin,
    userImportPlugin,
    endpointCustomPlugin,
    endpointSccpPlugin,
    skillRulesPlugin,
    wizardPlugin,
    ...settingsMorePlugins,
    switchboardsPlugin,
    switchboardMembersPlugin,
    switchboardFallbacksPlugin,
    callPickupsPlugin,
    callPickupMembersPlugin,
    incallsPlugin,
    incallExtensionsPlugin,
    incallSchedulesPlugin,
    phoneNumbersPlugin,
    ingressHttpPlugin,
    meetingsPlugin,
    meetingAuthorizationsPlugin,
    agentsPlugin,
    skillsPlugin,
    agentSkillsPlugin,
    queuesPlugin,
    queueExtensionsPlugin,
    queueSchedulesPlugin,
    queueMembersPlugin,
    queueFallbacksPlugin,
    ivrPlugin,
    mohPlugin,
    soundsPlugin,
    trunksPlugin,
    trunkEndpointsPlugin,
    outcallsPlugin,
    outcallTrunksPlugin,
    outcallExtensionsPlugin,
    outcallSchedulesPlugin,
    outcallCallPermissionsPlugin,
    registersIaxPlugin,
    trunkRegistersPlugin,
    conferencesPlugin,
    conferenceExtensionsPlugin,
    pagingsPlugin,
    pagingUsersPlugin,
    parkingLotsPlugin,
    parkingLotExtensionsPlugin,
  ],
  createResources: createConfdResources,
};
