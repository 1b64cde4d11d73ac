/** SQL of the voicemails resource: `voicemail` rows (their context by name) and the users each serves. */

import { inTenants } from '@wazo-ts/db';
import type { Selectable } from 'kysely';
import { deleteInScope } from '../db/scoped-write.js';
import type { Tx } from '../db/unit-of-work.js';
import { runSearch, type SearchConfig } from '../search/apply.js';
import type { SearchParams, SearchResult, TenantScope } from '../search/search.js';
import type { Voicemail, VoicemailRow, VoicemailUser } from './voicemails.model.js';
import type { VoicemailTable } from './voicemails.tables.js';

/** xivo-dao's voicemail search: these columns filter, four of them are searched; sorted by number. */
export const voicemailSearchConfig: SearchConfig = {
  columns: {
    name: 'voicemail.name',
    number: 'voicemail.number',
    email: 'voicemail.email',
    context: 'context.name',
    language: 'voicemail.language',
    timezone: 'voicemail.timezone',
    pager: 'voicemail.pager',
    accesstype: 'voicemail.accesstype',
  },
  search: ['name', 'number', 'email', 'pager'],
  defaultSort: 'number',
  key: 'voicemail.id',
};

type Head = Selectable<VoicemailTable> & { context: string };

function scoped(tx: Tx, scope: TenantScope) {
  return tx.db
    .selectFrom('voicemail')
    .innerJoin('context', 'context.id', 'voicemail.context_id')
    .selectAll('voicemail')
    .select('context.name as context')
    .where(inTenants('voicemail.tenant_uuid', scope.tenantUuids));
}

async function usersOf(tx: Tx, ids: number[]): Promise<Map<number, VoicemailUser[]>> {
  const byVoicemail = new Map<number, VoicemailUser[]>(ids.map((id) => [id, []]));
  if (ids.length === 0) return byVoicemail;
  const rows = await tx.db
    .selectFrom('user_voicemail')
    .innerJoin('users', 'users.uuid', 'user_voicemail.user_uuid')
    .select(['user_voicemail.voicemail_id', 'users.uuid', 'users.firstname', 'users.lastname'])
    .where('user_voicemail.voicemail_id', 'in', ids)
    .orderBy('users.id')
    .execute();
  for (const { voicemail_id, uuid, firstname, lastname } of rows) {
    byVoicemail.get(voicemail_id)?.push({ uuid, firstname, lastname: lastname || null });
  }
  return byVoicemail;
}

async function withUsers(tx: Tx, heads: Head[]): Promise<Voicemail[]> {
  const users = await usersOf(
    tx,
    heads.map((head) => head.id),
  );
  return heads.map(({ context_id: _, ...head }) => ({
    ...head,
    accesstype: head.accesstype as Voicemail['accesstype'],
    users: users.get(head.id)!,
  }));
}

const columnsOf = ({ options, ...row }: VoicemailRow) => ({ ...row, options: JSON.stringify(options) });

export function createVoicemailsDao() {
  async function findHead(tx: Tx, scope: TenantScope, id: number): Promise<Head | undefined> {
    return scoped(tx, scope).where('voicemail.id', '=', id).executeTakeFirst();
  }

  return {
    async find(tx: Tx, scope: TenantScope, id: number): Promise<Voicemail | null> {
      const head = await findHead(tx, scope, id);
      return head ? (await withUsers(tx, [head]))[0]! : null;
    },

    async search(tx: Tx, scope: TenantScope, params: SearchParams): Promise<SearchResult<Voicemail>> {
      const page = await runSearch(scoped(tx, scope), voicemailSearchConfig, params);
      return { total: page.total, items: await withUsers(tx, page.items) };
    },

    /** The voicemail holding `number` in the context, or the context's global one; any tenant. */
    async findBy(
      tx: Tx,
      criteria: { number: string; context_id: number } | { accesstype: 'global'; context_id: number },
    ): Promise<{ id: number; number: string } | null> {
      let query = tx.db
        .selectFrom('voicemail')
        .select(['id', 'number'])
        .where('context_id', '=', criteria.context_id);
      query =
        'number' in criteria
          ? query.where('number', '=', criteria.number)
          : query.where('accesstype', '=', criteria.accesstype);
      return (await query.executeTakeFirst()) ?? null;
    },

    /** Null when the row's tenant is outside the scope: nothing is written. */
    async create(tx: Tx, scope: TenantScope, row: VoicemailRow): Promise<Voicemail | null> {
      if (!scope.tenantUuids.includes(row.tenant_uuid)) return null;
      const { id } = await tx.db
        .insertInto('voicemail')
        .values(columnsOf(row))
        .returning('id')
        .executeTakeFirstOrThrow();
      return this.find(tx, scope, id);
    },

    /** Replaces the voicemail `id`'s fields if it is in scope; null when it is not. */
    async update(tx: Tx, scope: TenantScope, id: number, row: VoicemailRow): Promise<Voicemail | null> {
      const result = await tx.db
        .updateTable('voicemail')
        .set(columnsOf(row))
        .where('id', '=', id)
        .where(inTenants('tenant_uuid', scope.tenantUuids))
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0 ? this.find(tx, scope, id) : null;
    },

    async delete(tx: Tx, scope: TenantScope, id: number): Promise<boolean> {
      return deleteInScope(tx, 'voicemail', scope, id);
    },

    /** The ids of the users the voicemail serves (any tenant: the voicemail was found in scope). */
    async userIdsOf(tx: Tx, voicemailId: number): Promise<number[]> {
      const rows = await tx.db
        .selectFrom('user_voicemail')
        .innerJoin('users', 'users.uuid', 'user_voicemail.user_uuid')
        .select('users.id')
        .where('user_voicemail.voicemail_id', '=', voicemailId)
        .orderBy('users.id')
        .execute();
      return rows.map((row) => row.id);
    },

    /** The id of the voicemail of the user `userUuid` (any tenant: the user was found in scope). */
    async idOfUser(tx: Tx, userUuid: string): Promise<number | null> {
      const row = await tx.db
        .selectFrom('user_voicemail')
        .select('voicemail_id')
        .where('user_uuid', '=', userUuid)
        .executeTakeFirst();
      return row?.voicemail_id ?? null;
    },
  };
}

export type VoicemailsDao = ReturnType<typeof createVoicemailsDao>;
