export * from './settings.plugins.js';
export { type SettingsRoute, settingsPlugin } from './settings-routes.js';
