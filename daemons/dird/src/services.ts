/** Every configuration service of wazo-dird, built once on the unit of work and shared by plugins. */
import type { UnitOfWork } from '@wazo-ts/db';
import type { DirdDatabase } from './db/schema.js';
import { createDisplaysService } from './displays/displays.service.js';
import { createProfilesService } from './profiles/profiles.service.js';
import type { PhonebookCatalog } from './sources/phonebook-catalog.js';
import { createSourcesDao } from './sources/sources.dao.js';
import { createSourcesService } from './sources/sources.service.js';
import { createProvisioning } from './tenants/provisioning.js';

export interface DirdServicesDeps {
  uow: UnitOfWork<DirdDatabase>;
  phonebooks: PhonebookCatalog;
  /** Told of every changed or deleted source (loaded sources are dropped). */
  onSourceChange?: (sourceUuid: string) => void;
}

export function createDirdServices(deps: DirdServicesDeps) {
  const { uow, phonebooks } = deps;
  const sourcesDao = createSourcesDao();
  const sources = createSourcesService({ uow, dao: sourcesDao, phonebooks, onChange: deps.onSourceChange });
  const displays = createDisplaysService({ uow });
  const profiles = createProfilesService({ uow, sourcesDao });
  return {
    sources,
    displays,
    profiles,
    provisioning: createProvisioning({ uow, sources, displays, profiles }),
  };
}

export type DirdServices = ReturnType<typeof createDirdServices>;
