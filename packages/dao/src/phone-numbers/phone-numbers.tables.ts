/** The phone numbers table, as Kysely types. Only the phone numbers dao queries it. */
import type { Generated } from 'kysely';

export interface PhoneNumberTable {
  uuid: Generated<string>;
  tenant_uuid: string;
  number: string;
  caller_id_name: string | null;
  shared: boolean;
  main: boolean;
}

export interface PhoneNumberTables {
  phone_number: PhoneNumberTable;
}
