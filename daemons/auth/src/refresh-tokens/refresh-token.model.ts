/**
 * Refresh tokens: one per (user, client_id); the uuid is the secret the client keeps. The API's
 * shapes are the schemas below, their types derived from them.
 */
import { OpenObject, type Static, StringEnum, Type } from '@wazo-ts/daemon/schema';
import { listResponseSchema } from '../http/list-schema.js';

export interface RefreshToken {
  uuid: string;
  clientId: string;
  userUuid: string;
  tenantUuid: string;
  backend: string | null;
  login: string | null;
  mobile: boolean;
  metadata: Record<string, unknown>;
  createdAt: Date;
}

/** An item of GET /tokens, in Wazo's field names (the uuid never appears in a list). */
export const RefreshTokenItemSchema = Type.Object({
  client_id: Type.String(),
  created_at: Type.String(),
  mobile: Type.Boolean(),
  user_uuid: Type.String(),
  tenant_uuid: Type.String(),
  // The persistent metadata a login backend stored with the token: its keys are the backend's.
  metadata: OpenObject(),
});
export type RefreshTokenItem = Static<typeof RefreshTokenItemSchema>;

export const RefreshTokenListSchema = listResponseSchema(RefreshTokenItemSchema);
export type RefreshTokenList = Static<typeof RefreshTokenListSchema>;

export const RefreshTokenListQuerySchema = Type.Object({
  order: Type.Optional(StringEnum(['created_at', 'client_id', 'mobile'])),
  direction: Type.Optional(StringEnum(['asc', 'desc'])),
  limit: Type.Optional(Type.Integer({ minimum: 0 })),
  offset: Type.Optional(Type.Integer({ minimum: 0 })),
  search: Type.Optional(Type.String()),
  client_id: Type.Optional(Type.String()),
  mobile: Type.Optional(Type.Boolean()),
  recurse: Type.Optional(Type.Boolean()),
});
export type RefreshTokenListParams = Static<typeof RefreshTokenListQuerySchema>;

/** marshmallow's DateTime: isoformat with the zone, `+00:00` for UTC. */
export function toItem(token: RefreshToken): RefreshTokenItem {
  return {
    client_id: token.clientId,
    created_at: token.createdAt.toISOString().replace('Z', '+00:00'),
    mobile: token.mobile,
    user_uuid: token.userUuid,
    tenant_uuid: token.tenantUuid,
    metadata: token.metadata,
  };
}
