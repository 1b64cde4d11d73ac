export { funcKeyTemplatesPlugin } from './funckey-templates.routes.js';
export { userFuncKeysPlugin } from './user-funckeys.routes.js';
