/** Refresh tokens: one per (user, client_id); the uuid is the secret the client keeps. */
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
export interface RefreshTokenItem {
  client_id: string;
  created_at: string;
  mobile: boolean;
  user_uuid: string;
  tenant_uuid: string;
  metadata: Record<string, unknown>;
}

export interface RefreshTokenListParams {
  order?: 'created_at' | 'client_id' | 'mobile' | undefined;
  direction?: 'asc' | 'desc' | undefined;
  limit?: number | undefined;
  offset?: number | undefined;
  search?: string | undefined;
  client_id?: string | undefined;
  mobile?: boolean | undefined;
  recurse?: boolean | undefined;
}

export interface RefreshTokenList {
  total: number;
  filtered: number;
  items: RefreshTokenItem[];
}

export const refreshTokenListQuerySchema = {
  type: 'object',
  properties: {
    order: { type: 'string', enum: ['created_at', 'client_id', 'mobile'] },
    direction: { type: 'string', enum: ['asc', 'desc'] },
    limit: { type: 'integer', minimum: 0 },
    offset: { type: 'integer', minimum: 0 },
    search: { type: 'string' },
    client_id: { type: 'string' },
    mobile: { type: 'boolean' },
    recurse: { type: 'boolean' },
  },
} as const;

export const refreshTokenListSchema = {
  type: 'object',
  properties: {
    total: { type: 'integer' },
    filtered: { type: 'integer' },
    items: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          client_id: { type: 'string' },
          created_at: { type: 'string' },
          mobile: { type: 'boolean' },
          user_uuid: { type: 'string' },
          tenant_uuid: { type: 'string' },
          metadata: { type: 'object', additionalProperties: true },
        },
      },
    },
  },
} as const;

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
