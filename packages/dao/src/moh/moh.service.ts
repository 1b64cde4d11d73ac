/**
 * The music on hold classes' public API: search, get, create, edit, delete, each with its event.
 * A class's files are on disk: the REST layer lists, writes and removes them beside these calls.
 */
import type { Tx, UnitOfWork } from '../db/unit-of-work.js';
import { inputError, notFound } from '../errors.js';
import type { SearchParams, SearchResult, TenantScope } from '../search/search.js';
import type { MohDao } from './moh.dao.js';
import type { MohCreate, MohEdit, MohRow } from './moh.model.js';
import type { MohNotifier } from './moh.notifier.js';
import type { MohValidator } from './moh.validator.js';

export interface MohServiceDeps {
  uow: UnitOfWork;
  dao: MohDao;
  validator: MohValidator;
  notifier: MohNotifier;
  newUuid?: () => string;
}

const missing = (uuid: string) => notFound('MOH', { uuid });

/** The label given, else the deprecated `name` (Wazo copies it when `label` is absent). */
const labelOf = (input: MohEdit) => input.label ?? input.name;

export function createMohService({
  uow,
  dao,
  validator,
  notifier,
  newUuid = () => globalThis.crypto.randomUUID(),
}: MohServiceDeps) {
  async function existing(tx: Tx, scope: TenantScope, uuid: string): Promise<MohRow> {
    const moh = await dao.find(tx, scope, uuid);
    if (!moh) throw missing(uuid);
    return moh;
  }

  return {
    search(scope: TenantScope, params: SearchParams): Promise<SearchResult<MohRow>> {
      return uow.read((tx) => dao.search(tx, scope, params));
    },

    get(scope: TenantScope, uuid: string): Promise<MohRow> {
      return uow.read((tx) => existing(tx, scope, uuid));
    },

    /** Creates in `tenantUuid`, named `moh-<tenant slug>-<uuid>`; the tenant must be in scope. */
    create(scope: TenantScope, tenantUuid: string, input: MohCreate): Promise<MohRow> {
      return uow.run(async (tx) => {
        const label = labelOf(input);
        if (label === undefined) throw inputError("label: ['Missing data for required field.']");
        const row = {
          tenant_uuid: tenantUuid,
          label,
          mode: input.mode,
          application: input.application ?? null,
          sort: input.sort ?? null,
        };
        validator.validate(row);
        const slug = scope.tenantUuids.includes(tenantUuid) ? await dao.tenantSlug(tx, tenantUuid) : null;
        if (slug === null) throw notFound('Tenant', { uuid: tenantUuid });
        const uuid = newUuid();
        const moh = await dao.create(tx, scope, { uuid, name: `moh-${slug}-${uuid}`, ...row });
        if (!moh) throw notFound('Tenant', { uuid: tenantUuid });
        notifier.created(tx, moh);
        return moh;
      });
    },

    /** Changes the given fields; the others keep their value. */
    edit(scope: TenantScope, uuid: string, changes: MohEdit): Promise<MohRow> {
      return uow.run(async (tx) => {
        const moh = await existing(tx, scope, uuid);
        const row: MohRow = {
          ...moh,
          label: labelOf(changes) ?? moh.label,
          mode: changes.mode ?? moh.mode,
          application: changes.application === undefined ? moh.application : changes.application,
          sort: changes.sort === undefined ? moh.sort : changes.sort,
        };
        validator.validate(row);
        const edited = await dao.update(tx, scope, row);
        if (!edited) throw missing(uuid);
        notifier.edited(tx, edited);
        return edited;
      });
    },

    /** Deletes the class; what names it (users', groups' `music_on_hold`) is left as Wazo leaves it. */
    delete(scope: TenantScope, uuid: string): Promise<MohRow> {
      return uow.run(async (tx) => {
        const moh = await existing(tx, scope, uuid);
        await dao.delete(tx, scope, uuid);
        notifier.deleted(tx, moh);
        return moh;
      });
    },
  };
}

export type MohService = ReturnType<typeof createMohService>;
