/**
 * A subscription's hook run logs (webhookd_subscription_log, written by the delivery engine), read
 * as Wazo's GET /subscriptions/{uuid}/logs answers them: one item per attempt.
 */
import { Nullable, type Static, StringEnum, Type } from '@wazo-ts/daemon/schema';
import type { Tx } from '@wazo-ts/db';
import type { WebhookdDatabase } from '../db/schema.js';

export const LOG_ORDERS = ['started_at', 'ended_at', 'status', 'attempts', 'max_attempts'] as const;

export const LogsQuerySchema = Type.Object({
  from_date: Type.Optional(
    Type.String({ format: 'date-time', description: 'Only attempts started at or after this time.' }),
  ),
  limit: Type.Optional(Type.Integer({ minimum: 0, description: 'At most this many items.' })),
  offset: Type.Optional(Type.Integer({ minimum: 0, default: 0, description: 'Items skipped.' })),
  order: StringEnum(LOG_ORDERS, { default: 'started_at', description: 'Sort column.' }),
  direction: StringEnum(['asc', 'desc'] as const, { default: 'desc', description: 'Sort direction.' }),
  search: Type.Optional(Type.String({ description: 'Accepted and ignored, as Wazo.' })),
});
export type LogsQuery = Static<typeof LogsQuerySchema>;

export const LogSchema = Type.Object({
  uuid: Type.String({ description: 'The hook run, shared by all its attempts.' }),
  status: StringEnum(['success', 'failure', 'error'] as const),
  started_at: Type.String({ format: 'date-time' }),
  ended_at: Nullable(Type.String({ format: 'date-time' })),
  attempts: Type.Integer({ description: 'This attempt, from 1.' }),
  max_attempts: Nullable(Type.Integer()),
  event: Type.Record(Type.String(), Type.Unknown(), { description: 'The whole bus message body.' }),
  detail: Type.Record(Type.String(), Type.Unknown(), {
    description: 'The request and response (request_*, response_*), or `error`.',
  }),
});
export type Log = Static<typeof LogSchema>;

export const LogListSchema = Type.Object({
  items: Type.Array(LogSchema),
  total: Type.Integer({ description: 'The number of items answered, as Wazo.' }),
});

const iso = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString());
const objectOf = (value: unknown): Record<string, unknown> =>
  typeof value === 'string'
    ? (JSON.parse(value) as Record<string, unknown>)
    : (value as Record<string, unknown>);

export const logsDao = {
  async list(tx: Tx<WebhookdDatabase>, subscriptionUuid: string, query: LogsQuery): Promise<Log[]> {
    let select = tx.db
      .selectFrom('webhookd_subscription_log')
      .selectAll()
      .where('subscription_uuid', '=', subscriptionUuid);
    if (query.from_date) select = select.where('started_at', '>=', new Date(query.from_date));
    const direction = query.direction === 'asc' ? 'asc' : 'desc';
    select = select
      .orderBy(query.order ?? 'started_at', direction)
      .orderBy('started_at', direction)
      .orderBy('attempts', direction);
    if (query.limit !== undefined) select = select.limit(query.limit);
    if (query.offset) select = select.offset(query.offset);
    const rows = await select.execute();
    return rows.map((row) => ({
      uuid: row.uuid,
      status: row.status,
      started_at: iso(row.started_at) as string,
      ended_at: iso(row.ended_at),
      attempts: row.attempts,
      max_attempts: row.max_attempts,
      event: objectOf(row.event),
      detail: objectOf(row.detail),
    }));
  },
};

export type LogsDao = typeof logsDao;
