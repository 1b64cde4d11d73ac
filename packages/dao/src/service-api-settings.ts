/**
 * The settings services of the Service API: one generic service per settings section, all on one
 * dao and notifier (`settings.pjsipGlobal.get(tenant)`, `settings.email.replace(tenant, body)`);
 * and the system's registrars and access features.
 */
import {
  type AccessFeaturesService,
  createAccessFeaturesDao,
  createAccessFeaturesNotifier,
  createAccessFeaturesService,
  createAccessFeaturesValidator,
} from './access-features/index.js';
import type { UnitOfWork } from './db/unit-of-work.js';
import {
  createRegistrarsDao,
  createRegistrarsNotifier,
  createRegistrarsService,
  createRegistrarsValidator,
  type RegistrarsService,
} from './registrars/index.js';
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

export function settingsServicesOf(uow: UnitOfWork): {
  settings: SettingsServices;
  registrars: RegistrarsService;
  accessFeatures: AccessFeaturesService;
} {
  const deps = { uow, dao: createSettingsDao(), notifier: createSettingsNotifier() };
  const entries = Object.entries(settingsSections).map(([name, section]) => [
    name,
    createSettingsService(section as SettingsSection, deps),
  ]);
  const registrars = createRegistrarsDao();
  const accessFeatures = createAccessFeaturesDao();
  return {
    settings: Object.fromEntries(entries) as SettingsServices,
    registrars: createRegistrarsService({
      uow,
      dao: registrars,
      validator: createRegistrarsValidator({ dao: registrars }),
      notifier: createRegistrarsNotifier(),
    }),
    accessFeatures: createAccessFeaturesService({
      uow,
      dao: accessFeatures,
      validator: createAccessFeaturesValidator({ dao: accessFeatures }),
      notifier: createAccessFeaturesNotifier(),
    }),
  };
}
