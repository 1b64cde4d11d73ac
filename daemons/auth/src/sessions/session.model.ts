/**
 * Sessions as GET /sessions lists them: one per token, `user_uuid` null for internal tokens.
 * The schemas are the one source of these shapes; the types are derived from them.
 */
import { Nullable, type Static, StringEnum, Type } from '@wazo-ts/daemon/schema';
import { listResponseSchema } from '../http/list-schema.js';

export const SessionSchema = Type.Object({
  uuid: Type.String(),
  mobile: Type.Boolean(),
  tenant_uuid: Type.String(),
  user_uuid: Nullable(Type.String()),
});
export type Session = Static<typeof SessionSchema>;

export const SessionListSchema = listResponseSchema(SessionSchema);
export type SessionList = Static<typeof SessionListSchema>;

export const SessionListQuerySchema = Type.Object({
  order: Type.Optional(StringEnum(['mobile'])),
  direction: Type.Optional(StringEnum(['asc', 'desc'])),
  limit: Type.Optional(Type.Integer({ minimum: 0 })),
  offset: Type.Optional(Type.Integer({ minimum: 0 })),
  recurse: Type.Optional(Type.Boolean()),
});
export type SessionListParams = Static<typeof SessionListQuerySchema>;
