/**
 * The floor for confd's users routes: a bare Fastify app with a pg pool on the same database,
 * no access control, no validation, no mapping. Each route runs the parameterised SQL a hand
 * would write for the same answer (the count and the page of 100, one user and its relations, or
 * one INSERT) and lets Fastify serialise the rows; `/users-json` runs confd's own SQL for a plain
 * page (PostgreSQL writing the users' JSON) and joins its texts.
 */

import { userPageSql, userSearchConfig } from '@wazo-ts/dao';
import { DEEP_OFFSET } from '@wazo-ts/db';
import Fastify from 'fastify';
import pg from 'pg';

export interface BareConfd {
  url: string;
  close(): Promise<void>;
}

// The users search as the Service API runs it: the trigram-indexed document (migration 0005)
// narrows the rows, then unaccent ILIKE on each searched column.
const searchColumns = userSearchConfig.search.map((name) => userSearchConfig.columns[name]);
const anyColumn = `(${searchColumns.map((c) => `unaccent(${c}::text) ILIKE unaccent($2)`).join(' OR ')})`;
const document = `wazo_search_document(${searchColumns.map((c) => `${c}::text`).join(', ')})`;
const textMatch = `(${document} ILIKE wazo_unaccent($2) AND ${anyColumn})`;

const LIST = {
  count: 'SELECT count(*) AS total FROM users WHERE tenant_uuid = $1',
  page: (order: string) => `SELECT * FROM users WHERE tenant_uuid = $1
    ORDER BY lower(${order}::text) ASC NULLS LAST, id LIMIT 100 OFFSET $2`,
  // From DEEP_OFFSET on, the list core reads the page's ids first (the same SQL as confd's).
  deepPage: (order: string) => `SELECT * FROM users WHERE tenant_uuid = $1 AND id = ANY(ARRAY(
    SELECT id FROM users WHERE tenant_uuid = $1 ORDER BY lower(${order}::text) ASC NULLS LAST, id
    LIMIT 100 OFFSET $2)) ORDER BY lower(${order}::text) ASC NULLS LAST, id`,
};
const SEARCH = {
  count: `SELECT count(*) AS total FROM users WHERE tenant_uuid = $1 AND ${textMatch}`,
  page: `SELECT * FROM users WHERE tenant_uuid = $1 AND ${textMatch}
    ORDER BY lower(lastname::text) ASC NULLS LAST LIMIT 100`,
};
// GET /users/{uuid} by hand: the user in the tenant, then its lines, groups and schedule at once.
const ITEM = {
  user: 'SELECT * FROM users WHERE uuid = $1 AND tenant_uuid = $2',
  lines: 'SELECT * FROM user_line WHERE user_id = $1 ORDER BY main_line DESC, line_id',
  groups: `SELECT g.id, g.uuid, g.name FROM group_member_users m JOIN groups g ON g.id = m.group_id
    WHERE m.user_uuid = $1 AND g.tenant_uuid = $2 ORDER BY g.id`,
  schedules: `SELECT s.id, s.name FROM user_schedules us JOIN schedules s ON s.id = us.schedule_id
    WHERE us.user_uuid = $1`,
};
const INSERT = `INSERT INTO users (tenant_uuid, firstname, lastname, caller_id)
  VALUES ($1, $2, $3, $4) RETURNING *`;

type ListQuery = { search?: string; order?: 'firstname' | 'lastname'; offset?: string };
type CreateBody = { firstname: string; lastname: string };

export async function startBareConfd(options: {
  config: pg.ClientConfig;
  poolSize: number;
  tenantUuid: string;
}): Promise<BareConfd> {
  const pool = new pg.Pool({ ...options.config, max: options.poolSize });
  const tenant = options.tenantUuid;
  const app = Fastify();

  app.get<{ Querystring: ListQuery }>('/users', async (request) => {
    const { search, order } = request.query;
    const offset = Number(request.query.offset ?? 0);
    const pattern = search === undefined ? null : `%${search}%`;
    const [count, page] = pattern
      ? [await pool.query(SEARCH.count, [tenant, pattern]), await pool.query(SEARCH.page, [tenant, pattern])]
      : [
          await pool.query(LIST.count, [tenant]),
          await pool.query(
            (offset >= DEEP_OFFSET ? LIST.deepPage : LIST.page)(
              order === 'firstname' ? 'firstname' : 'lastname',
            ),
            [tenant, offset],
          ),
        ];
    return { total: Number(count.rows[0].total), items: page.rows };
  });

  // The same SQL as confd's plain page (PostgreSQL writes each user's JSON, links included), its
  // texts joined as confd joins them: what is left between the two is the daemon's own work.
  app.get<{ Querystring: { offset?: string } }>('/users-json', async (request, reply) => {
    const offset = Number(request.query.offset ?? 0);
    const sql = userPageSql(offset);
    const href = JSON.stringify(`http://${request.host}/1.1/users/`).slice(0, -1);
    const count = await pool.query({ name: 'bare_user_count', text: sql.count, values: [tenant] });
    const page = await pool.query<{ json: string }>({
      name: `bare_user_page_${sql.page === userPageSql(0).page ? 'shallow' : 'deep'}`,
      text: sql.page,
      values: [tenant, 100, offset, href],
    });
    const items = page.rows.map((row) => row.json).join(',');
    return reply
      .type('application/json; charset=utf-8')
      .send(`{"total":${Number(count.rows[0].count)},"items":[${items}]}`);
  });

  app.get<{ Params: { uuid: string } }>('/users/:uuid', async (request, reply) => {
    const { rows } = await pool.query(ITEM.user, [request.params.uuid, tenant]);
    const user = rows[0];
    if (!user) return reply.code(404).send({ message: 'not found' });
    const [lines, groups, schedules] = await Promise.all([
      pool.query(ITEM.lines, [user.id]),
      pool.query(ITEM.groups, [user.uuid, tenant]),
      pool.query(ITEM.schedules, [user.uuid]),
    ]);
    return { ...user, lines: lines.rows, groups: groups.rows, schedules: schedules.rows };
  });

  app.post<{ Body: CreateBody }>('/users', async (request, reply) => {
    const { firstname, lastname } = request.body;
    const { rows } = await pool.query(INSERT, [tenant, firstname, lastname, `"${firstname} ${lastname}"`]);
    return reply.code(201).send(rows[0]);
  });

  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  return {
    url,
    async close() {
      await app.close();
      await pool.end();
    },
  };
}
