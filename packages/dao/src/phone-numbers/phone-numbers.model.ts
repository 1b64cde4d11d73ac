/**
 * A phone number (Wazo's `phone_number`) as wazo-confd shows it: a number a tenant owns (digits,
 * an optional leading `+`), its caller id name, whether every user may present it (`shared`) and
 * whether it is the tenant's main number (read-only here: `PUT /phone-numbers/main` sets it; a
 * main number is always shared).
 */
import { linked, nullable, type Static, Type } from '../schema.js';

/** Wazo's PhoneNumber field: 1 to 128 characters, digits with an optional leading `+`. */
export const PHONE_NUMBER_PATTERN = /^\+?[0-9]+$/;
const numberInput = Type.String({ minLength: 1, maxLength: 128 });

const phoneNumberFields = {
  uuid: Type.String(),
  tenant_uuid: Type.String(),
  number: Type.String(),
  caller_id_name: nullable(Type.String()),
  main: Type.Boolean(),
  shared: Type.Boolean(),
};
const fieldsSchema = Type.Object(phoneNumberFields);
export type PhoneNumberFields = Static<typeof fieldsSchema>;

/** `GET /phone-numbers/{uuid}`. */
export const phoneNumberSchema = linked('phone_numbers', phoneNumberFields, 'uuid');
export type PhoneNumber = Static<typeof phoneNumberSchema>;

const optional = Type.Optional;
const inputProperties = {
  number: numberInput,
  caller_id_name: optional(nullable(Type.String({ minLength: 1, maxLength: 256 }))),
  shared: optional(Type.Boolean()),
};

/** POST /phone-numbers body: `number` is required, `shared` defaults to false. */
export const phoneNumberCreateSchema = Type.Object(inputProperties);
export type PhoneNumberCreate = Static<typeof phoneNumberCreateSchema>;

/** PUT /phone-numbers/{uuid} body: what is given changes, the rest stays. */
export const phoneNumberEditSchema = Type.Object({ ...inputProperties, number: optional(numberInput) });
export type PhoneNumberEdit = Static<typeof phoneNumberEditSchema>;

/** POST /phone-numbers/ranges body: both ends included. */
export const phoneNumberRangeSchema = Type.Object({ start_number: numberInput, end_number: numberInput });
export type PhoneNumberRange = Static<typeof phoneNumberRangeSchema>;

/** Wazo's largest range, in numbers. */
export const MAX_PHONE_NUMBER_RANGE_SIZE = 10_000;

/** PUT /phone-numbers/main body. */
export const phoneNumberMainSchema = Type.Object({ phone_number_uuid: Type.String({ format: 'uuid' }) });
export type PhoneNumberMain = Static<typeof phoneNumberMainSchema>;

/** What POST /phone-numbers/ranges answers: the new numbers, and a link to each number of the range. */
export const phoneNumberRangeAnswerSchema = Type.Object({
  created: Type.Array(Type.Object({ uuid: Type.String() })),
  links: Type.Array(Type.Object({ rel: Type.String(), href: Type.String() })),
  total: Type.Integer(),
});
export type PhoneNumberRangeAnswer = Static<typeof phoneNumberRangeAnswerSchema>;

/** The numbers of a range, created and already there (the route links every one). */
export interface PhoneNumberRangeResult {
  created: PhoneNumber[];
  existing: PhoneNumber[];
}

export type PhoneNumberRow = Omit<PhoneNumberFields, 'uuid'>;
