export {
  callFilterFallbacksPlugin,
  groupFallbacksPlugin,
  queueFallbacksPlugin,
  userFallbacksPlugin,
} from './fallbacks.routes.js';
