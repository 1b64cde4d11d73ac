export * from './settings.plugins.js';
export * from './settings-more.plugins.js';
export { type SettingsRoute, settingsPlugin } from './settings-routes.js';
