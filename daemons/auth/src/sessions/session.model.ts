/** Sessions as GET /sessions lists them: one per token, `user_uuid` null for internal tokens. */
export interface Session {
  uuid: string;
  mobile: boolean;
  tenant_uuid: string;
  user_uuid: string | null;
}

export interface SessionList {
  total: number;
  filtered: number;
  items: Session[];
}

export interface SessionListParams {
  order?: 'mobile' | undefined;
  direction?: 'asc' | 'desc' | undefined;
  limit?: number | undefined;
  offset?: number | undefined;
  recurse?: boolean | undefined;
}

export const sessionSchema = {
  type: 'object',
  properties: {
    uuid: { type: 'string' },
    mobile: { type: 'boolean' },
    tenant_uuid: { type: 'string' },
    user_uuid: { type: ['string', 'null'] },
  },
} as const;

export const sessionListSchema = {
  type: 'object',
  properties: {
    total: { type: 'integer' },
    filtered: { type: 'integer' },
    items: { type: 'array', items: sessionSchema },
  },
} as const;

export const sessionListQuerySchema = {
  type: 'object',
  properties: {
    order: { type: 'string', enum: ['mobile'] },
    direction: { type: 'string', enum: ['asc', 'desc'] },
    limit: { type: 'integer', minimum: 0 },
    offset: { type: 'integer', minimum: 0 },
    recurse: { type: 'boolean' },
  },
} as const;
