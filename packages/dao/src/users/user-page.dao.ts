/**
 * A page of users without filters (`GET /users?limit=100&offset=...`, or with `search=`) written as JSON
 * by PostgreSQL, each user exactly as `JSON.stringify` writes the model `userFromRow` builds, with
 * its `links`. A page of Wazo's users is 157 kB of JSON made of 5,000 columns; read into rows,
 * mapped to users, linked and stringified, that cost more of the daemon's thread than the SQL. Here
 * the statement hands one text per user and the REST layer only joins them.
 *
 * Each value is written by the expression of its type (strings through `to_json`, whose escapes are
 * `JSON.stringify`'s: `\"`, `\\`, `\b`, `\f`, `\n`, `\r`, `\t`, `\u00XX` for the other control
 * characters), `created_at` as Python's `isoformat()` of the UTC time to the millisecond, as the
 * model writes it. The statements are constant texts (one per order, direction, page depth, one or
 * several tenants, with or without a search), sent as named prepared statements. The tests compare every byte with
 * the model's answer.
 */
import { DEEP_OFFSET, escapeLike, type PreparedStatement, preparedStatement } from '@wazo-ts/db';
import type { Tx } from '../db/unit-of-work.js';
import { LINK, type LinkTarget } from '../schema.js';
import type { SearchParams, TenantScope } from '../search/search.js';
import { usersSearchedByLine } from './user-line-filters.js';
import { userSearchConfig } from './users.dao.js';
import { absentUserRelations } from './users.mapping.js';
import { userSchema } from './users.model.js';

/** A JSON value from a column, or the SQL writing it. */
const text = (column: string) => `coalesce(to_json(users.${column})::text, 'null')`;
const int = (column: string) => `coalesce(users.${column}::text, 'null')`;
const bool = (column: string) => boolOf(`users.${column}`);
const boolOf = (expression: string) =>
  `CASE ${expression} WHEN true THEN 'true' WHEN false THEN 'false' ELSE 'null' END`;
const uuid = (column: string) => `coalesce('"' || users.${column}::text || '"', 'null')`;

/** Python's `isoformat()` of the UTC time, to the millisecond a JavaScript Date holds (see userFromRow). */
const CREATED_AT = `'"' || (CASE WHEN date_trunc('second', users.created_at) = date_trunc('milliseconds', users.created_at)
  THEN to_char(users.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS')
  ELSE to_char(date_trunc('milliseconds', users.created_at AT TIME ZONE 'UTC'), 'YYYY-MM-DD"T"HH24:MI:SS.US') END) || '"'`;

const RECORD = ['outgoing_external', 'outgoing_internal', 'incoming_external', 'incoming_internal'].map(
  (call) => `call_record_${call}_enabled`,
);

/** A forward (`{"enabled":..,"destination":..}`) of the user's columns. */
const forward = (name: string): [string, string][] => [
  [`"${name}":{"enabled":`, bool(`forward_${name}_enabled`)],
  [',"destination":', text(`forward_${name}_destination`)],
  ['}', ''],
];

/** The user's keys in userFromRow's order: the literal text before each value, and the value's SQL. */
const PARTS: [string, string][] = [
  ['id', int('id')],
  ['uuid', uuid('uuid')],
  ['tenant_uuid', uuid('tenant_uuid')],
  ...['firstname', 'lastname', 'email', 'timezone', 'language', 'description', 'caller_id']
    .concat(['outgoing_caller_id', 'mobile_phone_number'])
    .map((column): [string, string] => [column, text(column)]),
  ['mobile_fallback_enabled', bool('mobile_fallback_enabled')],
  ...['username', 'password', 'music_on_hold', 'preprocess_subroutine', 'userfield'].map(
    (column): [string, string] => [column, text(column)],
  ),
  ['call_transfer_enabled', bool('call_transfer_enabled')],
  ['dtmf_hangup_enabled', bool('dtmf_hangup_enabled')],
  ['call_record_enabled', boolOf(`(${RECORD.map((column) => `users.${column}`).join(' AND ')})`)],
  ...RECORD.map((column): [string, string] => [column, bool(column)]),
  ...['online_call_record_enabled', 'supervision_enabled', 'enabled'].map((column): [string, string] => [
    column,
    bool(column),
  ]),
  ['ring_seconds', int('ring_seconds')],
  ['simultaneous_calls', int('simultaneous_calls')],
  ['call_permission_password', text('call_permission_password')],
  ['subscription_type', int('subscription_type')],
  ['created_at', CREATED_AT],
  ['func_key_template_id', int('func_key_template_id')],
].map(([key, value], i) => [`${i === 0 ? '{' : ','}${JSON.stringify(key)}:`, value as string]);

