/**
 * The tenants dao: the only code with the tenant table's SQL. `get` and `search` are scoped like
 * every resource's; `find`, `listAll`, `insert`, `update` and `remove` are not, on purpose: they
 * serve the tenant sync, which mirrors wazo-auth for the whole platform.
 */
import { inTenants, isUuid } from '@wazo-ts/db';
import { type SelectQueryBuilder, sql } from 'kysely';
import type { Database } from '../db/database.js';
import type { Tx } from '../db/unit-of-work.js';
import { runSearch, type SearchConfig } from '../search/apply.js';
import type { SearchParams, SearchResult, TenantScope } from '../search/search.js';
import {
  DEFAULT_SIP_TEMPLATE_KINDS,
  type TenantSipTemplateField,
  type TenantSipTemplates,
  tenantSipTemplateField,
} from './default-sip-templates.model.js';
import type { Tenant, TenantView } from './tenants.model.js';

/** Wazo's tenant search: on uuid, sorted by uuid; slug and name may order the list too. */
export const tenantSearchConfig: SearchConfig = {
  columns: { uuid: 'tenant.uuid', slug: 'tenant.slug', name: 'tenant.name' },
  search: ['uuid'],
  defaultSort: 'uuid',
  key: 'tenant.uuid',
  sortInsensitive: ['slug', 'name'],
};

type TenantQuery = SelectQueryBuilder<Database, 'tenant', Tenant>;
type TenantViewQuery = SelectQueryBuilder<Database, 'tenant', TenantView>;

const TEMPLATE_FIELDS: TenantSipTemplateField[] = DEFAULT_SIP_TEMPLATE_KINDS.map(tenantSipTemplateField);

function allTenants(tx: Tx): TenantQuery {
  return tx.db.selectFrom('tenant').select(['tenant.uuid', 'tenant.slug', 'tenant.name']);
}

/** Wazo stores '' where it means "none"; the mirror keeps null. */
const orNull = (text: string | null | undefined): string | null => (text ? text : null);

/** The tenants in scope, with their default SIP templates (confd's tenant view). */
function scoped(tx: Tx, scope: TenantScope): TenantViewQuery {
  return allTenants(tx)
    .select(['tenant.sip_templates_generated', ...TEMPLATE_FIELDS.map((f) => `tenant.${f}` as const)])
    .where(inTenants('tenant.uuid', scope.tenantUuids));
}

export function createTenantsDao() {
  return {
    async get(tx: Tx, scope: TenantScope, uuid: string): Promise<TenantView | undefined> {
      // A string that is not a uuid names no tenant (and would make PostgreSQL raise).
      if (!isUuid(uuid)) return undefined;
      return scoped(tx, scope).where('tenant.uuid', '=', uuid).executeTakeFirst();
    },

    search(tx: Tx, scope: TenantScope, params: SearchParams): Promise<SearchResult<TenantView>> {
      return runSearch(scoped(tx, scope), tenantSearchConfig, params);
    },

    async find(tx: Tx, uuid: string): Promise<Tenant | undefined> {
      if (!isUuid(uuid)) return undefined;
      return allTenants(tx).where('tenant.uuid', '=', uuid).executeTakeFirst();
    },

    listAll(tx: Tx): Promise<Tenant[]> {
      return allTenants(tx).orderBy('tenant.uuid').execute();
    },

    /** Inserts the tenant; false when a row with that uuid exists (another process won the race). */
    async insert(tx: Tx, tenant: Tenant): Promise<boolean> {
      const row = await tx.db
        .insertInto('tenant')
        .values({ uuid: tenant.uuid, slug: orNull(tenant.slug), name: orNull(tenant.name) })
        .onConflict((conflict) => conflict.column('uuid').doNothing())
        .returning('uuid')
        .executeTakeFirst();
      return row !== undefined;
    },

    async update(tx: Tx, tenant: Tenant): Promise<void> {
      await tx.db
        .updateTable('tenant')
        .set({ slug: orNull(tenant.slug), name: orNull(tenant.name), updated_at: sql<Date>`now()` })
        .where('uuid', '=', tenant.uuid)
        .execute();
    },

    /**
     * The tenant's default SIP templates, its row locked until the transaction ends, so two
     * processes hearing of one tenant make its templates once; undefined when the tenant is absent.
     */
    async lockSipTemplates(tx: Tx, uuid: string): Promise<TenantSipTemplates | undefined> {
      if (!isUuid(uuid)) return undefined;
      return tx.db
        .selectFrom('tenant')
        .select(['sip_templates_generated', ...TEMPLATE_FIELDS])
        .where('uuid', '=', uuid)
        .forUpdate()
        .executeTakeFirst();
    },

    async setSipTemplates(tx: Tx, uuid: string, templates: TenantSipTemplates): Promise<void> {
      await tx.db
        .updateTable('tenant')
        .set({ ...templates, updated_at: sql<Date>`now()` })
        .where('uuid', '=', uuid)
        .execute();
    },

    /**
     * Deletes the tenant and, through ON DELETE CASCADE, every row of it; false when absent.
     * The "in use" keys (migration 0095) would refuse it mid-cascade, and lines and extensions
     * have no tenant of their own (they go with their context): the keys are deferred to the
     * commit, and the lines and extensions of the tenant's contexts, and its users' voicemail
     * links, go after the cascade.
     */
    async remove(tx: Tx, uuid: string): Promise<boolean> {
      if (!isUuid(uuid)) return false;
      const contexts = (
        await tx.db.selectFrom('context').select('id').where('tenant_uuid', '=', uuid).execute()
      ).map((context) => context.id);
      const users = (
        await tx.db.selectFrom('users').select('uuid').where('tenant_uuid', '=', uuid).execute()
      ).map((user) => user.uuid);
      await sql`SET CONSTRAINTS ${sql.raw(IN_USE_KEYS.join(', '))} DEFERRED`.execute(tx.db);
      const result = await tx.db.deleteFrom('tenant').where('uuid', '=', uuid).executeTakeFirst();
      if (users.length > 0)
        await tx.db.deleteFrom('user_voicemail').where('user_uuid', 'in', users).execute();
      if (contexts.length > 0) {
        await tx.db.deleteFrom('line').where('context_id', 'in', contexts).execute();
        await tx.db.deleteFrom('extension').where('context_id', 'in', contexts).execute();
      }
      return result.numDeletedRows > 0n;
    },
  };
}

export type TenantsDao = ReturnType<typeof createTenantsDao>;

/** The deferrable "in use" foreign keys (migration 0095), deferred while a tenant is purged. */
const IN_USE_KEYS = [
  'extension_context_id_fkey',
  'line_context_id_fkey',
  'voicemail_context_id_fkey',
  'line_extension_extension_id_fkey',
  'incall_extension_extension_id_fkey',
  'user_voicemail_user_uuid_fkey',
  'user_voicemail_voicemail_id_fkey',
];
