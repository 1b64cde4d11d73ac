/**
 * The Service API assembled: every resource's service built once on one unit of work, with the
 * cross-resource lookups wired to the resources that own the data (see service-api-daos.ts; a
 * line's users are dissociated by the user-lines service before the line goes). This file is wiring, not a service: it may import daos as values,
 * and no service may import it (architecture/boundary.ts treats it as library plumbing).
 */
import { randomUUID } from 'node:crypto';
import type { BusPublisher } from '@wazo-ts/bus';
import type { Kysely } from 'kysely';
import { createAgentsNotifier } from './agents/index.js';
import {
  createApplicationsNotifier,
  createApplicationsService,
  createApplicationsValidator,
  lineApplicationLink,
} from './applications/index.js';
import {
  createCallFiltersNotifier,
  createCallFiltersService,
  createCallFiltersValidator,
} from './call-filters/index.js';
import {
  createCallPermissionsNotifier,
  createCallPermissionsService,
  createCallPermissionsValidator,
  groupCallPermissionLink,
  userCallPermissionLink,
} from './call-permissions/index.js';
import {
  createContextIncludesDao,
  createContextIncludesNotifier,
  createContextIncludesService,
  createContextIncludesValidator,
} from './context-includes/index.js';
import { createContextsNotifier, createContextsService, createContextsValidator } from './contexts/index.js';
import type { Database } from './db/database.js';
import { createUnitOfWork, type Tx, type UnitOfWork } from './db/unit-of-work.js';
import { createDevicesNotifier, createDevicesService, createDevicesValidator } from './devices/index.js';
import {
  createEndpointIaxNotifier,
  createEndpointIaxService,
  createEndpointIaxValidator,
} from './endpoint-iax/index.js';
import {
  createExtensionsNotifier,
  createExtensionsService,
  createExtensionsValidator,
} from './extensions/index.js';
import { createFallbacksDao } from './fallbacks/index.js';
import {
  createGroupMemberExtensionsNotifier,
  createGroupMemberExtensionsService,
  createGroupMemberExtensionsValidator,
} from './group-member-extensions/index.js';
import {
  createGroupMembersNotifier,
  createGroupMembersService,
  createGroupMembersValidator,
} from './group-members/index.js';
import { groupScheduleLink } from './group-schedules/index.js';
import { createGroupsNotifier, createGroupsService, createGroupsValidator } from './groups/index.js';
import { incallNumbersOf } from './incalls/incalls.relations.js';
import {
  createLineExtensionsNotifier,
  createLineExtensionsService,
  createLineExtensionsValidator,
} from './line-extensions/index.js';
import { createLinesNotifier, createLinesService, createLinesValidator } from './lines/index.js';
import {
  createLinkNotifier,
  createLinkService,
  createLinkValidator,
  type LinkDao,
  type LinkKey,
  type LinkKind,
  type LinkRules,
  type Tenanted,
} from './links/index.js';
import {
  createSchedulesNotifier,
  createSchedulesService,
  createSchedulesValidator,
} from './schedules/index.js';
import type { TenantScope } from './search/search.js';
import { conferenceGroupServicesOf } from './service-api-conferences.js';
import { createDaos, createHooks, type Daos, type Hooks } from './service-api-daos.js';
import { type EndpointServices, endpointServicesOf } from './service-api-endpoints.js';
import { extensionOwnerServicesOf } from './service-api-extensions.js';
import { fallbackServicesOf } from './service-api-fallbacks.js';
import { funcKeyServicesOf } from './service-api-func-keys.js';
import { incallServicesOf } from './service-api-incalls.js';
import { mediaServicesOf, mohNameExists } from './service-api-media.js';
import { meetingServicesOf } from './service-api-meetings.js';
import { pickupServicesOf } from './service-api-pickups.js';
import { agentAndQueueServicesOf } from './service-api-queues.js';
import { createUserRelationsReader } from './service-api-reads.js';
import { settingsServicesOf } from './service-api-settings.js';
import { skillRuleServicesOf } from './service-api-skill-rules.js';
import { trunkServicesOf } from './service-api-trunks.js';
import { userExtraServicesOf } from './service-api-user-extras.js';
import { createTenantsNotifier, createTenantsService, createTenantsValidator } from './tenants/index.js';
import { createUserAgentsService } from './user-agents/index.js';
import { createUserCallerIdsService } from './user-callerids/index.js';
import { createUserExportDao, createUserExportService } from './user-export/index.js';
import { createUserForwardsValidator, userForwardsSetting } from './user-forwards/index.js';
import {
  createUserLinesNotifier,
  createUserLinesService,
  createUserLinesValidator,
} from './user-lines/index.js';
import { userScheduleLink } from './user-schedules/index.js';
import { userServicesSetting } from './user-services/index.js';
import { createUserSettingsNotifier, createUserSettingsService } from './user-settings/index.js';
import { createUserSubscriptionsService } from './user-subscriptions/index.js';
import { userVoicemailLink, userVoicemailRules } from './user-voicemails/index.js';
import { createUsersNotifier, createUsersService, createUsersValidator } from './users/index.js';
import { findUserDocument } from './users/user-document.dao.js';
import {
  createVoicemailsNotifier,
  createVoicemailsService,
  createVoicemailsValidator,
} from './voicemails/index.js';

