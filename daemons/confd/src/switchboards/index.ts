export {
  switchboardFallbacksPlugin,
  switchboardMembersPlugin,
  switchboardsPlugin,
} from './switchboards.routes.js';
