/**
 * `/extensions/features` on a real PostgreSQL: Wazo's seeded star codes, searched, filtered,
 * sorted and paged by exten; partial edit with the exten checks, one exten per feature, the event
 * with the uuid only; no create or delete; the master tenant only.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { createMigratedTestDatabase, type MigratedTestDatabase } from '@wazo-ts/dao/testing';
import { answerLinksPlugin } from '../common/answer-links.js';
import { caller, lastOutboxId, sentSince } from '../testing/route-calls.js';
import { buildTestApi, fixedServiceToken, type TestApi } from '../testing/test-app.js';
import { extensionFeaturesPlugin } from './index.js';

let database: MigratedTestDatabase;
let api: TestApi;
let call: ReturnType<typeof caller>;
const master = randomUUID();

before(async () => {
  database = await createMigratedTestDatabase({ prefix: 'wazo_confd_extension_features' });
  api = await buildTestApi(database, [answerLinksPlugin, extensionFeaturesPlugin], {
    serviceToken: fixedServiceToken('confd', master),
  });
  call = caller(api);
  api.verifier.add({ token: 'admin', acl: ['confd.#'], metadata: { tenant_uuid: master } });
  api.verifier.add({ token: 'sub', acl: ['confd.#'], metadata: { tenant_uuid: randomUUID() } });
  api.verifier.add({
    token: 'reader',
    acl: ['confd.extensions.features.read', 'confd.extensions.features.*.read'],
    metadata: { tenant_uuid: master },
  });
});
after(async () => {
  await api?.app.close();
  await database?.drop();
});

type Feature = { uuid: string; exten: string; feature: string; enabled: boolean };
const byFeature = async (feature: string): Promise<Feature> =>
  (await call('GET', `/extensions/features?feature=${feature}`, 'admin')).json().items[0];

describe('feature extensions', () => {
  it("when listed, then Wazo's 33 star codes with their extens and enabled flags, sorted by exten, with links", async () => {
    const list = (await call('GET', '/extensions/features?limit=100', 'admin')).json();
    assert.equal(list.total, 33);
    const pairs = Object.fromEntries(list.items.map((f: Feature) => [f.feature, [f.exten, f.enabled]]));
    assert.deepEqual(pairs.enablednd, ['*25', true]);
    assert.deepEqual(pairs.fwdunc, ['_*21.', true]);
    assert.deepEqual(pairs.phoneprogfunckey, ['_*735.', true]);
    assert.deepEqual(pairs.pickup, ['_*8.', false]);
    assert.deepEqual(pairs.callrecord, ['*26', false]);
    assert.deepEqual(pairs.groupmemberleave, ['_*52.', true]);
    const extens = list.items.map((f: Feature) => f.exten);
    assert.deepEqual(extens, [...extens].sort());
    const dnd = await byFeature('enablednd');
    assert.deepEqual(Object.keys(dnd).sort(), ['enabled', 'exten', 'feature', 'links', 'uuid']);
    assert.deepEqual((dnd as Feature & { links: unknown }).links, [
      { rel: 'extensions_features', href: `http://localhost:80/1.1/extensions/features/${dnd.uuid}` },
    ]);
    assert.deepEqual((await call('GET', `/extensions/features/${dnd.uuid}`, 'admin')).json(), dnd);
  });

  it('when searched, filtered and paged, then as xivo-dao does', async () => {
    const search = (await call('GET', '/extensions/features?search=vmuser', 'admin')).json();
    assert.deepEqual(search.items.map((f: Feature) => f.feature).sort(), [
      'vmusermsg',
      'vmuserpurge',
      'vmuserpurgeslt',
      'vmuserslt',
    ]);
    const exact = (await call('GET', '/extensions/features?exten=*98', 'admin')).json();
    assert.deepEqual(
      exact.items.map((f: Feature) => f.feature),
      ['vmusermsg'],
    );
    const page = (
      await call('GET', '/extensions/features?order=feature&direction=desc&limit=2&offset=1', 'admin')
    ).json();
    assert.deepEqual(
      [page.total, page.items.map((f: Feature) => f.feature)],
      [33, ['vmuserpurgeslt', 'vmuserpurge']],
    );
  });

  it('when edited, then only the given fields change and extension_feature_edited carries the uuid only', async () => {
    const dnd = await byFeature('enablednd');
    const from = await lastOutboxId(database);
    const res = await call('PUT', `/extensions/features/${dnd.uuid}`, 'admin', {
      exten: '*911',
      enabled: false,
    });
    assert.equal(res.statusCode, 204, res.body);
    const edited = (await call('GET', `/extensions/features/${dnd.uuid}`, 'admin')).json() as Feature;
    assert.deepEqual(edited, { ...dnd, exten: '*911', enabled: false });
    const events = await sentSince(database, from);
    assert.deepEqual(
      events.map((e) => [e.name, e.routing_key, e.data]),
      [['extension_feature_edited', 'config.extension_feature.edited', { uuid: dnd.uuid }]],
    );
    assert.equal((await call('PUT', `/extensions/features/${dnd.uuid}`, 'admin', {})).statusCode, 204);
    assert.equal(
      (await call('PUT', `/extensions/features/${dnd.uuid}`, 'admin', { exten: '_*25.' })).statusCode,
      204,
    );
  });

  it('when an exten is wrong or taken, then 400 and nothing changes', async () => {
    const dnd = await byFeature('enablednd');
    for (const [field, value] of [
      ['exten', null],
      ['exten', true],
      ['exten', 'ABC123'],
      ['exten', 'XXXX'],
      ['exten', {}],
      ['exten', []],
      ['enabled', 'invalid'],
      ['enabled', null],
      ['enabled', []],
      ['enabled', {}],
    ] as const) {
      const res = await call('PUT', `/extensions/features/${dnd.uuid}`, 'admin', { [field]: value });
      assert.equal(res.statusCode, 400, `${field}=${JSON.stringify(value)}: ${res.body}`);
      assert.match(res.json()[0], new RegExp(`^Input Error - ${field}`));
    }
    const taken = await call('PUT', `/extensions/features/${dnd.uuid}`, 'admin', { exten: '*98' });
    assert.equal(taken.statusCode, 400);
    assert.deepEqual(taken.json(), ["Resource Error - FeatureExtension already exists ('exten': '*98')"]);
    assert.deepEqual(await byFeature('enablednd'), dnd);
  });

  it('when the uuid is unknown or malformed, then 404 FeatureExtension; no create or delete route', async () => {
    const fake = randomUUID();
    for (const method of ['GET', 'PUT'] as const) {
      const res = await call(
        method,
        `/extensions/features/${fake}`,
        'admin',
        method === 'PUT' ? {} : undefined,
      );
      assert.equal(res.statusCode, 404);
      assert.deepEqual(res.json(), [
        `Resource Not Found - FeatureExtension was not found ('uuid': '${fake}')`,
      ]);
    }
    assert.equal((await call('GET', '/extensions/features/abc', 'admin')).statusCode, 404);
    assert.equal((await call('POST', '/extensions/features', 'admin', { exten: '*1' })).statusCode, 404);
    const dnd = await byFeature('enablednd');
    assert.equal((await call('DELETE', `/extensions/features/${dnd.uuid}`, 'admin')).statusCode, 404);
  });

  it('when another tenant than the master calls, or the ACL is missing, then 401', async () => {
    const dnd = await byFeature('enablednd');
    assert.equal((await call('GET', '/extensions/features', 'sub')).statusCode, 401);
    assert.equal((await call('GET', `/extensions/features/${dnd.uuid}`, 'sub')).statusCode, 401);
    assert.equal((await call('PUT', `/extensions/features/${dnd.uuid}`, 'sub', {})).statusCode, 401);
    assert.equal((await call('GET', '/extensions/features', 'reader')).statusCode, 200);
    assert.equal((await call('PUT', `/extensions/features/${dnd.uuid}`, 'reader', {})).statusCode, 401);
  });
});
