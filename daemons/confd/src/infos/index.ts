export { infosPlugin } from './infos.routes.js';
