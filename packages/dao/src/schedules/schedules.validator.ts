/**
 * Checks on schedule input: destinations (type and fields), periods (hours, day lists, start not
 * after end), and the user a closed destination names, in the schedule's tenant.
 */
import type { Tx } from '../db/unit-of-work.js';
import { formatCriteria, inputError, referenceNotFound } from '../errors.js';
import type { FindUser } from '../group-members/user-ref.js';
import { scopeOf } from '../search/search.js';
import { checkDestination } from './destination-check.js';
import { missingMoh } from './destination-names.js';
import { HOURS_PATTERN, type ScheduleEdit } from './schedules.model.js';

type FieldErrors = Record<string, string[] | Record<string, string[]>>;

const dict = (errors: Record<string, unknown>) => `{${formatCriteria(errors)}}`;
const HOURS = new RegExp(HOURS_PATTERN);

function dayListProblem(value: unknown, max: number, name: string): string[] | null {
  if (value === undefined) return null;
  if (!Array.isArray(value)) return ['Not a valid list.'];
  if (value.length < 1) return [`${name} cannot be empty`];
  const bad = value.some((v) => !Number.isInteger(v) || v < 1 || v > max);
  return bad ? [`Must be greater than or equal to 1 and less than or equal to ${max}.`] : null;
}

function periodErrors(period: Record<string, unknown>, exceptional: boolean): FieldErrors {
  const errors: FieldErrors = {};
  for (const field of ['hours_start', 'hours_end']) {
    const value = period[field];
    if (value === undefined) errors[field] = ['Missing data for required field.'];
    else if (typeof value !== 'string' || !HOURS.test(value)) {
      errors[field] = ['String does not match expected pattern.'];
    }
  }
  const limits = { week_days: 7, month_days: 31, months: 12 } as const;
  for (const [field, max] of Object.entries(limits)) {
    const problem = dayListProblem(period[field], max, field);
    if (problem) errors[field] = problem;
  }
  if (
    !errors.hours_start &&
    !errors.hours_end &&
    (period.hours_start as string) > (period.hours_end as string)
  ) {
    errors._schema = ['hours_end is before hours_start'];
  }
  if (exceptional) {
    const check = checkDestination(period.destination ?? undefined);
    if (period.destination === undefined) errors.destination = ['Missing data for required field.'];
    else if ('errors' in check) errors.destination = check.errors;
  }
  return errors;
}

function checkPeriods(field: string, periods: unknown, exceptional: boolean): void {
  if (periods === undefined) return;
  if (!Array.isArray(periods)) throw inputError(`${field}: ['Not a valid list.']`, { field });
  const parts = periods
    .map((p, i) => [i, periodErrors(p as Record<string, unknown>, exceptional)] as const)
    .filter(([, errors]) => Object.keys(errors).length > 0)
    .map(([i, errors]) => `${i}: ${dict(errors)}`);
  if (parts.length > 0) throw inputError(`${field}: {${parts.join(', ')}}`, { field });
}

export interface SchedulesValidatorDeps {
  /** Looks up the user a `user` destination names (the users resource's find). */
  findUser: FindUser;
}

export function createSchedulesValidator({ findUser }: SchedulesValidatorDeps) {
  async function checkClosedDestination(tx: Tx, tenantUuid: string, raw: unknown): Promise<void> {
    const check = checkDestination(raw);
    if ('errors' in check) throw inputError(`closed_destination: ${dict(check.errors)}`);
    const { destination } = check;
    // Wazo checks only users here; we look in the schedule's tenant, where Wazo looks anywhere.
    if (destination.type !== 'user') return;
    const userId = destination.user_id as number;
    if (!(await findUser(tx, scopeOf(tenantUuid), userId))) {
      throw referenceNotFound('fallback_actionid', 'User', { fallback_actionid: userId });
    }
    const moh = await missingMoh(tx, tenantUuid, destination);
    if (moh) throw referenceNotFound('moh_uuid', 'MOH', { moh_uuid: moh });
  }

  return {
    async validate(tx: Tx, tenantUuid: string, input: ScheduleEdit): Promise<void> {
      if (input.closed_destination !== undefined) {
        await checkClosedDestination(tx, tenantUuid, input.closed_destination);
      }
      checkPeriods('open_periods', input.open_periods, false);
      checkPeriods('exceptional_periods', input.exceptional_periods, true);
    },
  };
}

export type SchedulesValidator = ReturnType<typeof createSchedulesValidator>;
