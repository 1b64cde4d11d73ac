/** The profiles API: /profiles[/{profile_uuid}] with Wazo's ACLs and codes. */
import type { DaemonPlugin } from '@wazo-ts/daemon';
import { addCrudRoutes } from '../common/crud-routes.js';
import type { DirdConfig } from '../definition.js';
import type { DirdResources } from '../resources.js';
import {
  ProfileBody,
  ProfileListQuery,
  ProfileListSchema,
  ProfileParams,
  ProfileSchema,
} from './profiles.schemas.js';

export const profilesPlugin: DaemonPlugin<DirdConfig, DirdResources> = {
  name: 'profiles',
  load({ api, resources }) {
    addCrudRoutes(api, {
      plural: 'profiles',
      singular: 'profile',
      body: ProfileBody,
      item: ProfileSchema,
      list: { query: ProfileListQuery, result: ProfileListSchema },
      params: ProfileParams,
      service: resources.services.profiles,
      scopes: resources.scopes,
    });
  },
};
