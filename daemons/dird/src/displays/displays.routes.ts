/** The displays API: /displays[/{display_uuid}] with Wazo's ACLs and codes. */
import type { DaemonPlugin } from '@wazo-ts/daemon';
import { addCrudRoutes } from '../common/crud-routes.js';
import type { DirdConfig } from '../definition.js';
import type { DirdResources } from '../resources.js';
import {
  DisplayBody,
  DisplayListQuery,
  DisplayListSchema,
  DisplayParams,
  DisplaySchema,
} from './displays.schemas.js';

export const displaysPlugin: DaemonPlugin<DirdConfig, DirdResources> = {
  name: 'displays',
  load({ api, resources }) {
    addCrudRoutes(api, {
      plural: 'displays',
      singular: 'display',
      body: DisplayBody,
      item: DisplaySchema,
      list: { query: DisplayListQuery, result: DisplayListSchema },
      params: DisplayParams,
      service: resources.services.displays,
      scopes: resources.scopes,
    });
  },
};
