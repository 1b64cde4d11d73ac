/**
 * Checks on phone numbers, worded as wazo-confd words them: digits with an optional leading `+`,
 * a number at most once per tenant, and a range whose ends are in order and at most 10,000 apart.
 */
import type { Tx } from '../db/unit-of-work.js';
import { inputError, resourceExists } from '../errors.js';
import type { PhoneNumbersDao } from './phone-numbers.dao.js';
import {
  MAX_PHONE_NUMBER_RANGE_SIZE,
  PHONE_NUMBER_PATTERN,
  type PhoneNumberRange,
} from './phone-numbers.model.js';

const PATTERN_MESSAGE = 'not a valid digit-only phone number';

/** marshmallow's words for the first field given that is not a phone number. */
function checkPatterns(fields: Record<string, string | undefined>): void {
  const wrong = Object.entries(fields).find(
    ([, value]) => value !== undefined && !PHONE_NUMBER_PATTERN.test(value),
  );
  if (wrong) throw inputError(`${wrong[0]}: ['${PATTERN_MESSAGE}']`, { field: wrong[0] });
}

const digits = (number: string) => BigInt(number.replace('+', ''));

export function createPhoneNumbersValidator({ dao }: { dao: Pick<PhoneNumbersDao, 'uuidByNumber'> }) {
  return {
    checkNumber(number: string | undefined): void {
      checkPatterns({ number });
    },

    /** `uuid`: the number being edited, which may keep its own number. */
    async validateUnique(
      tx: Tx,
      tenantUuid: string,
      number: string | undefined,
      uuid?: string,
    ): Promise<void> {
      if (number === undefined) return;
      const holder = await dao.uuidByNumber(tx, tenantUuid, number);
      if (holder !== null && holder !== uuid)
        throw resourceExists('PhoneNumber', { number, tenant_uuid: tenantUuid });
    },

    /** Wazo compares the ends as text, then counts the numbers between them (both included). */
    checkRange(range: PhoneNumberRange): void {
      checkPatterns({ start_number: range.start_number, end_number: range.end_number });
      if (!(range.start_number <= range.end_number)) {
        throw inputError("_schema: ['start phone number must precede end phone number']");
      }
      const size = digits(range.end_number) - digits(range.start_number) + 1n;
      if (size < 1n || size > BigInt(MAX_PHONE_NUMBER_RANGE_SIZE)) {
        throw inputError(`_schema: ['range size must be between 1 and ${MAX_PHONE_NUMBER_RANGE_SIZE}']`);
      }
    },
  };
}

export type PhoneNumbersValidator = ReturnType<typeof createPhoneNumbersValidator>;

/** The numbers of a checked range in order, as Wazo writes them: `+` kept when the start has it. */
export function numbersOfRange(range: PhoneNumberRange): string[] {
  const [start, end] = [digits(range.start_number), digits(range.end_number)];
  const plus = range.start_number.startsWith('+') ? '+' : '';
  const numbers: string[] = [];
  for (let n = start; n < end; n += 1n) numbers.push(`${plus}${n}`);
  numbers.push(range.end_number);
  return numbers;
}
