export { callFilterFallbacksPlugin, groupFallbacksPlugin, userFallbacksPlugin } from './fallbacks.routes.js';
