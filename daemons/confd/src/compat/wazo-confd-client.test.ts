/**
 * wazo-confd as Wazo's clients call it: each row is one wazo-confd-client (or @wazo/sdk confd)
 * call replayed with the headers those clients send on every request (`Accept` and
 * `Content-Type: application/json`, bodiless DELETEs and association PUTs included; `recurse=False`
 * on lists), then the fields the client reads are checked. Rows run in order on one database,
 * as an administrator and, at the end, as a PBX user holding Wazo's default user ACLs.
 * Not yet covered: update() with a whole GET body (read-only fields: another change), links.
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
import { type Ids, setupRows } from './confd-client-rows.js';

const tenant = randomUUID();
/** What wazo-lib-rest-client sends on every request, whatever the method. */
const headers = (token: string) => ({
  'x-auth-token': token,
  accept: 'application/json',
  'content-type': 'application/json',
  connection: 'close',
});

import { applicationRows } from './confd-client-rows-apps.js';
import { callFilterRows } from './confd-client-rows-call-filters.js';
import { conferenceRows } from './confd-client-rows-conferences.js';
import { incallRows } from './confd-client-rows-incalls.js';
import { associationRows } from './confd-client-rows-more.js';

describe('wazo-confd-client calls', () => {
  let database: MigratedTestDatabase;
  let api: TestApi;
  const ids: Ids = {};

  before(async () => {
    database = await createMigratedTestDatabase({ prefix: 'wazo_confd_client_compat' });
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

  for (const row of [
    ...setupRows,
    ...applicationRows,
    ...associationRows,
    ...callFilterRows,
    ...incallRows,
    ...conferenceRows,
  ]) {
    it(`${row.call}: ${row.method} answers ${row.status}`, async () => {
      // The PBX user appears once Bob exists: Wazo's default user policy reads itself.
      if (row.token === 'bob') {
        const uuid = ids.bob as string;
        const acl = ['confd.users.me.read', 'confd.users.me.update'];
        api.verifier.add({
          token: 'bob',
          auth_id: uuid,
          acl,
          metadata: { tenant_uuid: tenant, uuid, pbx_user_uuid: uuid },
        });
      }
      const body = row.body?.(ids);
      const res = await api.app.inject({
        method: row.method,
        url: `/1.1${row.path(ids)}`,
        headers: headers(row.token ?? 'admin'),
        ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
      });
      assert.equal(res.statusCode, row.status, res.body);
      row.reads?.(res.json(), ids);
    });
  }
});
