// Public surface of the settings sections (Asterisk sections, system and per-tenant settings).
export { createSettingsDao, type SettingsDao } from './settings.dao.js';
export * from './settings.model.js';
export { createSettingsNotifier, type SettingsNotifier } from './settings.notifier.js';
export { defineSection, type SettingsSection } from './settings.section.js';
export { type SettingsSectionName, settingsSections } from './settings.sections.js';
export { createSettingsService, type SettingsService, type SettingsServiceDeps } from './settings.service.js';
export * from './settings-more.model.js';
export { inetAton } from './system-more.sections.js';