export interface ServiceApiOptions {
  db: Kysely<Database>;
  /** Encodes events in Wazo's envelope for the outbox (a BusPublisher's `encode`). */
  encoder: Pick<BusPublisher, 'encode'>;
}

function userServicesOf(uow: UnitOfWork, daos: Daos) {
  return {
    tenants: createTenantsService({
      uow,
      dao: daos.tenants,
      validator: createTenantsValidator(),
      notifier: createTenantsNotifier(),
      sipTemplates: {
        templates: daos.endpointSip,
        transportNamed: (tx, name) => daos.sipTransports.findNamed(tx, name),
        newUuid: randomUUID,
        random: Math.random,
      },
    }),
    users: createUsersService({
      uow,
      dao: daos.users,
      validator: createUsersValidator({
        dao: daos.users,
        voicemailIdOf: (tx, userUuid) => daos.voicemails.idOfUser(tx, userUuid),
        mohExists: mohNameExists,
      }),
      notifier: createUsersNotifier(),
    }),
    userServices: createUserSettingsService({
      uow,
      kind: userServicesSetting,
      dao: daos.userServices,
      notifier: createUserSettingsNotifier(userServicesSetting.events),
    }),
    userForwards: createUserSettingsService({
      uow,
      kind: userForwardsSetting,
      dao: daos.userForwards,
      validator: createUserForwardsValidator(),
      notifier: createUserSettingsNotifier(userForwardsSetting.events),
    }),
  };
}

function telephonyServicesOf(uow: UnitOfWork, daos: Daos, endpoints: EndpointServices) {
  const { contexts, extensions, lines, userLines, lineExtensions } = daos;
  const userLinesService = createUserLinesService({
    uow,
    dao: userLines,
    validator: createUserLinesValidator({ dao: userLines }),
    notifier: createUserLinesNotifier(),
    lines,
  });
  return {
    contexts: createContextsService({
      uow,
      dao: contexts,
      validator: createContextsValidator({ dao: contexts }),
      notifier: createContextsNotifier(),
    }),
    extensions: createExtensionsService({
      uow,
      dao: extensions,
      validator: createExtensionsValidator({
        dao: extensions,
        parkingLotsIn: (tx, context) => daos.parkingLots.lotsIn(tx, context),
      }),
      notifier: createExtensionsNotifier(),
      contexts,
    }),
    lines: createLinesService({
      uow,
      dao: lines,
      validator: createLinesValidator({ dao: lines }),
      notifier: createLinesNotifier(),
      contexts,
      userLines: userLinesService,
      endpointSip: endpoints.endpointSip,
      endpointSccp: endpoints.endpointSccp,
      endpointCustom: endpoints.endpointCustom,
      lineEndpoints: endpoints.lineEndpoints,
    }),
    contextIncludes: createContextIncludesService({
      uow,
      dao: createContextIncludesDao(),
      contexts,
      validator: createContextIncludesValidator(),
      notifier: createContextIncludesNotifier(),
    }),
    userLines: userLinesService,
    lineExtensions: createLineExtensionsService({
      uow,
      dao: lineExtensions,
      validator: createLineExtensionsValidator({ dao: lineExtensions }),
      notifier: createLineExtensionsNotifier(),
      lines,
      extensions,
      contexts,
    }),
  };
}

/** A link kind's service, with the common rules and its events. */
function linkServiceOf<O extends Tenanted, R extends Tenanted, OS, RS, RK extends LinkKey>(
  uow: UnitOfWork,
  kind: LinkKind<O, R, OS, RS>,
  dao: LinkDao<OS, RS>,
  findOwner: (tx: Tx, scope: TenantScope, key: LinkKey) => Promise<O | null>,
  findResource: (tx: Tx, scope: TenantScope, key: RK) => Promise<R | null>,
  rules?: LinkRules<O, R>,
) {
  const validator = createLinkValidator({ kind, dao, ...(rules ? { rules } : {}) });
  const notifier = createLinkNotifier(kind.events);
  return createLinkService({ uow, kind, dao, findOwner, findResource, validator, notifier });
}

