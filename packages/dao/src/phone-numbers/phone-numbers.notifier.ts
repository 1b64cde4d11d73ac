/**
 * The phone numbers' events, all tenant-wide: phone_number_created/edited/deleted with the number
 * as its answer shows it (its links aside), and phone_number_main_updated {current_main_uuid,
 * new_main_uuid}.
 */
import {
  phoneNumberCreated,
  phoneNumberDeleted,
  phoneNumberEdited,
  phoneNumberMainUpdated,
} from '@wazo-ts/bus';
import type { Tx } from '../db/unit-of-work.js';
import type { PhoneNumber } from './phone-numbers.model.js';

const scoping = (number: Pick<PhoneNumber, 'tenant_uuid'>) => ({ tenantUuid: number.tenant_uuid });
const payload = (number: PhoneNumber) => ({
  uuid: number.uuid,
  tenant_uuid: number.tenant_uuid,
  number: number.number,
  caller_id_name: number.caller_id_name,
  main: number.main,
  shared: number.shared,
});

export function createPhoneNumbersNotifier() {
  return {
    created(tx: Tx, number: PhoneNumber): void {
      tx.events.add(phoneNumberCreated.build(payload(number), scoping(number)));
    },
    edited(tx: Tx, number: PhoneNumber): void {
      tx.events.add(phoneNumberEdited.build(payload(number), scoping(number)));
    },
    deleted(tx: Tx, number: PhoneNumber): void {
      tx.events.add(phoneNumberDeleted.build(payload(number), scoping(number)));
    },
    mainUpdated(tx: Tx, tenantUuid: string, currentUuid: string | null, newUuid: string): void {
      const data = { current_main_uuid: currentUuid, new_main_uuid: newUuid };
      tx.events.add(phoneNumberMainUpdated.build(data, { tenantUuid }));
    },
  };
}

export type PhoneNumbersNotifier = ReturnType<typeof createPhoneNumbersNotifier>;
