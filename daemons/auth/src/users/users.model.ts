/**
 * wazo-auth users: the login identities (usernames and e-mail addresses) of every tenant. The
 * schemas below are the one source of the API's shapes; the types are derived from them.
 */
import { Nullable, type Static, StringEnum, Type } from '@wazo-ts/daemon/schema';

export const USER_PURPOSES = ['user', 'internal', 'external_api'] as const;
export const USER_AUTHENTICATION_METHODS = ['default', 'native', 'ldap', 'saml'] as const;
export type UserPurpose = (typeof USER_PURPOSES)[number];
export type AuthenticationMethod = (typeof USER_AUTHENTICATION_METHODS)[number];

export const EmailSchema = Type.Object({
  uuid: Type.String(),
  address: Type.String(),
  main: Type.Boolean(),
  confirmed: Type.Boolean(),
});
export type UserEmail = Static<typeof EmailSchema>;

export const UserSchema = Type.Object({
  uuid: Type.String(),
  username: Nullable(Type.String()),
  firstname: Nullable(Type.String()),
  lastname: Nullable(Type.String()),
  purpose: StringEnum(USER_PURPOSES),
  tenant_uuid: Type.String(),
  enabled: Type.Boolean(),
  authentication_method: StringEnum(USER_AUTHENTICATION_METHODS),
  emails: Type.Array(EmailSchema),
});
export type User = Static<typeof UserSchema>;

/** Wazo's default: `default` (the tenant's method) for a PBX user, `native` for the others. */
export function defaultAuthenticationMethod(purpose: UserPurpose): AuthenticationMethod {
  return purpose === 'user' ? 'default' : 'native';
}

const userFields = {
  username: Type.Optional(Nullable(Type.String(), { minLength: 1, maxLength: 256 })),
  firstname: Type.Optional(Nullable(Type.String(), { maxLength: 128 })),
  lastname: Type.Optional(Nullable(Type.String(), { maxLength: 128 })),
  purpose: Type.Optional(StringEnum(USER_PURPOSES)),
  authentication_method: Type.Optional(StringEnum(USER_AUTHENTICATION_METHODS)),
  enabled: Type.Optional(Type.Boolean()),
};

export const UserCreateSchema = Type.Object({
  ...userFields,
  uuid: Type.Optional(Type.String({ format: 'uuid' })),
  password: Type.Optional(Nullable(Type.String(), { minLength: 1 })),
  email_address: Type.Optional(Nullable(Type.String(), { format: 'email', maxLength: 512 })),
});
export type UserCreateInput = Static<typeof UserCreateSchema>;

export const UserUpdateSchema = Type.Object(userFields);
export type UserUpdateInput = Static<typeof UserUpdateSchema>;

export const PasswordChangeSchema = Type.Object({
  old_password: Type.String({ minLength: 1 }),
  new_password: Type.String({ minLength: 1 }),
});

const emailFields = {
  address: Type.String({ format: 'email', maxLength: 512 }),
  main: Type.Optional(Type.Boolean()),
};
/** Only the admin route may set `confirmed`; the user's own route does not know the field. */
const EmailInputSchema = Type.Object(emailFields);
const AdminEmailInputSchema = Type.Object({ ...emailFields, confirmed: Type.Optional(Type.Boolean()) });
export type EmailInput = Static<typeof AdminEmailInputSchema>;

export const EmailsUpdateSchema = Type.Object({ emails: Type.Array(EmailInputSchema) });
export const AdminEmailsUpdateSchema = Type.Object({ emails: Type.Array(AdminEmailInputSchema) });
