/**
 * A line's application (`line_application`): PUT associates and DELETE dissociates, both 204 and
 * both a no-op when already so; a line with another application is refused; both in the
 * caller's tenant or its sub-tenants, and in one tenant.
 */
import { intParam } from '../common/int-param.js';
import { linkRoutesPlugin } from '../common/link-routes.js';

export const lineApplicationsPlugin = linkRoutesPlugin({
  name: 'line_application',
  owner: {
    collection: 'lines',
    param: 'line_id',
    description: 'The line id',
    word: 'line',
    keyOf: (raw) => intParam(raw, 'Line'),
  },
  resource: {
    collection: 'applications',
    param: 'application_uuid',
    description: "Application's UUID",
    word: 'application',
    keyOf: String,
  },
  tags: ['lines', 'applications'],
  service: (services) => services.lineApplications,
});
