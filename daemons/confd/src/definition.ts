/** wazo-confd as the daemon kit sees it: name, port, config keys, plugins and resources. */

import type { BaseConfig, DaemonDefinition } from '@wazo-ts/daemon';
import { answerLinksPlugin } from './common/answer-links.js';
import { renderConfdValidationError } from './common/errors.js';
import { ConfdConfigSchema, type ConfdOwnConfig } from './config.js';
import { contextIncludesPlugin, contextRangesPlugin, contextsPlugin } from './contexts/index.js';
import { extensionsPlugin } from './extensions/index.js';
import { groupFallbacksPlugin, userFallbacksPlugin } from './fallbacks/index.js';
import {
  groupExtensionsPlugin,
  groupMemberUsersPlugin,
  groupsPlugin,
  userGroupsPlugin,
} from './groups/index.js';
import { infosPlugin } from './infos/index.js';
import { lineAssociationsPlugin, linesPlugin } from './lines/index.js';
import { type ConfdResources, createConfdResources } from './resources.js';
import { groupSchedulesPlugin, schedulesPlugin, userSchedulesPlugin } from './schedules/index.js';
import { tenantSyncPlugin } from './tenant-sync/index.js';
import { usersPlugin } from './users/index.js';

export type ConfdConfig = BaseConfig & ConfdOwnConfig;

export const confdDaemon: DaemonDefinition<ConfdConfig, ConfdResources> = {
  name: 'confd',
  apiVersion: '1.1',
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
  ],
  createResources: createConfdResources,
};
