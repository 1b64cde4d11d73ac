/**
 * SQL of the queues: `queue`, read with its extension, schedule, wait destinations and members;
 * its extension, schedule and member rows.
 */
import { inTenants } from '@wazo-ts/db';
import type { Tx } from '../db/unit-of-work.js';
import { dropDestinationsTo } from '../fallbacks/fallbacks.dao.js';
import type { Destination } from '../schedules/destination.js';
import { nameDestinations } from '../schedules/destination-names.js';
import { runSearch, type SearchConfig } from '../search/apply.js';
import type { SearchParams, SearchResult, TenantScope } from '../search/search.js';
import type { Queue, QueueFields, QueueRelations } from './queues.model.js';
import type { QueueTable } from './queues.tables.js';

/** Wazo's queue search: id, name, label, preprocess_subroutine, its extension's exten; sorted by id. */
export const queueSearchConfig: SearchConfig = {
  columns: {
    id: 'queue.id',
    name: 'queue.name',
    label: 'queue.label',
    preprocess_subroutine: 'queue.preprocess_subroutine',
    exten: 'queue_exten.exten',
  },
  search: ['id', 'name', 'label', 'preprocess_subroutine', 'exten'],
  defaultSort: 'id',
  key: 'queue.id',
};

/** The columns a queue row writes (options as `[name, value]` pairs). */
export type QueueRow = Partial<Omit<QueueFields, 'id' | 'options'>> & {
  tenant_uuid?: string;
  options?: [string, string][];
};

/** The wait destinations by Wazo's dialaction event. */
export const WAIT_EVENTS = {
  wait_time_destination: 'qwaittime',
  wait_ratio_destination: 'qwaitratio',
} as const;
export type WaitField = keyof typeof WAIT_EVENTS;

function scoped(tx: Tx, scope: TenantScope) {
  return tx.db
    .selectFrom('queue')
    .selectAll('queue')
    .where(inTenants('queue.tenant_uuid', scope.tenantUuids));
}

