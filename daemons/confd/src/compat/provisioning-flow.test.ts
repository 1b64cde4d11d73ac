/**
 * The provisioning flow of Wazo's documentation replayed as wazo-confd-client sends it (issue 16):
 * SIP endpoint → line → extension → user → device → voicemail → function keys, the user read back
 * with everything, then the teardown in the order of Wazo's recursive user delete, after which
 * nothing the flow made is left. The headers are the client's own: `ConfdSession` sends
 * `Accept: application/json` on GET and DELETE and adds `Content-Type: application/json` on POST
 * and PUT (bodiless association PUTs included); wazo-lib-rest-client's session adds
 * `Connection: close` and `X-Auth-Token`; lists carry `recurse=False`.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { DaemonPlugin } from '@wazo-ts/daemon';
import { createMigratedTestDatabase, type MigratedTestDatabase } from '@wazo-ts/dao/testing';
import { type ConfdConfig, confdDaemon } from '../definition.js';
import type { ConfdResources } from '../resources.js';
import { tenantSyncPlugin } from '../tenant-sync/index.js';
import { buildTestApi, type TestApi } from '../testing/test-app.js';
import type { Ids, Row } from './confd-client-rows.js';
import { provisioningRows, readBackRows, teardownRows } from './provisioning-flow-rows.js';

const tenant = randomUUID();

/** What the client sends with a request of `method`. */
function clientHeaders(method: Row['method']): Record<string, string> {
  const session = { connection: 'close', 'x-auth-token': 'admin', accept: 'application/json' };
  return method === 'POST' || method === 'PUT' ? { ...session, 'content-type': 'application/json' } : session;
}

/** The resources the flow made, listed as a script would to check nothing is left. */
const LISTS = [
  '/users',
  '/lines',
  '/extensions',
  '/endpoints/sip',
  '/voicemails',
  '/devices',
  '/funckeys/templates',
];

describe('the provisioning flow of wazo-confd-client', () => {
  let database: MigratedTestDatabase;
  let api: TestApi;
  const ids: Ids = {};

  before(async () => {
    database = await createMigratedTestDatabase({ prefix: 'wazo_confd_provisioning_flow' });
    api = await buildTestApi(
      database,
      confdDaemon.plugins.filter(
        (plugin): plugin is DaemonPlugin<ConfdConfig, ConfdResources> =>
          typeof plugin !== 'string' && plugin !== tenantSyncPlugin,
      ),
    );
    api.verifier.add({ token: 'admin', acl: ['confd.#'], metadata: { tenant_uuid: tenant } });
    await api.resources.services.tenants.ensure(tenant);
  });
  after(async () => {
    await api?.app.close();
    await database?.drop();
  });

  const send = async (method: Row['method'], url: string, body?: unknown) =>
    api.app.inject({
      method,
      url: `/1.1${url}`,
      headers: clientHeaders(method),
      ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
    });

  for (const row of [...provisioningRows, ...readBackRows, ...teardownRows]) {
    it(`${row.call}: ${row.method} answers ${row.status}`, async () => {
      const res = await send(row.method, row.path(ids), row.body?.(ids));
      assert.equal(res.statusCode, row.status, res.body);
      row.reads?.(res.json(), ids);
    });
  }

  it('when the flow is torn down, then nothing it made is left', async () => {
    for (const list of LISTS) {
      const res = await send('GET', `${list}?recurse=False`);
      assert.equal(res.statusCode, 200, res.body);
      assert.equal(res.json().total, 0, `${list}: ${res.body}`);
    }
    // The user's private template went with the user.
    const { rows } = await database.pool.query('SELECT count(*)::int AS n FROM func_key_template');
    assert.equal(rows[0].n, 0);
  });
});
