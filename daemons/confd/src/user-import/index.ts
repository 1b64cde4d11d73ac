export { userImportPlugin } from './user-import.routes.js';
