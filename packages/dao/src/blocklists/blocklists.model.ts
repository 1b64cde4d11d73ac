/**
 * A blocklisted number as wazo-confd shows it: to its owner (`/users/me/blocklist/numbers`) the
 * number and its label; to an administrator (`/users/blocklist/numbers`) also whose and which
 * tenant's. The create and edit bodies.
 */
import { linked, nullable, type Static, Type } from '../schema.js';

const properties = {
  number: Type.String({ minLength: 1, maxLength: 128 }),
  label: Type.Optional(nullable(Type.String({ minLength: 1, maxLength: 1024 }))),
};

/** `POST /users/me/blocklist/numbers`: the number is required. */
export const blocklistNumberCreateSchema = Type.Object(properties);
export type BlocklistNumberCreate = Static<typeof blocklistNumberCreateSchema>;

/** `PUT /users/me/blocklist/numbers/{uuid}`: the given fields change. */
export const blocklistNumberEditSchema = Type.Object({
  ...properties,
  number: Type.Optional(properties.number),
});
export type BlocklistNumberEdit = Static<typeof blocklistNumberEditSchema>;

const numberFields = { uuid: Type.String(), number: Type.String(), label: nullable(Type.String()) };

/** The owner's view. */
export const userBlocklistNumberSchema = linked('user_me_blocklist_numbers', numberFields, 'uuid');
export type UserBlocklistNumber = Static<typeof userBlocklistNumberSchema>;

/** An administrator's view. */
export const blocklistNumberSchema = linked(
  'user_blocklist_numbers',
  {
    ...numberFields,
    user_uuid: Type.String(),
    user_firstname: Type.String(),
    user_lastname: nullable(Type.String()),
    tenant_uuid: Type.String(),
  },
  'uuid',
);
export type BlocklistNumber = Static<typeof blocklistNumberSchema>;

/** What the rules need of a stored number. */
export type BlocklistNumberRow = BlocklistNumber & { blocklist_uuid: string };
