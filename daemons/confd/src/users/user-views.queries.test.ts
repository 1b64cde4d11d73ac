/**
 * `GET /users?view=summary|directory` on a real PostgreSQL, counting the queries confd sends: the
 * page's main lines are read in one batch, so a page of 12 users costs what a page of 2 does.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { scopeOf } from '@wazo-ts/dao';
import { createMigratedTestDatabase, type MigratedTestDatabase } from '@wazo-ts/dao/testing';
import { caller } from '../testing/route-calls.js';
import { buildTestApi, type TestApi } from '../testing/test-app.js';
import { usersPlugin } from './users.plugin.js';

let database: MigratedTestDatabase;
let api: TestApi;
let call: ReturnType<typeof caller>;
let queries = 0;
const tenant = randomUUID();
let context: string;

/** Each user with a line: SIP with webrtc on or off, or a custom endpoint; every third without one. */
function userBody(n: number) {
  const exten = String(1100 + n);
  const endpoint =
    n % 3 === 1
      ? { endpoint_custom: { interface: `custom/${n}` } }
      : { endpoint_sip: { endpoint_section_options: [['webrtc', n % 2 === 0 ? 'yes' : 'no']] } };
  const lines = n % 3 === 2 ? [] : [{ context, ...endpoint, extensions: [{ exten, context }] }];
  return { firstname: `User${n}`, lastname: 'Q', lines };
}

before(async () => {
  database = await createMigratedTestDatabase({ prefix: 'wazo_confd_user_view_queries' });
  // Every query the services send goes through this plugin, which counts it.
  const counting = database.db.withPlugin({
    transformQuery: (args) => args.node,
    transformResult: async (args) => {
      queries += 1;
      return args.result;
    },
  });
  api = await buildTestApi({ ...database, db: counting }, [usersPlugin]);
  call = caller(api);
  api.verifier.add({ token: 'admin', acl: ['confd.#'], metadata: { tenant_uuid: tenant } });
  await api.resources.services.tenants.ensure(tenant);
  const range = { user_ranges: [{ start: '1000', end: '1999' }] };
  const created = await api.resources.services.contexts.create(scopeOf(tenant), tenant, {
    label: 'Internal',
    ...range,
  });
  context = created.name;
  for (let n = 0; n < 12; n++) {
    const res = await call('POST', '/users', 'admin', userBody(n));
    assert.equal(res.statusCode, 201, res.body);
  }
});
after(async () => {
  await api?.app.close();
  await database?.drop();
});

async function countedList(view: string, limit: number) {
  queries = 0;
  const res = await call('GET', `/users?view=${view}&limit=${limit}&order=firstname`, 'admin');
  assert.equal(res.statusCode, 200, res.body);
  assert.equal(res.json().items.length, limit);
  return { count: queries, items: res.json().items as Record<string, unknown>[] };
}

describe('users list views: queries per page', () => {
  for (const view of ['summary', 'directory']) {
    it(`when view=${view} lists 12 users instead of 2, then confd sends no more queries`, async () => {
      const small = await countedList(view, 2);
      const large = await countedList(view, 12);
      assert.equal(large.count, small.count);
    });
  }

  it('when view=summary, then each user shows its own main line, protocol and webrtc flag', async () => {
    const { items } = await countedList('summary', 12);
    const byName = new Map(items.map((item) => [item.firstname, item]));
    for (let n = 0; n < 12; n++) {
      const item = byName.get(`User${n}`)!;
      const hasLine = n % 3 !== 2;
      assert.equal(item.extension, hasLine ? String(1100 + n) : null, `User${n}`);
      assert.equal(item.context, hasLine ? context : null);
      assert.equal(item.protocol, hasLine ? (n % 3 === 1 ? 'custom' : 'sip') : null);
      assert.equal(item.is_webrtc, n % 3 === 0 && n % 2 === 0, `User${n}`);
      assert.equal(typeof item.provisioning_code, hasLine ? 'string' : 'object');
    }
  });
});
