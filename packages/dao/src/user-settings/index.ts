// Public surface of the user settings shape (services, forwards: one declaration each).
export { createUserSettingsDao, type UserSettingsDao, type UserWithSettings } from './user-settings.dao.js';
export type {
  SettingEvent,
  SettingPayload,
  UserSettingKind,
  UserSettings,
  UserSettingsUpdate,
} from './user-settings.kind.js';
export { createUserSettingsNotifier, type UserSettingsNotifier } from './user-settings.notifier.js';
export {
  createUserSettingsService,
  type UserSettingsService,
  type UserSettingsServiceDeps,
  type UserSettingsValidator,
} from './user-settings.service.js';