/** services and forwards, nested as the model nests them. */
const NESTED: [string, string][] = [
  [',"services":{"dnd":{"enabled":', bool('dnd_enabled')],
  ['},"incallfilter":{"enabled":', bool('incallfilter_enabled')],
  ['}},"forwards":{', ''],
  ...forward('busy'),
  [',', ''],
  ...forward('noanswer'),
  [',', ''],
  ...forward('unconditional'),
  ['}', ''],
];

/** The relations a listed user shows empty, in userFromRow's order (its spread, then its own). */
const ABSENT = JSON.stringify({ ...absentUserRelations(), lines: [], groups: [], schedules: [] }).slice(
  1,
  -1,
);

const TARGETS = (userSchema as unknown as Record<symbol, readonly LinkTarget[]>)[LINK] ?? [];
// Their values go into the href as they are (encodeURIComponent leaves them unchanged).
for (const { field } of TARGETS)
  if (field !== 'id' && field !== 'uuid') throw new Error(`a user's link by ${field} is not written here`);

/**
 * `,"links":[...]}`: each target's href is a parameter from `$4` on (the JSON text of
 * `<base>/<rel>/` without its closing quote) then the field's value.
 */
const LINKS = TARGETS.map(
  ({ rel, field }, i) =>
    `${i === 0 ? '' : ','}{"rel":${JSON.stringify(rel)},"href":' || $${4 + i}::text || users.${field}::text || '"}`,
);

const quote = (literal: string) => `'${literal.replaceAll("'", "''")}'`;

