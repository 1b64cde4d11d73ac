/**
 * The phone numbers' public API: search, get, create (one, or a range), edit, delete, and the
 * tenant's main number (read and set), each with its events. The main number is the caller's own
 * tenant's, as Wazo's (no sub-tenants).
 */
import type { Tx, UnitOfWork } from '../db/unit-of-work.js';
import { notFound } from '../errors.js';
import type { SearchParams, SearchResult, TenantScope } from '../search/search.js';
import type { PhoneNumbersDao } from './phone-numbers.dao.js';
import type {
  PhoneNumber,
  PhoneNumberCreate,
  PhoneNumberEdit,
  PhoneNumberRange,
  PhoneNumberRangeResult,
  PhoneNumberRow,
} from './phone-numbers.model.js';
import type { PhoneNumbersNotifier } from './phone-numbers.notifier.js';
import { numbersOfRange, type PhoneNumbersValidator } from './phone-numbers.validator.js';

export interface PhoneNumbersServiceDeps {
  uow: UnitOfWork;
  dao: PhoneNumbersDao;
  validator: PhoneNumbersValidator;
  notifier: PhoneNumbersNotifier;
}

const missing = (uuid: string) => notFound('PhoneNumber', { uuid });
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function createPhoneNumbersService({ uow, dao, validator, notifier }: PhoneNumbersServiceDeps) {
  async function existing(tx: Tx, scope: TenantScope, uuid: string): Promise<PhoneNumber> {
    const number = UUID.test(uuid) ? await dao.find(tx, scope, uuid.toLowerCase()) : null;
    if (!number) throw missing(uuid);
    return number;
  }

  async function create(tx: Tx, tenantUuid: string, input: PhoneNumberCreate): Promise<PhoneNumber> {
    validator.checkNumber(input.number);
    await validator.validateUnique(tx, tenantUuid, input.number);
    const row: PhoneNumberRow = {
      tenant_uuid: tenantUuid,
      number: input.number,
      caller_id_name: input.caller_id_name ?? null,
      shared: input.shared ?? false,
      main: false,
    };
    const created = await dao.create(tx, row);
    notifier.created(tx, created);
    return created;
  }

  return {
    search(scope: TenantScope, params: SearchParams): Promise<SearchResult<PhoneNumber>> {
      return uow.read((tx) => dao.search(tx, scope, params));
    },
    get(scope: TenantScope, uuid: string): Promise<PhoneNumber> {
      return uow.read((tx) => existing(tx, scope, uuid));
    },
    /** Creates in `tenantUuid`, which must be among the caller's tenants (else Tenant not found). */
    create(scope: TenantScope, tenantUuid: string, input: PhoneNumberCreate): Promise<PhoneNumber> {
      return uow.run(async (tx) => {
        if (!scope.tenantUuids.includes(tenantUuid)) throw notFound('Tenant', { uuid: tenantUuid });
        return create(tx, tenantUuid, input);
      });
    },
    /** Every number of the range the tenant lacks is created; those it has are kept and listed. */
    createRange(
      scope: TenantScope,
      tenantUuid: string,
      range: PhoneNumberRange,
    ): Promise<PhoneNumberRangeResult> {
      return uow.run(async (tx) => {
        if (!scope.tenantUuids.includes(tenantUuid)) throw notFound('Tenant', { uuid: tenantUuid });
        validator.checkRange(range);
        const numbers = numbersOfRange(range);
        const existingNumbers = await dao.findNumbers(tx, tenantUuid, numbers);
        const taken = new Set(existingNumbers.map((n) => n.number));
        const created: PhoneNumber[] = [];
        for (const number of numbers)
          if (!taken.has(number)) created.push(await create(tx, tenantUuid, { number }));
        return { created, existing: existingNumbers };
      });
    },
    /** Changes the given fields; the others keep their value. A main number stays shared. */
    edit(scope: TenantScope, uuid: string, changes: PhoneNumberEdit): Promise<PhoneNumber> {
      return uow.run(async (tx) => {
        const current = await existing(tx, scope, uuid);
        validator.checkNumber(changes.number);
        await validator.validateUnique(tx, current.tenant_uuid, changes.number, current.uuid);
        const shared = current.main ? true : (changes.shared ?? current.shared);
        const edited = await dao.update(tx, current.uuid, {
          tenant_uuid: current.tenant_uuid,
          number: changes.number ?? current.number,
          caller_id_name:
            changes.caller_id_name === undefined ? current.caller_id_name : changes.caller_id_name,
          shared,
          main: current.main,
        });
        notifier.edited(tx, edited);
        return edited;
      });
    },
    delete(scope: TenantScope, uuid: string): Promise<void> {
      return uow.run(async (tx) => {
        const number = await existing(tx, scope, uuid);
        await dao.delete(tx, number.uuid);
        notifier.deleted(tx, number);
      });
    },
    /** The tenant's main number; `PhoneNumber was not found ('main': True)` when it has none. */
    getMain(tenantUuid: string): Promise<PhoneNumber> {
      return uow.read(async (tx) => {
        const main = await dao.findMain(tx, tenantUuid);
        if (!main) throw notFound('PhoneNumber', { main: true });
        return main;
      });
    },
    /**
     * The tenant's number `uuid` becomes its main number (and shared); the former main one, if
     * any, is main no more. Each change is an edit event, then phone_number_main_updated.
     */
    setMain(tenantUuid: string, uuid: string): Promise<PhoneNumber> {
      return uow.run(async (tx) => {
        const current = await dao.findMain(tx, tenantUuid);
        const chosen = await existing(tx, { tenantUuids: [tenantUuid] }, uuid);
        const rowOf = (n: PhoneNumber, main: boolean): PhoneNumberRow => ({
          tenant_uuid: n.tenant_uuid,
          number: n.number,
          caller_id_name: n.caller_id_name,
          shared: main ? true : n.shared,
          main,
        });
        if (current) notifier.edited(tx, await dao.update(tx, current.uuid, rowOf(current, false)));
        const main = await dao.update(tx, chosen.uuid, rowOf(chosen, true));
        notifier.edited(tx, main);
        notifier.mainUpdated(tx, tenantUuid, current?.uuid ?? null, main.uuid);
        return main;
      });
    },
  };
}

export type PhoneNumbersService = ReturnType<typeof createPhoneNumbersService>;
