/**
 * wazo-confd's test_sounds checklist on a real data folder: categories created (name checks in
 * marshmallow's words, unique per tenant), listed with the `system` category (search, order,
 * paging, `recurse`), read and deleted in the scoping tenant only (defaults and `system` kept),
 * events; files uploaded by language and format, listed, downloaded (no-language first, `slin`
 * as `.wav`) and deleted; the `system` category read-only and without files (no Asterisk).
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { createMigratedTestDatabase, type MigratedTestDatabase } from '@wazo-ts/dao/testing';
import { answerLinksPlugin } from '../common/answer-links.js';
import { caller, lastOutboxId, sentSince } from '../testing/route-calls.js';
import { buildTestApi, type TestApi } from '../testing/test-app.js';
import { soundsPlugin } from './sounds.routes.js';

let database: MigratedTestDatabase;
let api: TestApi;
let call: ReturnType<typeof caller>;
const main = randomUUID();
const sub = randomUUID();

before(async () => {
  database = await createMigratedTestDatabase({ prefix: 'wazo_confd_sounds' });
  api = await buildTestApi(database, [answerLinksPlugin, soundsPlugin]);
  call = caller(api);
  api.addSubtenant(main, sub);
  api.verifier.add({ token: 'admin', acl: ['confd.#'], metadata: { tenant_uuid: main } });
  for (const tenant of [main, sub]) await api.resources.services.tenants.ensure(tenant);
});
after(async () => {
  await api?.app.close();
  await database?.drop();
});

const create = async (name: string, tenant?: string) => {
  const res = await call('POST', '/sounds', 'admin', { name }, tenant);
  assert.equal(res.statusCode, 201, res.body);
  return res.json();
};
const put = (url: string, content: string, query = '', tenant?: string) =>
  api.app.inject({
    method: 'PUT',
    url: `/1.1${url}${query}`,
    headers: {
      'x-auth-token': 'admin',
      'content-type': 'application/octet-stream',
      ...(tenant ? { 'wazo-tenant': tenant } : {}),
    },
    payload: Buffer.from(content),
  });
const get = (url: string) =>
  api.app.inject({ method: 'GET', url: `/1.1${url}`, headers: { 'x-auth-token': 'admin' } });
const system = {
  tenant_uuid: null,
  name: 'system',
  files: [],
  links: [{ rel: 'sounds', href: 'http://localhost:80/1.1/sounds/system' }],
};

describe('sounds', () => {
  it('when a category is created, then it has no files, a Location, sound_created; and it is read back', async () => {
    const from = await lastOutboxId(database);
    const res = await call('POST', '/sounds', 'admin', { name: 'sound1' });
    assert.equal(res.statusCode, 201, res.body);
    assert.deepEqual(res.json(), {
      tenant_uuid: main,
      name: 'sound1',
      files: [],
      links: [{ rel: 'sounds', href: 'http://localhost:80/1.1/sounds/sound1' }],
    });
    assert.match(String(res.headers.location), /\/1\.1\/sounds\/sound1$/);
    const [event] = await sentSince(database, from);
    assert.deepEqual(
      [event?.name, event?.routing_key, event?.data, event?.headers.tenant_uuid],
      ['sound_created', 'config.sounds.created', { name: 'sound1' }, main],
    );
    assert.deepEqual((await call('GET', '/sounds/sound1', 'admin')).json(), res.json());
  });

  it('when a name is wrong or taken, then Wazo words the error', async () => {
    const cases: [unknown, string][] = [
      [true, "Input Error - name: ['Not a valid string.']"],
      [1234, "Input Error - name: ['Not a valid string.']"],
      ['x'.repeat(150), "Input Error - name: ['Length must be between 1 and 149.']"],
      ['.foo', "Input Error - name: ['String does not match expected pattern.']"],
      ['foo\nbar', "Input Error - name: ['String does not match expected pattern.']"],
      ['system', "Input Error - name: ['Invalid input.']"],
      [
        'monitor',
        "Input Error - name: ['The following name are reserved for internal usage: ['monitor', 'recordings-meetme']']",
      ],
    ];
    for (const [name, message] of cases) {
      const res = await call('POST', '/sounds', 'admin', { name });
      assert.equal(res.statusCode, 400, String(name));
      assert.deepEqual(res.json(), [message], String(name));
    }
    for (const name of [[], {}])
      assert.equal((await call('POST', '/sounds', 'admin', { name })).statusCode, 400);
    assert.equal((await call('POST', '/sounds', 'admin')).statusCode, 400);
    await create('unique');
    assert.deepEqual((await call('POST', '/sounds', 'admin', { name: 'unique' })).json(), [
      `Resource Error - SoundCategory(tenant_uuid=${main}, name=unique, files=<0>) already exists ('name': 'unique')`,
    ]);
    assert.equal((await call('POST', '/sounds', 'admin', { name: 'unique' }, sub)).statusCode, 201);
  });

  it('when listed, then each tenant sees its own and system, recurse adds the sub-tenants, search, order and paging', async () => {
    await create('category_1');
    await create('category_2', sub);
    const names = async (query: string, tenant?: string) =>
      (await call('GET', `/sounds?${query}`, 'admin', undefined, tenant))
        .json()
        .items.map((s: { name: string }) => s.name);
    assert.ok((await names('')).includes('category_1') && !(await names('')).includes('category_2'));
    assert.ok((await names('')).includes('system'));
    assert.ok((await names('recurse=true')).includes('category_2'));
    assert.deepEqual(await names('search=category'), ['category_1']);
    assert.deepEqual(await names('search=category&recurse=true'), ['category_1', 'category_2']);
    assert.deepEqual(await names('search=category&recurse=true&direction=desc'), [
      'category_2',
      'category_1',
    ]);
    assert.deepEqual(await names('search=category&recurse=true&limit=1&offset=1'), ['category_2']);
    const page = (await call('GET', '/sounds?order=name&limit=1', 'admin', undefined, sub)).json();
    assert.deepEqual([page.total, page.items.map((s: { name: string }) => s.name)], [3, ['category_2']]);
    assert.deepEqual((await call('GET', '/sounds?order=files', 'admin')).json(), [
      "Input Error - order: column 'files' was not found",
    ]);
    assert.deepEqual((await call('GET', '/sounds?direction=up', 'admin')).json(), [
      "Input Error - direction: must be 'asc' or 'desc'",
    ]);
    assert.deepEqual((await call('GET', '/sounds/system', 'admin')).json(), system);
  });

  it('when another tenant or an internal name is asked, then 404; default and system categories are not deleted', async () => {
    await create('mine');
    await create('theirs', sub);
    assert.deepEqual((await call('GET', '/sounds/mine', 'admin', undefined, sub)).json(), [
      "Resource Not Found - Sound was not found ('name': 'mine')",
    ]);
    assert.equal((await call('GET', '/sounds/theirs', 'admin')).statusCode, 404);
    assert.equal((await call('DELETE', '/sounds/theirs', 'admin')).statusCode, 404);
    for (const name of ['invalid', '.foo', 'monitor', 'recordings-meetme'])
      assert.equal((await call('GET', `/sounds/${name}`, 'admin')).statusCode, 404, name);
    assert.deepEqual((await call('DELETE', '/sounds/system', 'admin')).json(), [
      'Resource Error - Operation not permitted. Cannot delete default sound category',
    ]);
    await create('playback');
    assert.equal((await call('DELETE', '/sounds/playback', 'admin')).statusCode, 400);
    const from = await lastOutboxId(database);
    assert.equal((await call('DELETE', '/sounds/mine', 'admin')).statusCode, 204);
    const [event] = await sentSince(database, from);
    assert.deepEqual(
      [event?.name, event?.data, event?.headers.tenant_uuid],
      ['sound_deleted', { name: 'mine' }, main],
    );
    assert.equal((await call('GET', '/sounds/mine', 'admin')).statusCode, 404);
  });

  it('when files are uploaded by language and format, then the category lists them and each is downloaded', async () => {
    await create('files');
    assert.equal(
      (await put('/sounds/files/files/ivr', 'ivr_slin_fr_FR', '?format=slin&language=fr_FR')).statusCode,
      204,
    );
    assert.equal(
      (await put('/sounds/files/files/ivr', 'ivr_ogg_fr_FR', '?format=ogg&language=fr_FR')).statusCode,
      204,
    );
    assert.equal(
      (await put('/sounds/files/files/ivr', 'ivr_ogg_fr_CA', '?format=ogg&language=fr_CA')).statusCode,
      204,
    );
    assert.equal((await put('/sounds/files/files/ivr', 'ivr_ogg', '?format=ogg')).statusCode, 204);
    const category = (await call('GET', '/sounds/files', 'admin')).json();
    assert.equal(category.files.length, 1);
    assert.equal(category.files[0].name, 'ivr');
    const formats = category.files[0].formats.map(
      (f: { format: string; language: string | null; text: null; path: string }) => [
        f.format,
        f.language,
        f.text,
        f.path.endsWith(`/sounds/tenants/${main}/files/${f.language ? `${f.language}/` : ''}ivr`),
      ],
    );
    assert.deepEqual(
      formats.sort(),
      [
        ['ogg', 'fr_CA', null, true],
        ['ogg', 'fr_FR', null, true],
        ['ogg', null, null, true],
        ['slin', 'fr_FR', null, true],
      ].sort(),
    );
    let res = await get('/sounds/files/files/ivr?format=ogg');
    assert.deepEqual(
      [res.body, res.headers['content-disposition']],
      ['ivr_ogg', 'attachment; filename=ivr.ogg'],
    );
    res = await get('/sounds/files/files/ivr?format=ogg&language=fr_FR');
    assert.equal(res.body, 'ivr_ogg_fr_FR');
    res = await get('/sounds/files/files/ivr?format=slin&language=fr_FR');
    assert.deepEqual(
      [res.body, res.headers['content-disposition']],
      ['ivr_slin_fr_FR', 'attachment; filename=ivr.wav'],
    );
    // A list filters the files by language or format (an item shows them all, as Wazo).
    const filtered = (await call('GET', '/sounds?search=files&language=fr_CA', 'admin')).json().items[0];
    assert.deepEqual(
      filtered.files[0].formats.map((f: { language: string }) => f.language),
      ['fr_CA'],
    );
    for (const query of ['?format=slin&language=invalid', '?format=mp3&language=fr_FR'])
      assert.equal((await get(`/sounds/files/files/ivr${query}`)).statusCode, 404, query);
    assert.equal((await get('/sounds/files/files/other')).statusCode, 404);
    assert.equal(
      (await call('DELETE', '/sounds/files/files/ivr?format=ogg&language=fr_CA', 'admin')).statusCode,
      204,
    );
    assert.equal((await get('/sounds/files/files/ivr?format=ogg&language=fr_CA')).statusCode, 404);
    assert.equal((await get('/sounds/files/files/ivr?format=ogg&language=fr_FR')).statusCode, 200);
    assert.equal(
      (await call('DELETE', '/sounds/files/files/ivr?format=ogg&language=fr_CA', 'admin')).statusCode,
      404,
    );
    assert.equal((await call('DELETE', '/sounds/files/files/ivr', 'admin')).statusCode, 204);
    assert.deepEqual((await call('GET', '/sounds/files', 'admin')).json().files, []);
  });

  it('when a file or category name is unsafe, or the category missing or system, then it is refused', async () => {
    await create('safe');
    for (const name of ['.foo', 'foo%2Fbar', '..%2Fbar'])
      assert.equal((await put(`/sounds/safe/files/${name}`, 'x')).statusCode, 404, name);
    for (const name of ['.foo', 'foo%2Fbar', 'invalid'])
      assert.equal((await put(`/sounds/${name}/files/foo`, 'x')).statusCode, 404, name);
    assert.deepEqual((await put('/sounds/safe/files/foo', 'x', '?language=../x')).json(), [
      "Input Error - language: ['String does not match expected pattern.']",
    ]);
    assert.equal((await put('/sounds/safe/files/foo', 'x', '?format=..')).statusCode, 400);
    assert.deepEqual((await put('/sounds/system/files/foo', 'x')).json(), [
      'Resource Error - Operation not permitted. Cannot update system sounds',
    ]);
    assert.deepEqual((await call('DELETE', '/sounds/system/files/foo', 'admin')).json(), [
      'Resource Error - Operation not permitted. Cannot delete system sounds',
    ]);
    assert.deepEqual((await get('/sounds/system/files/foo')).json(), [
      "Resource Not Found - Sound was not found ('name': 'system', 'file_name': 'foo')",
    ]);
    assert.equal((await put('/sounds/safe/files/foo', 'x', '', sub)).statusCode, 404);
    assert.deepEqual((await call('GET', '/sounds/safe', 'admin')).json().files, []);
  });
});
