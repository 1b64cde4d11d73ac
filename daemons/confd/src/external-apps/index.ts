export { externalAppsPlugin, userExternalAppsPlugin } from './external-apps.routes.js';
