/**
 * The settings services of the Service API: one generic service per settings section, all on one
 * dao and notifier (`settings.pjsipGlobal.get(tenant)`, `settings.email.replace(tenant, body)`).
 */
import type { UnitOfWork } from './db/unit-of-work.js';
import {
  createSettingsDao,
  createSettingsNotifier,
  createSettingsService,
  type SettingsSection,
  type SettingsService,
  settingsSections,
} from './settings/index.js';

type Sections = typeof settingsSections;
type ServiceOf<S> = S extends SettingsSection<unknown, infer B, infer A> ? SettingsService<A, B> : never;
export type SettingsServices = { [K in keyof Sections]: ServiceOf<Sections[K]> };

export function settingsServicesOf(uow: UnitOfWork): { settings: SettingsServices } {
  const deps = { uow, dao: createSettingsDao(), notifier: createSettingsNotifier() };
  const entries = Object.entries(settingsSections).map(([name, section]) => [
    name,
    createSettingsService(section as SettingsSection, deps),
  ]);
  return { settings: Object.fromEntries(entries) as SettingsServices };
}