function groupAndScheduleServicesOf(uow: UnitOfWork, daos: Daos, hooks: Hooks) {
  const { groups, schedules, findUser } = { ...daos, ...hooks };
  const findGroup = (tx: Tx, scope: TenantScope, key: LinkKey) => groups.find(tx, scope, key);
  const findSchedule = (tx: Tx, scope: TenantScope, id: number) => schedules.find(tx, scope, id);
  return {
    groups: createGroupsService({
      uow,
      dao: groups,
      validator: createGroupsValidator({ dao: groups, musicOnHoldExists: mohNameExists }),
      notifier: createGroupsNotifier(),
    }),
    groupMembers: createGroupMembersService({
      uow,
      dao: daos.groupMembers,
      groups,
      findUser,
      validator: createGroupMembersValidator({ hasLine: hooks.hasLine, mainLineId: hooks.mainLineId }),
      notifier: createGroupMembersNotifier(),
    }),
    schedules: createSchedulesService({
      uow,
      dao: schedules,
      validator: createSchedulesValidator({ findUser }),
      notifier: createSchedulesNotifier(),
    }),
    userSchedules: linkServiceOf(uow, userScheduleLink, daos.userSchedules, findUser, findSchedule),
    groupSchedules: linkServiceOf(uow, groupScheduleLink, daos.groupSchedules, findGroup, findSchedule),
  };
}

function callPermissionServicesOf(uow: UnitOfWork, daos: Daos, hooks: Hooks) {
  const { callPermissions, groups } = daos;
  const findGroup = (tx: Tx, scope: TenantScope, key: LinkKey) => groups.find(tx, scope, key);
  const findPermission = (tx: Tx, scope: TenantScope, id: number) => callPermissions.find(tx, scope, id);
  const { userCallPermissions, groupCallPermissions } = daos;
  return {
    callPermissions: createCallPermissionsService({
      uow,
      dao: callPermissions,
      validator: createCallPermissionsValidator({ dao: callPermissions }),
      notifier: createCallPermissionsNotifier(),
    }),
    userCallPermissions: linkServiceOf(
      uow,
      userCallPermissionLink,
      userCallPermissions,
      hooks.findUser,
      findPermission,
    ),
    groupCallPermissions: linkServiceOf(
      uow,
      groupCallPermissionLink,
      groupCallPermissions,
      findGroup,
      findPermission,
    ),
  };
}

/** What else a user has: its outgoing caller ids, its agent, the tenant's subscription counts. */
function userPartServicesOf(uow: UnitOfWork, daos: Daos, hooks: Hooks) {
  return {
    userCallerIds: createUserCallerIdsService({
      uow,
      findUser: hooks.findUser,
      associatedNumbers: incallNumbersOf,
      tenantNumbers: async (tx, tenantUuid) => ({
        main: await daos.phoneNumbers.findMain(tx, tenantUuid),
        shared: await daos.phoneNumbers.shared(tx, tenantUuid),
      }),
    }),
    userAgents: createUserAgentsService({
      uow,
      findUser: hooks.findUser,
      agents: daos.agents,
      notifier: createAgentsNotifier(),
    }),
    userSubscriptions: createUserSubscriptionsService({ uow, dao: daos.userSubscriptions }),
    groupMemberExtensions: createGroupMemberExtensionsService({
      uow,
      dao: daos.groupMemberExtensions,
      groups: daos.groups,
      validator: createGroupMemberExtensionsValidator(),
      notifier: createGroupMemberExtensionsNotifier(),
    }),
  };
}

/** Voicemails, a user's voicemail, and devices. */
function voicemailServicesOf(uow: UnitOfWork, daos: Daos, hooks: Hooks) {
  const { voicemails } = daos;
  const findVoicemail = (tx: Tx, scope: TenantScope, id: number) => voicemails.find(tx, scope, id);
  return {
    voicemails: createVoicemailsService({
      uow,
      dao: voicemails,
      validator: createVoicemailsValidator({ dao: voicemails }),
      notifier: createVoicemailsNotifier(),
      contexts: daos.contexts,
      fallbacks: createFallbacksDao(),
    }),
    userVoicemails: linkServiceOf(
      uow,
      userVoicemailLink,
      daos.userVoicemails,
      hooks.findUser,
      findVoicemail,
      userVoicemailRules,
    ),
    devices: createDevicesService({
      uow,
      dao: daos.devices,
      validator: createDevicesValidator({ dao: daos.devices }),
      notifier: createDevicesNotifier(),
      lines: daos.lines,
    }),
  };
}

