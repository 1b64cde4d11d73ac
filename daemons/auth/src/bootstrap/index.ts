// The initial admin and the service accounts (wazo-auth-bootstrap, bootstrap_user_on_startup).
export { defaultKeyFile, ensureServiceAccount, ensureUser, randomPassword } from './bootstrap.js';
export { bootstrapUserPlugin } from './bootstrap-user.plugin.js';
