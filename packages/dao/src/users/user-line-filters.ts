/**
 * The parts of Wazo's user search that live on the user's main line: the exact filters `exten`
 * (also `extension`), `context` and `provisioning_code`, and the `search` term matched against the
 * main line's main extension and provisioning code. xivo-dao joins the main line and its main
 * extension to the users query; here each is a lookup of user ids, so the users query keeps its
 * own shape and the trigram index still answers the rest of the term.
 */
import { escapeLike, inTenants, oneOf } from '@wazo-ts/db';
import { type Expression, type SqlBool, sql } from 'kysely';
import type { Tx } from '../db/unit-of-work.js';
import type { SearchParams, TenantScope } from '../search/search.js';

/** Filter names → the SQL column of the main line (or its main extension) they compare. */
const MAIN_LINE_FILTERS: Record<string, string> = {
  exten: 'extension.exten',
  extension: 'extension.exten',
  context: 'context.name',
  provisioning_code: 'line.provisioning_code',
};

export const USER_LINE_FILTER_NAMES = Object.keys(MAIN_LINE_FILTERS);

type Filters = NonNullable<SearchParams['filters']>;

/** The users of the scope with a main line (and its main extension, when there is one). */
function mainLines(tx: Tx, scope: TenantScope) {
  return tx.db
    .selectFrom('user_line')
    .innerJoin('users', 'users.id', 'user_line.user_id')
    .innerJoin('line', 'line.id', 'user_line.line_id')
    .leftJoin('line_extension', (join) =>
      join.onRef('line_extension.line_id', '=', 'line.id').on('line_extension.main_extension', '=', true),
    )
    .leftJoin('extension', 'extension.id', 'line_extension.extension_id')
    .leftJoin('context', 'context.id', 'extension.context_id')
    .select('user_line.user_id')
    .where('user_line.main_line', '=', true)
    .where(inTenants('users.tenant_uuid', scope.tenantUuids));
}

/** The filters of `filters` that name a main-line column; undefined when there are none. */
export function mainLineFiltersOf(filters: Filters): Filters | undefined {
  const picked = Object.entries(filters).filter(([name]) => name in MAIN_LINE_FILTERS);
  return picked.length > 0 ? Object.fromEntries(picked) : undefined;
}

/** The users whose main line matches every filter, as an `IN` subquery on users.id. */
export function usersMatchingLine(tx: Tx, scope: TenantScope, filters: Filters): Expression<SqlBool> {
  let query = mainLines(tx, scope);
  for (const [name, value] of Object.entries(filters)) {
    const column = MAIN_LINE_FILTERS[name]!;
    const values = (Array.isArray(value) ? value : [value]).map(String);
    query = query.where(oneOf(column, values));
  }
  return sql<SqlBool>`users.id IN (${query})`;
}

/**
 * The ids of the users whose main extension or provisioning code contains `term`, read first so
 * that the users query ORs a list of ids (which PostgreSQL combines with the trigram index) rather
 * than a subquery (which would make it scan every user).
 */
export async function usersSearchedByLine(tx: Tx, scope: TenantScope, term: string): Promise<number[]> {
  const pattern = `%${escapeLike(term)}%`;
  const rows = await mainLines(tx, scope)
    .where((eb) =>
      eb.or([eb(sql`extension.exten`, 'ilike', pattern), eb(sql`line.provisioning_code`, 'ilike', pattern)]),
    )
    .execute();
  return rows.map((row) => row.user_id);
}
