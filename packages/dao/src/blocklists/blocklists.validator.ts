/**
 * Checks on blocklisted numbers, with Wazo's words: digits with an optional `+`, a number the
 * `phonenumbers` library parses, and each number once per blocklist.
 */
import type { Tx } from '../db/unit-of-work.js';
import { inputError, resourceExists } from '../errors.js';
import type { BlocklistsDao } from './blocklists.dao.js';
import { DIGITS_ONLY, isE164, NOT_DIGITS_MESSAGE, NOT_E164_MESSAGE } from './phone-number.js';

/** `Input Error - number: ['...']`, as marshmallow words a field's error. */
const numberError = (field: string, message: string) =>
  inputError(`${field}: ['${message}']`, { field, message });

/** A phone number field of a body or a query (`number`, `number_exact`): Wazo's `PhoneNumber`. */
export function checkDigits(field: string, number: string): void {
  if (!DIGITS_ONLY.test(number)) throw numberError(field, NOT_DIGITS_MESSAGE);
}

export function createBlocklistsValidator({ dao }: { dao: BlocklistsDao }) {
  return {
    checkNumber(number: string): void {
      checkDigits('number', number);
      if (!isE164(number)) throw numberError('number', NOT_E164_MESSAGE);
    },

    /** The number may be held by the number being edited (`uuid`), not by another of the list. */
    async validateUnique(
      tx: Tx,
      blocklist: { uuid: string; user_uuid: string },
      number: string,
      uuid?: string,
    ): Promise<void> {
      const existing = await dao.findInBlocklist(tx, blocklist.uuid, number);
      if (existing && existing.uuid !== uuid)
        throw resourceExists('BlocklistNumber', { number, user_uuid: blocklist.user_uuid });
    },
  };
}

export type BlocklistsValidator = ReturnType<typeof createBlocklistsValidator>;
