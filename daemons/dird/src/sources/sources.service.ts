/**
 * Sources: one configured instance of a backend in a tenant (Wazo's source service). The common
 * fields are columns; the backend's own fields, as its schema declares them, are kept in `extern`.
 * Names are unique in a tenant; a phonebook source is named after its phonebook.
 */
import { randomUUID } from 'node:crypto';
import { isUuid, type UnitOfWork } from '@wazo-ts/db';
import type { SourceConfig } from '../backends/backend.js';
import {
  authCredentialsError,
  BACKEND_SOURCE_SCHEMAS,
  type BackendSourceSchema,
} from '../backends/schemas.js';
import {
  duplicatedName,
  invalidField,
  isUniqueViolation,
  noSuchPhonebook,
  noSuchSource,
} from '../common/errors.js';
import type { ListParams, ListResult } from '../common/list.js';
import type { DirdDatabase } from '../db/schema.js';
import { ensureTenant } from '../tenants/tenants.dao.js';
import type { PhonebookCatalog } from './phonebook-catalog.js';
import type { SourceRow, SourcesDao, SourceWrite } from './sources.dao.js';

/** A source as the API answers it: the common fields and the backend's own, flat. */
export type SourceDocument = Record<string, unknown> & { uuid: string; tenant_uuid: string; name: string };

export interface SourceSummary {
  uuid: string;
  tenant_uuid: string;
  name: string;
  backend: string;
}

export interface SourcesServiceDeps {
  uow: UnitOfWork<DirdDatabase>;
  dao: SourcesDao;
  phonebooks: PhonebookCatalog;
  /** Told of every changed or deleted source, so loaded copies are dropped. */
  onChange?: (sourceUuid: string) => void;
}

const COMMON = ['searched_columns', 'first_matched_columns', 'format_columns'] as const;

export function toSourceConfig(row: SourceRow): SourceConfig {
  return {
    uuid: row.uuid,
    tenantUuid: row.tenant_uuid,
    name: row.name,
    backend: row.backend,
    searchedColumns: row.searched_columns,
    firstMatchedColumns: row.first_matched_columns,
    formatColumns: row.format_columns,
    extern: row.extern,
  };
}

