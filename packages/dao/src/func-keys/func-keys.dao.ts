/**
 * SQL of the function keys: templates (`func_key_template`) and their keys by position
 * (`func_key_mapping`), with the names a key's user or group destination shows, and the users'
 * public template (`users.func_key_template_id`, which this resource owns).
 */
import { inTenants } from '@wazo-ts/db';
import { sql } from 'kysely';
import type { Tx } from '../db/unit-of-work.js';
import { runSearch, type SearchConfig } from '../search/apply.js';
import type { SearchParams, SearchResult, TenantScope } from '../search/search.js';
import type { FuncKeyDestinationInput } from './func-key-destinations.js';
import type {
  FuncKey,
  FuncKeyDestination,
  FuncKeyRow,
  FuncKeyTemplateHead,
  FuncKeyTemplateUser,
} from './func-keys.model.js';

/** Wazo's template search: the name only, sorted by name; private templates are never listed. */
export const funcKeyTemplateSearchConfig: SearchConfig = {
  columns: { name: 'func_key_template.name' },
  search: ['name'],
  defaultSort: 'name',
  key: 'func_key_template.id',
};

/** A template's keys by position, as stored, with the names their destinations show. */
export type StoredKeys = Map<number, Omit<FuncKey, 'inherited'>>;

function scoped(tx: Tx, scope: TenantScope) {
  return tx.db
    .selectFrom('func_key_template')
    .select(['id', 'tenant_uuid', 'name', 'private_user_id'])
    .where(inTenants('func_key_template.tenant_uuid', scope.tenantUuids));
}

async function keysOf(tx: Tx, templateIds: number[]): Promise<Map<number, StoredKeys>> {
  const byTemplate = new Map<number, StoredKeys>(templateIds.map((id) => [id, new Map()]));
  if (templateIds.length === 0) return byTemplate;
  const rows = await tx.db
    .selectFrom('func_key_mapping as m')
    .leftJoin('users as u', 'u.id', 'm.user_id')
    .leftJoin('groups as g', 'g.id', 'm.group_id')
    .leftJoin('call_filter_member as fm', 'fm.id', 'm.filter_member_id')
    .leftJoin('users as fu', 'fu.id', 'fm.user_id')
    .leftJoin('parking_lot as pl', (join) =>
      join.on(sql<boolean>`pl.id::text = m.destination ->> 'parking_lot_id'`),
    )
    .select(['m.id', 'm.template_id', 'm.position', 'm.label', 'm.blf', 'm.destination'])
    .select(['u.firstname', 'u.lastname', 'g.name as group_name', 'g.label as group_label'])
    .select(['fu.firstname as member_firstname', 'fu.lastname as member_lastname'])
    .select(['pl.id as parking_lot_found', 'pl.name as parking_lot_name'])
    .where('m.template_id', 'in', templateIds)
    .orderBy('m.position')
    .execute();
  for (const row of rows) {
    const destination: FuncKeyDestination = { ...row.destination, href: null };
    if (row.destination.type === 'user' && row.firstname !== null) {
      Object.assign(destination, { user_firstname: row.firstname, user_lastname: row.lastname });
    }
    if (row.destination.type === 'group' && row.group_name !== null) {
      Object.assign(destination, { group_name: row.group_name, group_label: row.group_label });
    }
    if (row.destination.type === 'bsfilter' && row.member_firstname !== null) {
      Object.assign(destination, {
        filter_member_firstname: row.member_firstname,
        filter_member_lastname: row.member_lastname,
      });
    }
    if (row.parking_lot_found !== null)
      Object.assign(destination, { parking_lot_name: row.parking_lot_name });
    byTemplate.get(row.template_id)!.set(row.position, {
      id: row.id,
      blf: row.blf,
      label: row.label,
      destination,
    });
  }
  return byTemplate;
}

const referenceColumns = (destination: FuncKeyDestinationInput) => ({
  user_id: destination.type === 'user' ? (destination.user_id as number) : null,
  group_id: ['group', 'groupmember'].includes(destination.type) ? (destination.group_id as number) : null,
  filter_member_id: destination.type === 'bsfilter' ? (destination.filter_member_id as number) : null,
  agent_id: destination.type === 'agent' ? (destination.agent_id as number) : null,
  queue_id: destination.type === 'queue' ? (destination.queue_id as number) : null,
});

/**
 * Deletes every key whose destination is one of `types` naming `id` by `field`: its conference,
 * paging or parking lot is being deleted (those keys hold their target in the destination only;
 * users', groups', agents' and queues' keys go by their foreign keys).
 */
export async function dropFuncKeysTo(
  tx: Tx,
  types: readonly string[],
  field: string,
  id: number,
): Promise<void> {
  await sql`
    DELETE FROM func_key_mapping
    WHERE destination ->> 'type' IN (${sql.join(types)}) AND destination ->> ${field} = ${String(id)}`.execute(
    tx.db,
  );
}

