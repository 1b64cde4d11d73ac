/** Phonebooks of the tenants a request sees (Wazo's PhonebookCRUD): queries only. */
import { randomUUID } from 'node:crypto';
import { type Kysely, type SqlBool, sql } from 'kysely';
import { containsPattern } from '../contacts/contacts.dao.js';
import type { DirdDatabase } from '../db/schema.js';

export interface Phonebook {
  id: number;
  uuid: string;
  tenant_uuid: string;
  name: string;
  description: string | null;
}

export interface PhonebookFields {
  name: string;
  description?: string | null | undefined;
}

export interface PhonebookPage {
  search?: string | undefined;
  order?: 'name' | 'description' | undefined;
  direction?: 'asc' | 'desc' | undefined;
  limit?: number | undefined;
  offset?: number | undefined;
}

const COLUMNS = ['id', 'uuid', 'tenant_uuid', 'name', 'description'] as const;

const isUniqueViolation = (error: unknown): boolean => (error as { code?: string })?.code === '23505';

function searchFilter(search: string | undefined) {
  if (!search) return sql<SqlBool>`true`;
  const pattern = containsPattern(search);
  return sql<SqlBool>`(name ILIKE ${pattern} OR description ILIKE ${pattern})`;
}

export function createPhonebooksDao(db: Kysely<DirdDatabase>) {
  return {
    async list(tenants: readonly string[], page: PhonebookPage): Promise<Phonebook[]> {
      if (tenants.length === 0) return [];
      let query = db
        .selectFrom('dird_phonebook')
        .select(COLUMNS)
        .where('tenant_uuid', 'in', tenants)
        .where(searchFilter(page.search))
        .orderBy(page.order ?? 'name', page.direction ?? 'asc')
        .orderBy('id');
      if (page.limit !== undefined) query = query.limit(page.limit);
      if (page.offset) query = query.offset(page.offset);
      return query.execute();
    },

    async count(tenants: readonly string[], search?: string): Promise<number> {
      if (tenants.length === 0) return 0;
      const row = await db
        .selectFrom('dird_phonebook')
        .select((eb) => eb.fn.countAll<string>().as('total'))
        .where('tenant_uuid', 'in', tenants)
        .where(searchFilter(search))
        .executeTakeFirstOrThrow();
      return Number(row.total);
    },

    async get(tenants: readonly string[], uuid: string): Promise<Phonebook | null> {
      if (tenants.length === 0) return null;
      const row = await db
        .selectFrom('dird_phonebook')
        .select(COLUMNS)
        .where('uuid', '=', uuid)
        .where('tenant_uuid', 'in', tenants)
        .executeTakeFirst();
      return row ?? null;
    },

    /** The new phonebook, or null when the tenant has one of that name. */
    async create(tenantUuid: string, fields: PhonebookFields): Promise<Phonebook | null> {
      await db
        .insertInto('dird_tenant')
        .values({ uuid: tenantUuid, country: null })
        .onConflict((oc) => oc.doNothing())
        .execute();
      const row = await db
        .insertInto('dird_phonebook')
        .values({
          uuid: randomUUID(),
          tenant_uuid: tenantUuid,
          name: fields.name,
          description: fields.description ?? null,
        })
        .onConflict((oc) => oc.columns(['tenant_uuid', 'name']).doNothing())
        .returning(COLUMNS)
        .executeTakeFirst();
      return row ?? null;
    },

    /** The edited phonebook, null when unknown; a name taken in its tenant is 'duplicate'. */
    async update(
      tenants: readonly string[],
      uuid: string,
      fields: PhonebookFields,
    ): Promise<Phonebook | null | 'duplicate'> {
      if (tenants.length === 0) return null;
      try {
        const row = await db
          .updateTable('dird_phonebook')
          .set({ name: fields.name, description: fields.description ?? null })
          .where('uuid', '=', uuid)
          .where('tenant_uuid', 'in', tenants)
          .returning(COLUMNS)
          .executeTakeFirst();
        return row ?? null;
      } catch (error) {
        if (isUniqueViolation(error)) return 'duplicate';
        throw error;
      }
    },

    /** Whether it was there; its contacts go with it. */
    async delete(tenants: readonly string[], uuid: string): Promise<boolean> {
      if (tenants.length === 0) return false;
      const result = await db
        .deleteFrom('dird_phonebook')
        .where('uuid', '=', uuid)
        .where('tenant_uuid', 'in', tenants)
        .executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },
  };
}

export type PhonebooksDao = ReturnType<typeof createPhonebooksDao>;
