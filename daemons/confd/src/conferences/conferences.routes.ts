/**
 * Conferences (`/conferences`, Wazo's `conference` plugin) and their extension
 * (`/conferences/{id}/extensions/{id}`, `conference_extension`).
 */
import type { DaemonPlugin } from '@wazo-ts/daemon';
import { conferenceInputSchema, conferenceSchema } from '@wazo-ts/dao';
import { LIST_FILTERS } from '../common/list-filters.js';
import type { ConfdConfig } from '../definition.js';
import type { ConfdResources } from '../resources.js';
import { registerCrudRoutes, registerOwnerExtensionRoutes } from './crud-routes.js';

export const conferencesPlugin: DaemonPlugin<ConfdConfig, ConfdResources> = {
  name: 'conference',
  load({ api, resources }) {
    registerCrudRoutes(api, resources, {
      path: 'conferences',
      idName: 'conference_id',
      resource: 'Conference',
      summaries: [
        'List conference',
        'Get conference',
        'Create conference',
        'Update conference',
        'Delete conference',
      ],
      answer: conferenceSchema,
      createBody: conferenceInputSchema,
      editBody: conferenceInputSchema,
      filters: LIST_FILTERS.conferences,
      service: resources.services.conferences,
    });
  },
};

export const conferenceExtensionsPlugin: DaemonPlugin<ConfdConfig, ConfdResources> = {
  name: 'conference_extension',
  load({ api, resources }) {
    registerOwnerExtensionRoutes(api, resources.visibleTenants, {
      path: 'conferences',
      idName: 'conference_id',
      resource: 'Conference',
      noun: 'conference',
      service: resources.services.conferenceExtensions,
    });
  },
};
