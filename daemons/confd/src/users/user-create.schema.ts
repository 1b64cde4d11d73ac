/**
 * The body of `POST /users` as Wazo's `UserListItemSchema` takes it: the user's own fields plus
 * the relations created with it (`auth`, `lines` with their `extensions` and endpoint, `groups`,
 * `forwards`). Wazo's other relations (voicemail, agent, incalls, switchboards, a line's device)
 * name resources this confd does not have: they are refused when given, never silently dropped.
 */
import {
  type EndpointSipInput,
  type GroupRefInput,
  lineCreateSchema,
  type UserCreate,
  type UserForwardsUpdate,
  userCreateSchema,
  userForwardsSchema,
} from '@wazo-ts/dao';
import type { AuthUserPurpose } from '../common/auth-users.js';

/** `auth`: wazo-auth's user; absent fields are taken from the user's (Wazo's `init_auth`). */
export interface UserAuthInput {
  username?: string | null;
  password?: string | null;
  firstname?: string | null;
  lastname?: string | null;
  email_address?: string | null;
  enabled?: boolean;
  purpose?: AuthUserPurpose;
}

export interface UserLineInput {
  context: string;
  provisioning_code?: string | null;
  position?: number | null;
  registrar?: string | null;
  caller_id_name?: string | null;
  caller_id_num?: string | null;
  endpoint_sip?: EndpointSipInput | null;
  endpoint_custom?: { interface: string } | null;
  extensions?: { exten: string; context: string }[];
}

export type UserCreateBody = UserCreate & {
  auth?: UserAuthInput | null;
  lines?: UserLineInput[] | null;
  groups?: GroupRefInput[] | null;
  forwards?: UserForwardsUpdate | null;
};

/** Wazo's relations without a resource here: refused when present and not empty. */
export const UNSUPPORTED_RELATIONS = ['voicemail', 'agent', 'incalls', 'switchboards'] as const;

const authSchema = {
  type: ['object', 'null'],
  properties: {
    username: { type: ['string', 'null'], minLength: 1, maxLength: 256 },
    password: { type: ['string', 'null'], minLength: 1 },
    firstname: { type: ['string', 'null'] },
    lastname: { type: ['string', 'null'] },
    email_address: { type: ['string', 'null'], format: 'email' },
    enabled: { type: 'boolean' },
    purpose: { type: 'string', enum: ['user', 'internal', 'external_api'] },
  },
} as const;

const lineSchema = {
  ...lineCreateSchema,
  properties: {
    ...lineCreateSchema.properties,
    extensions: {
      type: 'array',
      items: {
        type: 'object',
        required: ['exten', 'context'],
        properties: { exten: { type: 'string', maxLength: 40 }, context: { type: 'string' } },
      },
    },
  },
} as const;

const groupRefSchema = {
  type: 'object',
  properties: { id: { type: 'integer' }, uuid: { type: 'string', maxLength: 40 } },
  anyOf: [{ required: ['uuid'] }, { required: ['id'] }],
} as const;

export const userCreateBodySchema = {
  ...userCreateSchema,
  properties: {
    ...userCreateSchema.properties,
    auth: authSchema,
    lines: { type: ['array', 'null'], items: lineSchema },
    groups: { type: ['array', 'null'], items: groupRefSchema },
    forwards: { ...userForwardsSchema, type: ['object', 'null'] },
  },
} as const;
