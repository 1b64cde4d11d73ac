/** SQL of the schedules resource: `schedules` and their `schedule_periods`. */

import { inTenants } from '@wazo-ts/db';
import { deleteInScope } from '../db/scoped-write.js';
import type { Tx } from '../db/unit-of-work.js';
import { runSearch, type SearchConfig } from '../search/apply.js';
import type { SearchParams, SearchResult, TenantScope } from '../search/search.js';
import type { Destination } from './destination.js';
import { nameDestinations } from './destination-names.js';
import type {
  ExceptionalPeriod,
  OpenPeriod,
  Schedule,
  ScheduleFields,
  ScheduleRow,
} from './schedules.model.js';
import { scheduleRelationsOf } from './schedules.relations.js';

/** Wazo's schedule search: id, name, timezone; sorted by name. */
export const scheduleSearchConfig: SearchConfig = {
  columns: { id: 'schedules.id', name: 'schedules.name', timezone: 'schedules.timezone' },
  search: ['id', 'name', 'timezone'],
  defaultSort: 'name',
  key: 'schedules.id',
};

type ScheduleHead = Omit<ScheduleFields, 'open_periods' | 'exceptional_periods'>;

function scoped(tx: Tx, scope: TenantScope) {
  const query = tx.db.selectFrom('schedules').selectAll('schedules');
  return query.where(inTenants('schedules.tenant_uuid', scope.tenantUuids));
}

async function insertPeriods(tx: Tx, scheduleId: number, row: ScheduleRow): Promise<void> {
  const toRow =
    (kind: 'open' | 'exceptional', destination: Destination | null) =>
    (period: OpenPeriod, position: number) => ({
      schedule_id: scheduleId,
      kind,
      position,
      hours_start: period.hours_start,
      hours_end: period.hours_end,
      week_days: period.week_days,
      month_days: period.month_days,
      months: period.months,
      destination: destination === null ? null : JSON.stringify(destination),
    });
  const rows = [
    ...row.open_periods.map((p, i) => toRow('open', null)(p, i)),
    ...row.exceptional_periods.map((p, i) => toRow('exceptional', p.destination)(p, i)),
  ];
  if (rows.length > 0) await tx.db.insertInto('schedule_periods').values(rows).execute();
}

/** Attaches the periods of each schedule, in the order they were given, and its relations. */
async function withPeriods(tx: Tx, heads: ScheduleHead[]): Promise<Schedule[]> {
  if (heads.length === 0) return [];
  const relations = await scheduleRelationsOf(
    tx,
    heads.map((h) => h.id),
  );
  const periods = await tx.db
    .selectFrom('schedule_periods')
    .selectAll()
    .where(
      'schedule_id',
      'in',
      heads.map((h) => h.id),
    )
    .orderBy('schedule_id')
    .orderBy('kind')
    .orderBy('position')
    .execute();
  const closed = await nameDestinations(
    tx,
    heads.map((head) => head.closed_destination as Destination),
  );
  const exceptional = periods.filter((p) => p.kind === 'exceptional');
  const named = await nameDestinations(
    tx,
    exceptional.map((p) => p.destination as Destination),
  );
  const destinationOf = (p: (typeof periods)[number]) => named[exceptional.indexOf(p)]!;
  return heads.map((head, i) => {
    const own = periods.filter((p) => p.schedule_id === head.id);
    const plain = (p: (typeof own)[number]): OpenPeriod => ({
      hours_start: p.hours_start,
      hours_end: p.hours_end,
      week_days: p.week_days.map(Number),
      month_days: p.month_days.map(Number),
      months: p.months.map(Number),
    });
    return {
      ...head,
      closed_destination: closed[i]!,
      ...relations.get(head.id)!,
      open_periods: own.filter((p) => p.kind === 'open').map(plain),
      exceptional_periods: own
        .filter((p) => p.kind === 'exceptional')
        .map((p): ExceptionalPeriod => ({ ...plain(p), destination: destinationOf(p) })),
    };
  });
}

const columnsOf = (row: ScheduleRow) => ({
  name: row.name,
  timezone: row.timezone,
  closed_destination: JSON.stringify(row.closed_destination),
  enabled: row.enabled,
});

export function createSchedulesDao() {
  return {
    /** Null when the row's tenant is outside the scope: nothing is written. */
    async create(tx: Tx, scope: TenantScope, row: ScheduleRow): Promise<Schedule | null> {
      if (!scope.tenantUuids.includes(row.tenant_uuid)) return null;
      const head = await tx.db
        .insertInto('schedules')
        .values({ tenant_uuid: row.tenant_uuid, ...columnsOf(row) })
        .returningAll()
        .executeTakeFirstOrThrow();
      await insertPeriods(tx, head.id, row);
      return (await withPeriods(tx, [head]))[0]!;
    },

    async find(tx: Tx, scope: TenantScope, id: number): Promise<Schedule | null> {
      const head = await scoped(tx, scope).where('schedules.id', '=', id).executeTakeFirst();
      return head ? (await withPeriods(tx, [head]))[0]! : null;
    },

    async search(tx: Tx, scope: TenantScope, params: SearchParams): Promise<SearchResult<Schedule>> {
      const page = await runSearch(scoped(tx, scope), scheduleSearchConfig, params);
      return { total: page.total, items: await withPeriods(tx, page.items) };
    },

    /** Replaces the schedule `id` (fields and periods) if it is in scope; null when it is not. */
    async update(tx: Tx, scope: TenantScope, id: number, row: ScheduleRow): Promise<Schedule | null> {
      const head = await tx.db
        .updateTable('schedules')
        .set(columnsOf(row))
        .where('id', '=', id)
        .where(inTenants('tenant_uuid', scope.tenantUuids))
        .returningAll()
        .executeTakeFirst();
      if (!head) return null;
      await tx.db.deleteFrom('schedule_periods').where('schedule_id', '=', id).execute();
      await insertPeriods(tx, id, row);
      return (await withPeriods(tx, [head]))[0]!;
    },

    /** Deletes the schedule `id` (its periods and links go with it) if it is in scope. */
    async delete(tx: Tx, scope: TenantScope, id: number): Promise<boolean> {
      return deleteInScope(tx, 'schedules', scope, id);
    },
  };
}

export type SchedulesDao = ReturnType<typeof createSchedulesDao>;
