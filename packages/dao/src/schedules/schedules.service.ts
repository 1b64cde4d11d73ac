/** The schedules' public API: search, get, create, edit, delete, with their events. */
import type { Tx, UnitOfWork } from '../db/unit-of-work.js';
import { notFound } from '../errors.js';
import type { SearchParams, SearchResult, TenantScope } from '../search/search.js';
import type { Destination } from './destination.js';
import { checkDestination } from './destination-check.js';
import type { SchedulesDao } from './schedules.dao.js';
import type {
  ExceptionalPeriodInput,
  OpenPeriod,
  OpenPeriodInput,
  Schedule,
  ScheduleCreate,
  ScheduleEdit,
  ScheduleRow,
} from './schedules.model.js';
import type { SchedulesNotifier } from './schedules.notifier.js';
import type { SchedulesValidator } from './schedules.validator.js';

export interface SchedulesServiceDeps {
  uow: UnitOfWork;
  dao: SchedulesDao;
  validator: SchedulesValidator;
  notifier: SchedulesNotifier;
}

const range = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

/** A period's day lists default to every day of the week, every day of the month, every month. */
function withDefaults(period: OpenPeriodInput): OpenPeriod {
  return {
    hours_start: period.hours_start,
    hours_end: period.hours_end,
    week_days: period.week_days ?? range(7),
    month_days: period.month_days ?? range(31),
    months: period.months ?? range(12),
  };
}

/** Keeps only the fields of the destination's type (the validator has accepted it). */
function cleaned(destination: Destination): Destination {
  const check = checkDestination(destination);
  return 'destination' in check ? check.destination : destination;
}

function rowOf(tenantUuid: string, base: ScheduleCreate, changes: ScheduleEdit = {}): ScheduleRow {
  const input = { ...base, ...changes };
  return {
    tenant_uuid: tenantUuid,
    name: input.name ?? null,
    timezone: input.timezone ?? null,
    closed_destination: cleaned(input.closed_destination),
    enabled: input.enabled ?? true,
    open_periods: (input.open_periods ?? []).map(withDefaults),
    exceptional_periods: (input.exceptional_periods ?? []).map((p: ExceptionalPeriodInput) => ({
      ...withDefaults(p),
      destination: cleaned(p.destination),
    })),
  };
}

const missing = (id: number) => notFound('Schedule', { id });

export function createSchedulesService({ uow, dao, validator, notifier }: SchedulesServiceDeps) {
  async function existing(tx: Tx, scope: TenantScope, id: number): Promise<Schedule> {
    const schedule = await dao.find(tx, scope, id);
    if (!schedule) throw missing(id);
    return schedule;
  }

  return {
    search(scope: TenantScope, params: SearchParams): Promise<SearchResult<Schedule>> {
      return uow.read((tx) => dao.search(tx, scope, params));
    },

    get(scope: TenantScope, id: number): Promise<Schedule> {
      return uow.read((tx) => existing(tx, scope, id));
    },

    /** Creates in `tenantUuid`, which must be among the caller's tenants (else Tenant not found). */
    create(scope: TenantScope, tenantUuid: string, input: ScheduleCreate): Promise<Schedule> {
      return uow.run(async (tx) => {
        // Before validating: the checks read the target tenant's users, which the caller may not see.
        if (!scope.tenantUuids.includes(tenantUuid)) throw notFound('Tenant', { uuid: tenantUuid });
        await validator.validate(tx, tenantUuid, input);
        const schedule = await dao.create(tx, scope, rowOf(tenantUuid, input));
        if (!schedule) throw notFound('Tenant', { uuid: tenantUuid });
        notifier.created(tx, schedule);
        return schedule;
      });
    },

    /** Changes the given fields; a given period list replaces that kind of periods. */
    edit(scope: TenantScope, id: number, changes: ScheduleEdit): Promise<Schedule> {
      return uow.run(async (tx) => {
        const schedule = await existing(tx, scope, id);
        await validator.validate(tx, schedule.tenant_uuid, changes);
        const edited = await dao.update(tx, scope, id, rowOf(schedule.tenant_uuid, schedule, changes));
        if (!edited) throw missing(id);
        notifier.edited(tx, edited);
        return edited;
      });
    },

    delete(scope: TenantScope, id: number): Promise<void> {
      return uow.run(async (tx) => {
        const schedule = await existing(tx, scope, id);
        await dao.delete(tx, scope, id);
        notifier.deleted(tx, schedule);
      });
    },
  };
}

export type SchedulesService = ReturnType<typeof createSchedulesService>;
