/**
 * The settings service: read a section (its stored document, or its defaults) and replace it in
 * one unit of work with its events. Which tenant a per-tenant section belongs to is the caller's
 * scoping tenant; a system section ignores it.
 */
import type { UnitOfWork } from '../db/unit-of-work.js';
import type { SettingsDao } from './settings.dao.js';
import type { SettingsNotifier } from './settings.notifier.js';
import type { SettingsSection } from './settings.section.js';

export interface SettingsServiceDeps {
  uow: UnitOfWork;
  dao: SettingsDao;
  notifier: SettingsNotifier;
}

export function createSettingsService<D, B, A>(
  section: SettingsSection<D, B, A>,
  { uow, dao, notifier }: SettingsServiceDeps,
) {
  const ownerOf = (tenantUuid: string) => (section.perTenant ? tenantUuid : null);
  const documentOf = (stored: unknown): D =>
    stored === undefined ? structuredClone(section.defaults) : (stored as D);

  return {
    get: (tenantUuid: string): Promise<A> =>
      uow.read(async (tx) =>
        section.show(documentOf(await dao.read(tx, section.name, ownerOf(tenantUuid))), tenantUuid),
      ),

    replace: (tenantUuid: string, body: B): Promise<void> =>
      uow.run(async (tx) => {
        const current = documentOf(await dao.read(tx, section.name, ownerOf(tenantUuid)));
        const document = section.replace(body, current);
        await dao.write(tx, section.name, ownerOf(tenantUuid), document);
        await section.effects?.(tx, document, current);
        notifier.edited(tx, section.events(document, tenantUuid));
      }),
  };
}

export type SettingsService<A = unknown, B = unknown> = {
  get(tenantUuid: string): Promise<A>;
  replace(tenantUuid: string, body: B): Promise<void>;
};
