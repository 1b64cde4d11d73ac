/** The event catalogue: every event wazo-ts publishes or consumes, typed once. */

import * as agentsQueues from './agents-queues.js';
import * as applications from './applications.js';
import * as auth from './auth.js';
import * as callFilters from './call-filters.js';
import * as callPermissions from './call-permissions.js';
import * as callPickups from './call-pickups.js';
import * as chatdPresences from './chatd-presences.js';
import * as chatdRooms from './chatd-rooms.js';
import * as conferences from './conferences.js';
import * as contexts from './contexts.js';
import type { EventDefinition } from './define.js';
import * as devices from './devices.js';
import * as directory from './directory.js';
import * as endpointIax from './endpoint-iax.js';
import * as endpoints from './endpoints.js';
import * as extensions from './extensions.js';
import * as funcKeys from './func-keys.js';
import * as groups from './groups.js';
import * as incalls from './incalls.js';
import * as lines from './lines.js';
import * as media from './media.js';
import * as meetings from './meetings.js';
import * as schedules from './schedules.js';
import * as services from './services.js';
import * as settings from './settings.js';
import * as settingsMore from './settings-more.js';
import * as switchboards from './switchboards.js';
import * as trunks from './trunks.js';
import * as userAssociations from './user-associations.js';
import * as userExtras from './user-extras.js';
import * as users from './users.js';
import * as voicemails from './voicemails.js';
import * as webhookd from './webhookd.js';

export * from './agents-queues.js';
export * from './applications.js';
export * from './auth.js';
export * from './call-filters.js';
export * from './call-permissions.js';
export * from './call-pickups.js';
export * from './chatd-presences.js';
export * from './chatd-rooms.js';
export * from './conferences.js';
export * from './contexts.js';
export * from './define.js';
export * from './devices.js';
export * from './directory.js';
export * from './endpoint-iax.js';
export * from './endpoints.js';
export * from './extensions.js';
export * from './func-keys.js';
export * from './groups.js';
export * from './incalls.js';
export * from './lines.js';
export * from './media.js';
export * from './meetings.js';
export * from './schedules.js';
export * from './services.js';
export * from './settings.js';
export * from './settings-more.js';
export * from './switchboards.js';
export * from './trunks.js';
export * from './user-associations.js';
export * from './user-extras.js';
export * from './users.js';
export * from './voicemails.js';
export * from './webhookd.js';

const families = [
  auth,
  users,
  userAssociations,
  groups,
  schedules,
  contexts,
  extensions,
  lines,
  services,
  funcKeys,
  callPermissions,
  settings,
  endpoints,
  voicemails,
  devices,
  callFilters,
  endpointIax,
  applications,
  userExtras,
  settingsMore,
  switchboards,
  callPickups,
  incalls,
  meetings,
  agentsQueues,
  media,
  trunks,
  conferences,
  webhookd,
  chatdPresences,
  chatdRooms,
  directory,
];

const isDefinition = (value: unknown): value is EventDefinition =>
  typeof value === 'object' && value !== null && 'build' in value && 'routingKey' in value;

/** Every event definition, by Wazo name (for lookups, documentation and websocketd's lists). */
export const eventCatalogue: ReadonlyMap<string, EventDefinition> = new Map(
  families.flatMap((family) => Object.values(family).filter(isDefinition)).map((def) => [def.name, def]),
);