/** The SQL of one user's JSON text: one array of parts joined once (no quadratic concatenation). */
const USER_JSON = `array_to_string(ARRAY[${[...PARTS, ...NESTED]
  .flatMap(([literal, value]) => [quote(literal), value].filter((part) => part !== '' && part !== "''"))
  .concat(quote(`,${ABSENT},"links":[`), `'${LINKS.join('')}]}'`)
  .join(', ')}], '')`;

/** One tenant is an equality (an index on the tenant then gives the order); several, an array. */
const TENANTS = { one: 'users.tenant_uuid = $1', many: 'users.tenant_uuid = ANY($1::uuid[])' };

/**
 * `search`, as the users search writes it (search/apply.ts): the indexed document narrows, each
 * search column is tested, or the user is one whose main line matched (user-line-filters.ts).
 * Its parameters are the pattern (at `first`) and the ids found by line (after it).
 */
const SEARCH_COLUMNS = userSearchConfig.search.map((name) => `${userSearchConfig.columns[name]}::text`);
function searchWhere(first: number): string {
  const pattern = `$${first}::text`;
  const anyColumn = SEARCH_COLUMNS.map((column) => `unaccent(${column}) ILIKE unaccent(${pattern})`);
  const document = `wazo_search_document(${SEARCH_COLUMNS.join(', ')}) ILIKE wazo_unaccent(${pattern})`;
  return `((${document} AND (${anyColumn.join(' OR ')})) OR users.id = ANY($${first + 1}::int[]))`;
}

type Tenants = 'one' | 'many';

const statements = new Map<string, PreparedStatement>();

/** The statement of one shape, declared on first use (a bounded set: columns × 2 × 2 × 2 × 2). */
function statementOf(name: string, sql: () => string): PreparedStatement {
  let statement = statements.get(name);
  if (!statement) {
    statement = preparedStatement(name, sql());
    statements.set(name, statement);
  }
  return statement;
}

function pageStatement(
  order: string,
  direction: 'ASC' | 'DESC',
  deep: boolean,
  tenants: Tenants,
  searched: boolean,
) {
  const column = userSearchConfig.columns[order] as string;
  const sortKey = userSearchConfig.sortInsensitive?.includes(order) ? `lower(${column}::text)` : column;
  const orderBy = `${sortKey} ${direction} NULLS LAST, users.id`;
  const where = searched ? `${TENANTS[tenants]} AND ${searchWhere(4 + TARGETS.length)}` : TENANTS[tenants];
  const shape = `${order}_${direction}_${deep ? 'deep' : 'shallow'}_${tenants}${searched ? '_search' : ''}`;
  const name = `wazo_user_page_json_${shape}`;
  return statementOf(name, () =>
    deep
      ? // The page's keys first (see sortedPage in @wazo-ts/db), then those users.
        `SELECT ${USER_JSON} AS json FROM users WHERE ${where} AND users.id = ANY(ARRAY(
          SELECT users.id FROM users WHERE ${where} ORDER BY ${orderBy} LIMIT $2 OFFSET $3))
        ORDER BY ${orderBy}`
      : // The page, then its JSON: only the page's rows are written, not the ones skipped.
        `SELECT ${USER_JSON} AS json FROM (SELECT * FROM users WHERE ${where}
          ORDER BY ${orderBy} LIMIT $2 OFFSET $3) users ORDER BY ${orderBy}`,
  );
}

/** The count of the tenant's users, or of those the search finds. */
const countStatement = (tenants: Tenants, searched: boolean) =>
  statementOf(
    `wazo_user_count_${tenants}${searched ? '_search' : ''}`,
    () =>
      `SELECT count(*) AS count FROM users WHERE ${TENANTS[tenants]}${searched ? ` AND ${searchWhere(2)}` : ''}`,
  );

/**
 * The texts of the count and of the page of the default order (lastname, ascending) for one
 * tenant, with their parameters `[tenant]` and `[tenant, limit, offset, href of the users]`: for a
 * baseline running the same SQL by hand (bench/confd).
 */
export function userPageSql(offset: number): { count: string; page: string } {
  return {
    count: countStatement('one', false).sql,
    page: pageStatement(userSearchConfig.defaultSort, 'ASC', offset >= DEEP_OFFSET, 'one', false).sql,
  };
}

/** A page of users as JSON texts, and the count of the scope's users. */
export interface UserPageJson {
  total: number;
  /** Each user's JSON, links included, in the page's order. */
  items: string[];
}

/**
 * Whether `params` ask for a page this module writes: no filter (a search is fine), a known order.
 * Anything else (and an unknown order, refused by the search) goes through the users search.
 */
export function isPlainUserPage(params: SearchParams, scope: TenantScope): boolean {
  return (
    (params.filters === undefined || Object.keys(params.filters).length === 0) &&
    Object.hasOwn(userSearchConfig.columns, params.order ?? userSearchConfig.defaultSort) &&
    scope.tenantUuids.length > 0
  );
}

/**
 * The page `params` ask (see isPlainUserPage), each user linked to `<linkBase>/<rel>/<field>`
 * (linkBase: the scheme, host and prefix of the API, e.g. `https://host/api/confd/1.1`).
 */
export async function userPageJson(
  tx: Tx,
  scope: TenantScope,
  params: SearchParams,
  linkBase: string,
): Promise<UserPageJson> {
  const tenants = scope.tenantUuids.length === 1 ? 'one' : 'many';
  const offset = params.offset ?? 0;
  const term = params.search ?? '';
  const searched = term !== '';
  const page = pageStatement(
    params.order ?? userSearchConfig.defaultSort,
    params.direction === 'desc' ? 'DESC' : 'ASC',
    offset >= DEEP_OFFSET,
    tenants,
    searched,
  );
  // The JSON text of each href's start, without its closing quote: the id follows it.
  const hrefs = TARGETS.map(({ rel }) => JSON.stringify(`${linkBase}/${rel}/`).slice(0, -1));
  const tenant = tenants === 'one' ? scope.tenantUuids[0] : [...scope.tenantUuids];
  // The users whose main line's extension or provisioning code matches, first (as the search).
  const search = searched ? [`%${escapeLike(term)}%`, await usersSearchedByLine(tx, scope, term)] : [];
  // Both at once, as runSearch does: each on its own pooled connection outside a transaction.
  const [count, rows] = await Promise.all([
    tx.db.executeQuery<{ count: string }>(countStatement(tenants, searched).compile([tenant, ...search])),
    tx.db.executeQuery<{ json: string }>(
      page.compile([tenant, params.limit ?? null, offset, ...hrefs, ...search]),
    ),
  ]);
  return { total: Number(count.rows[0]?.count ?? 0), items: rows.rows.map((row) => row.json) };
}
