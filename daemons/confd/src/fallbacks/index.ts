export { groupFallbacksPlugin, userFallbacksPlugin } from './fallbacks.routes.js';
