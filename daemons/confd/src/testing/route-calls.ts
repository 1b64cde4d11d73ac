/** Small helpers shared by route tests: an authenticated `inject` and outbox/table reads. */
import type { MigratedTestDatabase } from '@wazo-ts/dao/testing';
import type { TestApi } from './test-app.js';

export type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

export function caller(api: TestApi) {
  return (method: Method, url: string, token: string, body?: unknown, tenant?: string) => {
    const headers: Record<string, string> = { 'x-auth-token': token };
    if (tenant) headers['wazo-tenant'] = tenant;
    return api.app.inject({
      method,
      url: `/1.1${url}`,
      headers,
      ...(body === undefined ? {} : { payload: body as object }),
    });
  };
}

export async function outboxNames(database: MigratedTestDatabase): Promise<string[]> {
  const { rows } = await database.pool.query<{ name: string }>('SELECT name FROM bus_outbox ORDER BY id');
  return rows.map((r) => r.name);
}

export async function rowCount(database: MigratedTestDatabase, table: string): Promise<number> {
  return Number((await database.pool.query(`SELECT count(*) AS n FROM ${table}`)).rows[0].n);
}

export interface SentEvent {
  name: string;
  routing_key: string;
  headers: Record<string, unknown>;
  data: Record<string, unknown>;
}

/** The last outbox id, to read the events a call writes with `sentSince`. */
export async function lastOutboxId(database: MigratedTestDatabase): Promise<number> {
  return Number((await database.pool.query('SELECT coalesce(max(id), 0) AS n FROM bus_outbox')).rows[0].n);
}

/** The events written since `from` (an outbox id), in order, with their decoded payload. */
export async function sentSince(database: MigratedTestDatabase, from: number): Promise<SentEvent[]> {
  const { rows } = await database.pool.query(
    'SELECT name, routing_key, headers, body FROM bus_outbox WHERE id > $1 ORDER BY id',
    [from],
  );
  return rows.map((r) => ({ ...r, data: JSON.parse(r.body.toString()).data }));
}