/** Call filters (boss/secretary) and their members; their fallbacks are with the others'. */
function callFilterServicesOf(uow: UnitOfWork, daos: Daos, hooks: Hooks) {
  return {
    callFilters: createCallFiltersService({
      uow,
      dao: daos.callFilters,
      validator: createCallFiltersValidator({ dao: daos.callFilters }),
      notifier: createCallFiltersNotifier(),
      findUser: hooks.findUser,
    }),
  };
}

/** IAX endpoints, applications and a line's application. */
function iaxAndApplicationServicesOf(uow: UnitOfWork, daos: Daos) {
  const fallbacks = createFallbacksDao();
  const applications = createApplicationsService({
    uow,
    dao: daos.applications,
    validator: createApplicationsValidator({ mohExists: mohNameExists }),
    notifier: createApplicationsNotifier(),
    // Wazo's dialactions to the application go with it: every destination row naming it.
    async dropFallbacksTo(tx, uuid) {
      await fallbacks.removeDestinationsTo(tx, 'application', 'application_uuid', uuid);
    },
  });
  return {
    endpointIax: createEndpointIaxService({
      uow,
      dao: daos.endpointIax,
      validator: createEndpointIaxValidator({ dao: daos.endpointIax }),
      notifier: createEndpointIaxNotifier(),
    }),
    applications,
    lineApplications: linkServiceOf(
      uow,
      lineApplicationLink,
      daos.lineApplications,
      (tx, scope, key) => daos.lines.find(tx, scope, Number(key)),
      (tx, scope, uuid: string) => applications.find(tx, scope, uuid),
    ),
  };
}

/** Builds every service once; a daemon creates one ServiceApi per database at start. */
export function createServiceApi({ db, encoder }: ServiceApiOptions) {
  const uow = createUnitOfWork({ db, encoder });
  const daos = createDaos();
  const hooks = createHooks(daos);
  const endpoints = endpointServicesOf(uow, daos);
  const services = {
    ...userServicesOf(uow, daos),
    ...telephonyServicesOf(uow, daos, endpoints),
    ...groupAndScheduleServicesOf(uow, daos, hooks),
    ...fallbackServicesOf(uow, daos),
    ...extensionOwnerServicesOf(uow, daos),
    ...funcKeyServicesOf(uow, daos),
    ...callPermissionServicesOf(uow, daos, hooks),
    ...userPartServicesOf(uow, daos, hooks),
    ...settingsServicesOf(uow),
    ...endpoints,
    ...voicemailServicesOf(uow, daos, hooks),
    ...callFilterServicesOf(uow, daos, hooks),
    ...meetingServicesOf(uow, {
      tenants: daos.tenants,
      endpointSip: endpoints.endpointSip,
      findUser: hooks.findUser,
    }),
    ...iaxAndApplicationServicesOf(uow, daos),
    ...userExtraServicesOf(uow, hooks.findUser),
    ...incallServicesOf(uow, daos),
    userExport: createUserExportService({ uow, dao: createUserExportDao() }),
    ...skillRuleServicesOf(uow),
    ...pickupServicesOf(uow, daos, hooks),
    ...agentAndQueueServicesOf(uow, daos, hooks),
    ...mediaServicesOf(uow),
    ...trunkServicesOf(uow, daos, endpoints),
    ...conferenceGroupServicesOf(uow, daos),
  };
  return {
    ...services,
    getUserWithRelations: createUserRelationsReader({
      ...services,
      userDocument: (scope, key) => uow.read((tx) => findUserDocument(tx, scope, key)),
    }),
    /** Runs several service calls as one unit: they join one transaction, all commit or none. */
    transaction: <T>(work: () => Promise<T>): Promise<T> => uow.run(() => work()),
    /**
     * Inside `transaction`: runs service calls that may fail alone; a failure undoes only their
     * changes and events and the transaction goes on (a CSV import reports every bad row).
     */
    savepoint: <T>(work: () => Promise<T>): Promise<T> => uow.savepoint(() => work()),
  };
}

export type ServiceApi = ReturnType<typeof createServiceApi>;
