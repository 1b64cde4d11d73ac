export { blocklistsPlugin } from './blocklists.routes.js';
