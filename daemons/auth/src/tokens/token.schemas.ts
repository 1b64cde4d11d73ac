/** JSON Schemas of the token routes (validation and the OpenAPI document). */
import { tokenRequestSchema } from './token.model.js';

const nullableString = { type: ['string', 'null'] } as const;

export const tokenDocumentSchema = {
  type: 'object',
  properties: {
    token: { type: 'string' },
    auth_id: { type: 'string' },
    xivo_user_uuid: nullableString,
    xivo_uuid: nullableString,
    issued_at: { type: 'string' },
    expires_at: { type: 'string' },
    utc_issued_at: { type: 'string' },
    utc_expires_at: { type: 'string' },
    acl: { type: 'array', items: { type: 'string' } },
    metadata: { type: 'object', additionalProperties: true },
    session_uuid: { type: 'string' },
    remote_addr: nullableString,
    user_agent: nullableString,
    refresh_token: { type: 'string' },
  },
} as const;

export const tokenResponseSchema = {
  type: 'object',
  properties: { data: tokenDocumentSchema },
} as const;

export const tokenBodySchema = tokenRequestSchema;

export const tokenParams = {
  type: 'object',
  properties: { token: { type: 'string' } },
  required: ['token'],
} as const;

export const checkQuery = {
  type: 'object',
  properties: { scope: { type: 'string' }, tenant: { type: 'string' } },
} as const;

export const scopesBody = {
  type: 'object',
  properties: {
    scopes: { type: 'array', items: { type: 'string' } },
    tenant_uuid: { type: ['string', 'null'] },
  },
} as const;

export const scopesResponse = {
  type: 'object',
  properties: { scopes: { type: 'object', additionalProperties: { type: 'boolean' } } },
} as const;

export const legacyDeleteResponse = {
  type: 'object',
  properties: { data: { type: 'object', properties: { message: { type: 'string' } } } },
} as const;
