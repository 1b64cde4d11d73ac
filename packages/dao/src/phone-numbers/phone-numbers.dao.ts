/** SQL of the phone numbers (`phone_number`), every read and write within the caller's tenants. */
import { inTenants } from '@wazo-ts/db';
import type { Tx } from '../db/unit-of-work.js';
import { runSearch, type SearchConfig } from '../search/apply.js';
import type { SearchParams, SearchResult, TenantScope } from '../search/search.js';
import type { PhoneNumber, PhoneNumberRow } from './phone-numbers.model.js';

/** Wazo's phone number search: number and caller id name; main and shared filter; sorted by number. */
export const phoneNumberSearchConfig: SearchConfig = {
  columns: {
    number: 'phone_number.number',
    caller_id_name: 'phone_number.caller_id_name',
    shared: 'phone_number.shared',
    main: 'phone_number.main',
  },
  search: ['number', 'caller_id_name'],
  defaultSort: 'number',
  key: 'phone_number.uuid',
};

const COLUMNS = ['uuid', 'tenant_uuid', 'number', 'caller_id_name', 'main', 'shared'] as const;

function scoped(tx: Tx, scope: TenantScope) {
  return tx.db
    .selectFrom('phone_number')
    .select(COLUMNS.map((column) => `phone_number.${column}` as const))
    .where(inTenants('phone_number.tenant_uuid', scope.tenantUuids));
}

export function createPhoneNumbersDao() {
  return {
    async create(tx: Tx, row: PhoneNumberRow): Promise<PhoneNumber> {
      return tx.db.insertInto('phone_number').values(row).returning(COLUMNS).executeTakeFirstOrThrow();
    },
    async find(tx: Tx, scope: TenantScope, uuid: string): Promise<PhoneNumber | null> {
      return (await scoped(tx, scope).where('phone_number.uuid', '=', uuid).executeTakeFirst()) ?? null;
    },
    /** The tenant's main number, if it has one. */
    async findMain(tx: Tx, tenantUuid: string): Promise<PhoneNumber | null> {
      const row = await scoped(tx, { tenantUuids: [tenantUuid] })
        .where('phone_number.main', '=', true)
        .executeTakeFirst();
      return row ?? null;
    },
    /** The tenant's numbers among `numbers`, in the order given. */
    async findNumbers(tx: Tx, tenantUuid: string, numbers: readonly string[]): Promise<PhoneNumber[]> {
      if (numbers.length === 0) return [];
      const rows = await scoped(tx, { tenantUuids: [tenantUuid] })
        .where('phone_number.number', 'in', numbers)
        .execute();
      const byNumber = new Map(rows.map((row) => [row.number, row]));
      return numbers.flatMap((number) => byNumber.get(number) ?? []);
    },
    /** The uuid of the tenant's number `number`, if any. */
    async uuidByNumber(tx: Tx, tenantUuid: string, number: string): Promise<string | null> {
      const row = await tx.db
        .selectFrom('phone_number')
        .select('uuid')
        .where('tenant_uuid', '=', tenantUuid)
        .where('number', '=', number)
        .executeTakeFirst();
      return row?.uuid ?? null;
    },
    /** The tenant's shared numbers that are not its main one, by number. */
    async shared(tx: Tx, tenantUuid: string): Promise<PhoneNumber[]> {
      return scoped(tx, { tenantUuids: [tenantUuid] })
        .where('phone_number.shared', '=', true)
        .where('phone_number.main', '=', false)
        .orderBy('phone_number.number')
        .execute();
    },
    async search(tx: Tx, scope: TenantScope, params: SearchParams): Promise<SearchResult<PhoneNumber>> {
      return runSearch(scoped(tx, scope), phoneNumberSearchConfig, params);
    },
    /** Replaces the fields of `uuid`, already found in scope. */
    async update(tx: Tx, uuid: string, row: PhoneNumberRow): Promise<PhoneNumber> {
      const { tenant_uuid: _tenant, ...columns } = row;
      return tx.db
        .updateTable('phone_number')
        .set(columns)
        .where('uuid', '=', uuid)
        .returning(COLUMNS)
        .executeTakeFirstOrThrow();
    },
    async delete(tx: Tx, uuid: string): Promise<void> {
      await tx.db.deleteFrom('phone_number').where('uuid', '=', uuid).execute();
    },
  };
}

export type PhoneNumbersDao = ReturnType<typeof createPhoneNumbersDao>;