function push<T>(map: Map<number, T[]>, key: number, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

type Relations = Omit<QueueRelations, 'wait_time_destination' | 'wait_ratio_destination'> & {
  wait_time_destination: Destination | null;
  wait_ratio_destination: Destination | null;
};

async function withRelations(tx: Tx, rows: QueueFields[]): Promise<Queue[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((row) => row.id);
  const extensions = new Map<number, Relations['extensions']>();
  const schedules = new Map<number, Relations['schedules']>();
  const agents = new Map<number, Relations['members']['agents']>();
  const users = new Map<number, Relations['members']['users']>();
  const waits = new Map<number, Record<string, Destination>>();
  const extensionRows = await tx.db
    .selectFrom('queue_extension as qe')
    .innerJoin('extension as e', 'e.id', 'qe.extension_id')
    .innerJoin('context as c', 'c.id', 'e.context_id')
    .select(['qe.queue_id', 'e.id', 'e.exten', 'c.name as context'])
    .where('qe.queue_id', 'in', ids)
    .execute();
  for (const { queue_id, ...extension } of extensionRows) push(extensions, queue_id, extension);
  const scheduleRows = await tx.db
    .selectFrom('queue_schedule as qs')
    .innerJoin('schedules as s', 's.id', 'qs.schedule_id')
    .select(['qs.queue_id', 's.id', 's.name'])
    .where('qs.queue_id', 'in', ids)
    .execute();
  for (const { queue_id, ...schedule } of scheduleRows) push(schedules, queue_id, schedule);
  const agentRows = await tx.db
    .selectFrom('queue_member_agent as m')
    .innerJoin('agent as a', 'a.id', 'm.agent_id')
    .select(['m.queue_id', 'm.priority', 'm.penalty', 'a.id', 'a.number', 'a.firstname', 'a.lastname'])
    .where('m.queue_id', 'in', ids)
    .orderBy('m.priority')
    .orderBy('a.id')
    .execute();
  for (const { queue_id, ...agent } of agentRows) push(agents, queue_id, agent);
  const userRows = await tx.db
    .selectFrom('queue_member_user as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['m.queue_id', 'm.priority', 'u.uuid', 'u.firstname', 'u.lastname'])
    .where('m.queue_id', 'in', ids)
    .orderBy('m.priority')
    .orderBy('u.id')
    .execute();
  for (const { queue_id, ...user } of userRows) push(users, queue_id, user);
  const waitRows = await tx.db
    .selectFrom('queue_wait_destination')
    .select(['queue_id', 'event', 'destination'])
    .where('queue_id', 'in', ids)
    .execute();
  const named = await nameDestinations(
    tx,
    waitRows.map((row) => row.destination),
  );
  waitRows.forEach((row, i) => {
    waits.set(row.queue_id, { ...waits.get(row.queue_id), [row.event]: named[i]! });
  });
  return rows.map((row) => ({
    ...row,
    wait_time_destination: waits.get(row.id)?.qwaittime ?? null,
    wait_ratio_destination: waits.get(row.id)?.qwaitratio ?? null,
    extensions: extensions.get(row.id) ?? [],
    schedules: schedules.get(row.id) ?? [],
    members: { agents: agents.get(row.id) ?? [], users: users.get(row.id) ?? [] },
  })) as Queue[];
}

function columnsOf(row: QueueRow) {
  const { options, ...rest } = row;
  return { ...rest, ...(options === undefined ? {} : { options: JSON.stringify(options) }) } as Partial<
    Record<keyof QueueTable, unknown>
  >;
}

export function createQueuesDao() {
  return {
    async find(tx: Tx, scope: TenantScope, id: number): Promise<Queue | null> {
      const row = await scoped(tx, scope).where('queue.id', '=', id).executeTakeFirst();
      return row ? ((await withRelations(tx, [row as QueueFields]))[0] ?? null) : null;
    },

    async search(tx: Tx, scope: TenantScope, params: SearchParams): Promise<SearchResult<Queue>> {
      const withExten = scoped(tx, scope)
        .leftJoin('queue_extension as qe', 'qe.queue_id', 'queue.id')
        .leftJoin('extension as queue_exten', 'queue_exten.id', 'qe.extension_id');
      const page = (await runSearch(withExten, queueSearchConfig, params)) as SearchResult<QueueFields>;
      return { total: page.total, items: await withRelations(tx, page.items) };
    },

    /** The id of the queue named `name`, in any tenant (names are unique across tenants). */
    async idByName(tx: Tx, name: string): Promise<number | null> {
      const row = await tx.db.selectFrom('queue').select('id').where('name', '=', name).executeTakeFirst();
      return row?.id ?? null;
    },

    /** Whether a group, of any tenant, has this name (queue and group names share Asterisk's). */
    async groupNamed(tx: Tx, name: string): Promise<boolean> {
      const row = await tx.db.selectFrom('groups').select('id').where('name', '=', name).executeTakeFirst();
      return row !== undefined;
    },

    /** Null when the row's tenant is outside the scope: nothing is written. */
    async create(tx: Tx, scope: TenantScope, row: QueueRow & { tenant_uuid: string; name: string }) {
      if (!scope.tenantUuids.includes(row.tenant_uuid)) return null;
      const { id } = await tx.db
        .insertInto('queue')
        .values(columnsOf(row) as never)
        .returning('id')
        .executeTakeFirstOrThrow();
      return id;
    },

    async update(tx: Tx, id: number, row: QueueRow): Promise<void> {
      const columns = columnsOf(row);
      if (Object.keys(columns).length === 0) return;
      await tx.db
        .updateTable('queue')
        .set(columns as never)
        .where('id', '=', id)
        .execute();
    },

    /** The queue's wait destination `field` becomes `destination` (null: none). */
    async setWaitDestination(tx: Tx, id: number, field: WaitField, destination: Destination | null) {
      const event = WAIT_EVENTS[field];
      await tx.db
        .deleteFrom('queue_wait_destination')
        .where('queue_id', '=', id)
        .where('event', '=', event)
        .execute();
      if (destination === null) return;
      await tx.db
        .insertInto('queue_wait_destination')
        .values({ queue_id: id, event, destination: JSON.stringify(destination) })
        .execute();
    },

    /** Deletes the queue (its rows here go with it) and the destinations sending calls to it. */
    async delete(tx: Tx, id: number): Promise<void> {
      await dropDestinationsTo(tx, 'queue', 'queue_id', id);
      await tx.db.deleteFrom('queue').where('id', '=', id).execute();
    },

    async extensionOf(tx: Tx, queueId: number): Promise<number | null> {
      const row = await tx.db
        .selectFrom('queue_extension')
        .select('extension_id')
        .where('queue_id', '=', queueId)
        .executeTakeFirst();
      return row?.extension_id ?? null;
    },

    /** Who else uses the extension: a queue, a group or a line (by id), or null. */
    async extensionUser(tx: Tx, extensionId: number) {
      const queue = await tx.db
        .selectFrom('queue_extension')
        .select('queue_id')
        .where('extension_id', '=', extensionId)
        .executeTakeFirst();
      if (queue) return { kind: 'queue' as const, id: queue.queue_id };
      const group = await tx.db
        .selectFrom('group_extension')
        .select('group_id')
        .where('extension_id', '=', extensionId)
        .executeTakeFirst();
      if (group) return { kind: 'group' as const, id: group.group_id };
      const line = await tx.db
        .selectFrom('line_extension')
        .select('line_id')
        .where('extension_id', '=', extensionId)
        .orderBy('line_id')
        .executeTakeFirst();
      if (line) return { kind: 'line' as const, id: line.line_id };
      return null;
    },

    async setExtension(tx: Tx, queueId: number, extensionId: number | null): Promise<void> {
      await tx.db.deleteFrom('queue_extension').where('queue_id', '=', queueId).execute();
      if (extensionId !== null)
        await tx.db
          .insertInto('queue_extension')
          .values({ queue_id: queueId, extension_id: extensionId })
          .execute();
    },

    async scheduleOf(tx: Tx, queueId: number): Promise<number | null> {
      const row = await tx.db
        .selectFrom('queue_schedule')
        .select('schedule_id')
        .where('queue_id', '=', queueId)
        .executeTakeFirst();
      return row?.schedule_id ?? null;
    },

    async setSchedule(tx: Tx, queueId: number, scheduleId: number | null): Promise<void> {
      await tx.db.deleteFrom('queue_schedule').where('queue_id', '=', queueId).execute();
      if (scheduleId !== null)
        await tx.db
          .insertInto('queue_schedule')
          .values({ queue_id: queueId, schedule_id: scheduleId })
          .execute();
    },

    async memberAgent(tx: Tx, queueId: number, agentId: number) {
      return (
        (await tx.db
          .selectFrom('queue_member_agent')
          .selectAll()
          .where('queue_id', '=', queueId)
          .where('agent_id', '=', agentId)
          .executeTakeFirst()) ?? null
      );
    },

    async setMemberAgent(tx: Tx, queueId: number, agentId: number, penalty: number, priority: number) {
      await tx.db
        .insertInto('queue_member_agent')
        .values({ queue_id: queueId, agent_id: agentId, penalty, priority })
        .onConflict((c) => c.columns(['queue_id', 'agent_id']).doUpdateSet({ penalty, priority }))
        .execute();
    },

    async removeMemberAgent(tx: Tx, queueId: number, agentId: number): Promise<void> {
      await tx.db
        .deleteFrom('queue_member_agent')
        .where('queue_id', '=', queueId)
        .where('agent_id', '=', agentId)
        .execute();
    },

    async memberUser(tx: Tx, queueId: number, userId: number) {
      return (
        (await tx.db
          .selectFrom('queue_member_user')
          .selectAll()
          .where('queue_id', '=', queueId)
          .where('user_id', '=', userId)
          .executeTakeFirst()) ?? null
      );
    },

    async setMemberUser(tx: Tx, queueId: number, userId: number, priority: number) {
      await tx.db
        .insertInto('queue_member_user')
        .values({ queue_id: queueId, user_id: userId, priority })
        .onConflict((c) => c.columns(['queue_id', 'user_id']).doUpdateSet({ priority }))
        .execute();
    },

    async removeMemberUser(tx: Tx, queueId: number, userId: number): Promise<void> {
      await tx.db
        .deleteFrom('queue_member_user')
        .where('queue_id', '=', queueId)
        .where('user_id', '=', userId)
        .execute();
    },

    /** The first line of each user member of the queue (by user id), and of `userId`. */
    async firstLines(tx: Tx, userIds: number[]): Promise<Map<number, number>> {
      if (userIds.length === 0) return new Map();
      const rows = await tx.db
        .selectFrom('user_line')
        .select(['user_id', 'line_id'])
        .where('user_id', 'in', userIds)
        .orderBy('main_line', 'desc')
        .orderBy('line_id')
        .execute();
      const first = new Map<number, number>();
      for (const row of rows) if (!first.has(row.user_id)) first.set(row.user_id, row.line_id);
      return first;
    },

    async memberUserIds(tx: Tx, queueId: number): Promise<number[]> {
      const rows = await tx.db
        .selectFrom('queue_member_user')
        .select('user_id')
        .where('queue_id', '=', queueId)
        .execute();
      return rows.map((row) => row.user_id);
    },
  };
}

export type QueuesDao = ReturnType<typeof createQueuesDao>;
