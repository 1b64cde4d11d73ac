/**
 * Named prepared statements for hot constant queries. PostgreSQL parses and plans an unnamed
 * statement on every execution; for a small read that planning costs more than running it (the
 * user document of `GET /users/{id}`: about 1 ms of planning for 0.2 ms of execution). Kysely
 * sends every query unnamed, so a statement declared here is recognised by its exact text when it
 * reaches a pool's client and sent under its name: each connection parses it once, and
 * PostgreSQL may settle on a cached plan after a few executions.
 *
 * Only constant texts belong here (one per shape, array parameters rather than IN lists): each
 * connection keeps every named statement it has seen for its lifetime. A statement prepared
 * before a migration changed its tables fails ("cached plan must not change result type"), so
 * migrations run before a daemon serves, as they do.
 */
import { CompiledQuery } from 'kysely';
import type pg from 'pg';

const byText = new Map<string, string>();

export interface PreparedStatement {
  name: string;
  sql: string;
  /** The query to hand to Kysely's `executeQuery` (a transaction's or the database's). */
  compile(parameters: readonly unknown[]): CompiledQuery;
}

/** Declares a statement, once, at module load. `name` is unique across the process. */
export function preparedStatement(name: string, sql: string): PreparedStatement {
  const known = byText.get(sql);
  if (known !== undefined && known !== name) throw new Error(`statement ${name} repeats ${known}`);
  for (const [text, other] of byText)
    if (other === name && text !== sql) throw new Error(`statement name ${name} is taken`);
  byText.set(sql, name);
  return { name, sql, compile: (parameters) => CompiledQuery.raw(sql, [...parameters]) };
}

type Query = (this: pg.PoolClient, ...args: unknown[]) => unknown;

/**
 * Makes the pool's clients send the declared statements by name. Other queries are untouched.
 * Call before the pool opens its first connection.
 */
export function usePreparedStatements(pool: pg.Pool): void {
  pool.on('connect', (client) => {
    const query = client.query as unknown as Query;
    const named: Query = function (this: pg.PoolClient, ...args: unknown[]) {
      const [text, values] = args;
      if (typeof text === 'string' && args.length <= 2) {
        const name = byText.get(text);
        if (name !== undefined) return query.call(this, { name, text, values });
      }
      return query.apply(this, args);
    };
    client.query = named as unknown as typeof client.query;
  });
}