export function createFuncKeysDao() {
  return {
    /** Public templates in scope, each with its keys. */
    async search(
      tx: Tx,
      scope: TenantScope,
      params: SearchParams,
    ): Promise<SearchResult<FuncKeyTemplateHead & { keys: StoredKeys }>> {
      const base = scoped(tx, scope).where('private_user_id', 'is', null);
      const page = await runSearch(base, funcKeyTemplateSearchConfig, params);
      const keys = await keysOf(
        tx,
        page.items.map((t) => t.id),
      );
      return { total: page.total, items: page.items.map((t) => ({ ...t, keys: keys.get(t.id)! })) };
    },

    /** A template in scope, public or private. */
    find(tx: Tx, scope: TenantScope, id: number): Promise<FuncKeyTemplateHead | undefined> {
      return scoped(tx, scope).where('id', '=', id).executeTakeFirst();
    },

    /** The private template of a user (every user has one: it is made with the user). */
    async findPrivate(tx: Tx, userId: number): Promise<FuncKeyTemplateHead> {
      return tx.db
        .selectFrom('func_key_template')
        .select(['id', 'tenant_uuid', 'name', 'private_user_id'])
        .where('private_user_id', '=', userId)
        .executeTakeFirstOrThrow();
    },

    async keys(tx: Tx, templateId: number): Promise<StoredKeys> {
      return (await keysOf(tx, [templateId])).get(templateId)!;
    },

    async create(tx: Tx, tenantUuid: string, name: string | null): Promise<FuncKeyTemplateHead> {
      return tx.db
        .insertInto('func_key_template')
        .values({ tenant_uuid: tenantUuid, name })
        .returning(['id', 'tenant_uuid', 'name', 'private_user_id'])
        .executeTakeFirstOrThrow();
    },

    async rename(tx: Tx, id: number, name: string | null): Promise<void> {
      await tx.db.updateTable('func_key_template').set({ name }).where('id', '=', id).execute();
    },

    /** Replaces every key of the template; a position kept keeps its key's id. */
    async replaceKeys(tx: Tx, templateId: number, keys: FuncKeyRow[]): Promise<void> {
      const positions = keys.map((key) => key.position);
      let removed = tx.db.deleteFrom('func_key_mapping').where('template_id', '=', templateId);
      if (positions.length > 0) removed = removed.where('position', 'not in', positions);
      await removed.execute();
      if (keys.length === 0) return;
      const rows = keys.map((key) => ({
        template_id: templateId,
        position: key.position,
        label: key.label,
        blf: key.blf,
        destination: JSON.stringify(key.destination),
        ...referenceColumns(key.destination),
      }));
      await tx.db
        .insertInto('func_key_mapping')
        .values(rows)
        .onConflict((conflict) =>
          conflict.columns(['template_id', 'position']).doUpdateSet((eb) => ({
            label: eb.ref('excluded.label'),
            blf: eb.ref('excluded.blf'),
            destination: eb.ref('excluded.destination'),
            user_id: eb.ref('excluded.user_id'),
            group_id: eb.ref('excluded.group_id'),
            filter_member_id: eb.ref('excluded.filter_member_id'),
            agent_id: eb.ref('excluded.agent_id'),
            queue_id: eb.ref('excluded.queue_id'),
          })),
        )
        .execute();
    },

    /** Deletes the template (its keys go with it; users using it are left without one). */
    async delete(tx: Tx, id: number): Promise<void> {
      await tx.db.deleteFrom('func_key_template').where('id', '=', id).execute();
    },

    /** The public template a user uses, or null. */
    async templateOfUser(tx: Tx, userId: number): Promise<number | null> {
      const row = await tx.db
        .selectFrom('users')
        .select('func_key_template_id')
        .where('id', '=', userId)
        .executeTakeFirst();
      return row?.func_key_template_id ?? null;
    },

    async setTemplateOfUser(tx: Tx, userId: number, templateId: number | null): Promise<void> {
      await tx.db
        .updateTable('users')
        .set({ func_key_template_id: templateId })
        .where('id', '=', userId)
        .execute();
    },

    /** The users that use the template, by id. */
    async usersOfTemplate(tx: Tx, templateId: number): Promise<FuncKeyTemplateUser[]> {
      const rows = await tx.db
        .selectFrom('users')
        .select(['id'])
        .where('func_key_template_id', '=', templateId)
        .orderBy('id')
        .execute();
      return rows.map((row) => ({ user_id: row.id, template_id: templateId }));
    },
  };
}

export type FuncKeysDao = ReturnType<typeof createFuncKeysDao>;