export function createSourcesService(deps: SourcesServiceDeps) {
  const { uow, dao, phonebooks } = deps;
  const changed = (uuid: string) => deps.onChange?.(uuid);

  const schemaOf = (backend: string): BackendSourceSchema => {
    const schema = BACKEND_SOURCE_SCHEMAS[backend];
    if (!schema) throw new Error(`unknown backend ${backend}`);
    return schema;
  };

  /** The backend's fields of a validated body, checked across fields, as stored. */
  function externOf(backend: string, body: Record<string, unknown>): Record<string, unknown> {
    const extern: Record<string, unknown> = {};
    for (const key of Object.keys(schemaOf(backend).fields.properties))
      if (body[key] !== undefined) extern[key] = body[key];
    const auth = extern.auth as Record<string, string | null> | undefined;
    if ((backend === 'wazo' || backend === 'conference') && auth) {
      const error = authCredentialsError(auth);
      if (error) throw invalidField('auth', error);
    }
    return extern;
  }

  async function phonebookOf(tenantUuid: string, extern: Record<string, unknown>) {
    const uuid = String(extern.phonebook_uuid);
    const found = (await phonebooks.describe([tenantUuid], [uuid])).get(uuid);
    if (!found) throw noSuchPhonebook(uuid, [tenantUuid]);
    return found;
  }

  async function writeOf(
    backend: string,
    tenantUuid: string,
    body: Record<string, unknown>,
  ): Promise<SourceWrite> {
    const extern = externOf(backend, body);
    const name = schemaOf(backend).nameFromBackend
      ? (await phonebookOf(tenantUuid, extern)).name
      : String(body.name);
    const write = { name, extern } as SourceWrite;
    for (const key of COMMON) (write as unknown as Record<string, unknown>)[key] = body[key];
    return write;
  }

  async function documents(rows: SourceRow[]): Promise<SourceDocument[]> {
    const phonebookRows = rows.filter((r) => r.backend === 'phonebook');
    const described = phonebookRows.length
      ? await phonebooks.describe(
          [...new Set(phonebookRows.map((r) => r.tenant_uuid))],
          phonebookRows.map((r) => String(r.extern.phonebook_uuid)),
        )
      : new Map();
    return rows.map((row) => {
      const document: SourceDocument = {
        uuid: row.uuid,
        tenant_uuid: row.tenant_uuid,
        name: row.name,
        searched_columns: row.searched_columns,
        first_matched_columns: row.first_matched_columns,
        format_columns: row.format_columns,
        ...row.extern,
      };
      if (row.backend === 'phonebook') {
        const phonebook = described.get(String(row.extern.phonebook_uuid));
        document.phonebook_name = phonebook?.name ?? row.name;
        document.phonebook_description = phonebook?.description ?? null;
      }
      return document;
    });
  }

  async function findOrThrow(backend: string | null, uuid: string, tenants: readonly string[]) {
    const row = isUuid(uuid) ? await uow.read((tx) => dao.find(tx.db, backend, uuid, tenants)) : undefined;
    if (!row) throw noSuchSource(uuid);
    return row;
  }

  const rethrowDuplicate = (name: string) => (error: unknown) => {
    throw isUniqueViolation(error, 'dird_source_tenant_name') ? duplicatedName(name, 'sources') : error;
  };

  return {
    async list(
      backend: string | null,
      tenants: readonly string[],
      params: ListParams,
    ): Promise<ListResult<SourceDocument>> {
      const filterColumns = backend ? schemaOf(backend).filterColumns : ['uuid', 'backend', 'name'];
      const page = await uow.read((tx) => dao.list(tx.db, backend, tenants, params, filterColumns));
      return { ...page, items: await documents(page.items) };
    },

    /** GET /sources: every backend's, summarised. */
    async summaries(tenants: readonly string[], params: ListParams): Promise<ListResult<SourceSummary>> {
      const page = await uow.read((tx) =>
        dao.list(tx.db, null, tenants, params, ['uuid', 'backend', 'name']),
      );
      return {
        ...page,
        items: page.items.map((r) => ({
          uuid: r.uuid,
          tenant_uuid: r.tenant_uuid,
          name: r.name,
          backend: r.backend,
        })),
      };
    },

    async create(
      backend: string,
      tenantUuid: string,
      body: Record<string, unknown>,
    ): Promise<SourceDocument> {
      const write = await writeOf(backend, tenantUuid, body);
      const row = await uow
        .run(async (tx) => {
          await ensureTenant(tx.db, tenantUuid);
          return dao.insert(tx.db, { ...write, uuid: randomUUID(), tenant_uuid: tenantUuid, backend });
        })
        .catch(rethrowDuplicate(write.name));
      return (await documents([row]))[0] as SourceDocument;
    },

    async get(backend: string | null, uuid: string, tenants: readonly string[]): Promise<SourceDocument> {
      return (await documents([await findOrThrow(backend, uuid, tenants)]))[0] as SourceDocument;
    },

    /** The stored configuration of a source of the tenants, for the lookup services. */
    async config(uuid: string, tenants: readonly string[]): Promise<SourceConfig> {
      return toSourceConfig(await findOrThrow(null, uuid, tenants));
    },

    async edit(backend: string, uuid: string, tenants: readonly string[], body: Record<string, unknown>) {
      const row = await findOrThrow(backend, uuid, tenants);
      const write = await writeOf(backend, row.tenant_uuid, body);
      await uow.run((tx) => dao.update(tx.db, uuid, write)).catch(rethrowDuplicate(write.name));
      changed(uuid);
    },

    async delete(backend: string, uuid: string, tenants: readonly string[]) {
      await findOrThrow(backend, uuid, tenants);
      // The profiles' services that searched it lose it (ON DELETE CASCADE).
      await uow.run((tx) => dao.delete(tx.db, uuid));
      changed(uuid);
    },
  };
}

export type SourcesService = ReturnType<typeof createSourcesService>;
