/**
 * The Service API's daos, one of each, and the cross-resource lookups answered by the resource
 * that owns the data: a user by the users dao, a user's lines by the user-lines dao.
 */

import { createAgentsDao } from './agents/index.js';
import { createApplicationsDao, lineApplicationLink } from './applications/index.js';
import { createCallFiltersDao } from './call-filters/index.js';
import {
  createCallPermissionsDao,
  groupCallPermissionLink,
  userCallPermissionLink,
} from './call-permissions/index.js';
import { createContextsDao } from './contexts/index.js';
import type { Tx } from './db/unit-of-work.js';
import { createDevicesDao } from './devices/index.js';
import { createEndpointCustomDao } from './endpoint-custom/index.js';
import { createEndpointIaxDao } from './endpoint-iax/index.js';
import { createEndpointSccpDao } from './endpoint-sccp/index.js';
import { createEndpointSipDao } from './endpoint-sip/index.js';
import { createExtensionsDao } from './extensions/index.js';
import { createFuncKeysDao } from './func-keys/index.js';
import { createGroupMemberExtensionsDao } from './group-member-extensions/index.js';
import {
  createGroupMembersDao,
  type FindUser,
  type HasLine,
  type MainLineId,
} from './group-members/index.js';
import { groupScheduleLink } from './group-schedules/index.js';
import { createGroupsDao } from './groups/index.js';
import { incallScheduleLink } from './incall-schedules/index.js';
import { createIncallsDao } from './incalls/index.js';
import { createLineExtensionsDao } from './line-extensions/index.js';
import { createLinesDao } from './lines/index.js';
import { createLinkDao } from './links/index.js';
import { createOutcallsDao } from './outcalls/index.js';
import { createPhoneNumbersDao } from './phone-numbers/index.js';
import { createQueuesDao } from './queues/index.js';
import { createSchedulesDao } from './schedules/index.js';
import { scopeOf } from './search/search.js';
import { createConferenceGroupDaos } from './service-api-conferences-daos.js';
import { createSipTransportsDao } from './sip-transports/index.js';
import { createTenantsDao } from './tenants/index.js';
import { createTrunksDao } from './trunks/index.js';
import { userForwardsSetting } from './user-forwards/index.js';
import { createUserLinesDao } from './user-lines/index.js';
import { userScheduleLink } from './user-schedules/index.js';
import { userServicesSetting } from './user-services/index.js';
import { createUserSettingsDao } from './user-settings/index.js';
import { createUserSubscriptionsDao } from './user-subscriptions/index.js';
import { userVoicemailLink } from './user-voicemails/index.js';
import { createUsersDao } from './users/index.js';
import { createVoicemailsDao } from './voicemails/index.js';

export interface Hooks {
  findUser: FindUser;
  hasLine: HasLine;
  mainLineId: MainLineId;
}

export function createDaos() {
  return {
    tenants: createTenantsDao(),
    users: createUsersDao(),
    userServices: createUserSettingsDao(userServicesSetting),
    userForwards: createUserSettingsDao(userForwardsSetting),
    groups: createGroupsDao(),
    groupMembers: createGroupMembersDao(),
    schedules: createSchedulesDao(),
    userSchedules: createLinkDao(userScheduleLink),
    groupSchedules: createLinkDao(groupScheduleLink),
    contexts: createContextsDao(),
    extensions: createExtensionsDao(),
    lines: createLinesDao(),
    userLines: createUserLinesDao(),
    lineExtensions: createLineExtensionsDao(),
    funcKeys: createFuncKeysDao(),
    callPermissions: createCallPermissionsDao(),
    userCallPermissions: createLinkDao(userCallPermissionLink),
    groupCallPermissions: createLinkDao(groupCallPermissionLink),
    userSubscriptions: createUserSubscriptionsDao(),
    groupMemberExtensions: createGroupMemberExtensionsDao(),
    endpointSip: createEndpointSipDao(),
    sipTransports: createSipTransportsDao(),
    voicemails: createVoicemailsDao(),
    userVoicemails: createLinkDao(userVoicemailLink),
    devices: createDevicesDao(),
    callFilters: createCallFiltersDao(),
    endpointIax: createEndpointIaxDao(),
    applications: createApplicationsDao(),
    lineApplications: createLinkDao(lineApplicationLink),
    endpointCustom: createEndpointCustomDao(),
    endpointSccp: createEndpointSccpDao(),
    incalls: createIncallsDao(),
    incallSchedules: createLinkDao(incallScheduleLink),
    phoneNumbers: createPhoneNumbersDao(),
    ...agentAndQueueDaos(),
    trunks: createTrunksDao(),
    outcalls: createOutcallsDao(),
    ...createConferenceGroupDaos(),
  };
}

/** Agents, skills and queues (their daos share the agent and queue tables' reads). */
function agentAndQueueDaos() {
  const { agents, skills } = createAgentsDao();
  return { agents, skills, queues: createQueuesDao() };
}

export type Daos = ReturnType<typeof createDaos>;

/** The lookups one resource needs of another's data, answered by the owning resource's dao. */
export function createHooks(daos: Daos): Hooks {
  return {
    async findUser(tx, scope, key) {
      const user = await daos.users.find(tx, scope, key);
      return user ? { id: user.id, uuid: user.uuid, tenant_uuid: user.tenant_uuid } : null;
    },
    // The user was already found in the caller's scope; its own tenant is where its lines are.
    hasLine: (tx: Tx, user) => daos.userLines.hasLine(tx, scopeOf(user.tenant_uuid), user.uuid),
    async mainLineId(tx: Tx, user) {
      const links = await daos.userLines.listByUser(tx, scopeOf(user.tenant_uuid), user.id);
      return links.find((link) => link.main_line)?.line_id ?? null;
    },
  };
}
