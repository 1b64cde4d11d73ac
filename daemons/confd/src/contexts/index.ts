export { contextsPlugin } from './contexts.routes.js';
