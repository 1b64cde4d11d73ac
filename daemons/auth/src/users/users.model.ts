/** wazo-auth users: the login identities (usernames and e-mail addresses) of every tenant. */

export type UserPurpose = 'user' | 'internal' | 'external_api';
export type AuthenticationMethod = 'default' | 'native' | 'ldap' | 'saml';

export interface UserEmail {
  uuid: string;
  address: string;
  main: boolean;
  confirmed: boolean;
}

export interface User {
  uuid: string;
  username: string | null;
  firstname: string | null;
  lastname: string | null;
  purpose: UserPurpose;
  tenant_uuid: string;
  enabled: boolean;
  authentication_method: AuthenticationMethod;
  emails: UserEmail[];
}

export interface UserCreateInput {
  uuid?: string | undefined;
  username?: string | null | undefined;
  firstname?: string | null | undefined;
  lastname?: string | null | undefined;
  password?: string | null | undefined;
  email_address?: string | null | undefined;
  purpose?: UserPurpose | undefined;
  authentication_method?: AuthenticationMethod | undefined;
  enabled?: boolean | undefined;
}

export interface UserUpdateInput {
  username?: string | null | undefined;
  firstname?: string | null | undefined;
  lastname?: string | null | undefined;
  purpose?: UserPurpose | undefined;
  authentication_method?: AuthenticationMethod | undefined;
  enabled?: boolean | undefined;
}

export interface EmailInput {
  address: string;
  main?: boolean | undefined;
  /** Only the admin route may set it. */
  confirmed?: boolean | undefined;
}

/** Wazo's default: `default` (the tenant's method) for a PBX user, `native` for the others. */
export function defaultAuthenticationMethod(purpose: UserPurpose): AuthenticationMethod {
  return purpose === 'user' ? 'default' : 'native';
}

const nullableString = { type: ['string', 'null'] } as const;
const purpose = { type: 'string', enum: ['user', 'internal', 'external_api'] } as const;
const method = { type: 'string', enum: ['default', 'native', 'ldap', 'saml'] } as const;

export const EmailSchema = {
  type: 'object',
  properties: {
    uuid: { type: 'string' },
    address: { type: 'string' },
    main: { type: 'boolean' },
    confirmed: { type: 'boolean' },
  },
} as const;

export const UserSchema = {
  type: 'object',
  properties: {
    uuid: { type: 'string' },
    username: nullableString,
    firstname: nullableString,
    lastname: nullableString,
    purpose: { type: 'string' },
    tenant_uuid: { type: 'string' },
    enabled: { type: 'boolean' },
    authentication_method: { type: 'string' },
    emails: { type: 'array', items: EmailSchema },
  },
} as const;

const userFields = {
  username: { type: ['string', 'null'], minLength: 1, maxLength: 256 },
  firstname: { type: ['string', 'null'], maxLength: 128 },
  lastname: { type: ['string', 'null'], maxLength: 128 },
  purpose,
  authentication_method: method,
  enabled: { type: 'boolean' },
} as const;

export const UserCreateSchema = {
  type: 'object',
  properties: {
    ...userFields,
    uuid: { type: 'string', format: 'uuid' },
    password: { type: ['string', 'null'], minLength: 1 },
    email_address: { type: ['string', 'null'], format: 'email', maxLength: 512 },
  },
} as const;

export const UserUpdateSchema = { type: 'object', properties: userFields } as const;

export const PasswordChangeSchema = {
  type: 'object',
  properties: {
    old_password: { type: 'string', minLength: 1 },
    new_password: { type: 'string', minLength: 1 },
  },
  required: ['old_password', 'new_password'],
} as const;

export function emailsUpdateSchema(admin: boolean) {
  const item = {
    type: 'object',
    properties: {
      address: { type: 'string', format: 'email', maxLength: 512 },
      main: { type: 'boolean' },
      ...(admin ? { confirmed: { type: 'boolean' } } : {}),
    },
    required: ['address'],
  };
  return {
    type: 'object',
    properties: { emails: { type: 'array', items: item } },
    required: ['emails'],
  } as const;
}
