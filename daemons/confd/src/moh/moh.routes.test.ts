/**
 * wazo-confd's test_moh checklist on a real PostgreSQL and a real data folder: minimal body and
 * the generated name, every field, the deprecated `name`, field errors changing nothing, a custom
 * class needing an application, search, sort and paging, 404s across tenants, events; files
 * uploaded, listed, downloaded, replaced and deleted, WAV checks in `files` mode, safe names and
 * the size limit; and the places that name a class (users', groups' `music_on_hold`, a user
 * destination's `moh_uuid`) checked in the tenant.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { createMigratedTestDatabase, type MigratedTestDatabase } from '@wazo-ts/dao/testing';
import { answerLinksPlugin } from '../common/answer-links.js';
import { userFallbacksPlugin } from '../fallbacks/index.js';
import { groupsPlugin } from '../groups/index.js';
import { ivrPlugin } from '../ivr/ivr.routes.js';
import { schedulesPlugin } from '../schedules/index.js';
import { caller, lastOutboxId, rowCount, sentSince } from '../testing/route-calls.js';
import { buildTestApi, type TestApi } from '../testing/test-app.js';
import { usersPlugin } from '../users/index.js';
import { mohPlugin } from './moh.routes.js';

let database: MigratedTestDatabase;
let api: TestApi;
let call: ReturnType<typeof caller>;
const tenant1 = randomUUID();
const child1 = randomUUID();
const tenant2 = randomUUID();

before(async () => {
  database = await createMigratedTestDatabase({ prefix: 'wazo_confd_moh' });
  api = await buildTestApi(database, [
    answerLinksPlugin,
    usersPlugin,
    userFallbacksPlugin,
    groupsPlugin,
    schedulesPlugin,
    ivrPlugin,
    mohPlugin,
  ]);
  call = caller(api);
  api.addSubtenant(tenant1, child1);
  api.verifier.add({ token: 'admin1', acl: ['confd.#'], metadata: { tenant_uuid: tenant1 } });
  api.verifier.add({ token: 'admin2', acl: ['confd.#'], metadata: { tenant_uuid: tenant2 } });
  for (const tenant of [tenant1, child1, tenant2]) await api.resources.services.tenants.ensure(tenant);
  await database.pool.query(`UPDATE tenant SET slug = 'acme' WHERE uuid = $1`, [tenant1]);
});
after(async () => {
  await api?.app.close();
  await database?.drop();
});

type Moh = { uuid: string; tenant_uuid: string; name: string; label: string; mode: string } & Record<
  string,
  unknown
>;
const create = async (body: object = {}, token = 'admin1', tenant?: string): Promise<Moh> => {
  const res = await call('POST', '/moh', token, { label: 'moh', mode: 'files', ...body }, tenant);
  assert.equal(res.statusCode, 201, res.body);
  return res.json();
};

/** A WAV file as Python's `wave` writes it: RIFF header, `fmt ` chunk, `data` chunk. */
function wav({ channels = 1, rate = 8000, bits = 16, data = 'random content' } = {}): Buffer {
  const body = Buffer.from(data);
  const fmt = Buffer.alloc(16);
  fmt.writeUInt16LE(1, 0);
  fmt.writeUInt16LE(channels, 2);
  fmt.writeUInt32LE(rate, 4);
  fmt.writeUInt32LE((rate * channels * bits) / 8, 8);
  fmt.writeUInt16LE((channels * bits) / 8, 12);
  fmt.writeUInt16LE(bits, 14);
  const header = Buffer.alloc(12);
  header.write('RIFF', 0, 'latin1');
  header.writeUInt32LE(4 + 8 + fmt.length + 8 + body.length, 4);
  header.write('WAVE', 8, 'latin1');
  const chunk = (id: string, content: Buffer) => {
    const head = Buffer.alloc(8);
    head.write(id, 0, 'latin1');
    head.writeUInt32LE(content.length, 4);
    return Buffer.concat([head, content, content.length % 2 ? Buffer.alloc(1) : Buffer.alloc(0)]);
  };
  return Buffer.concat([header, chunk('fmt ', fmt), chunk('data', body)]);
}

const upload = (url: string, payload: Buffer, token = 'admin1', tenant?: string) =>
  api.app.inject({
    method: 'PUT',
    url: `/1.1${url}`,
    headers: {
      'x-auth-token': token,
      'content-type': 'application/octet-stream',
      ...(tenant ? { 'wazo-tenant': tenant } : {}),
    },
    payload,
  });
const download = (url: string, token = 'admin1', tenant?: string) =>
  api.app.inject({
    method: 'GET',
    url: `/1.1${url}`,
    headers: { 'x-auth-token': token, ...(tenant ? { 'wazo-tenant': tenant } : {}) },
  });

describe('moh', () => {
  it('when created with the required fields, then a generated name, no files, a Location and moh_created', async () => {
    const from = await lastOutboxId(database);
    const res = await call('POST', '/moh', 'admin1', { label: 'moh1', mode: 'files' });
    assert.equal(res.statusCode, 201, res.body);
    const created = res.json();
    assert.deepEqual(created, {
      uuid: created.uuid,
      tenant_uuid: tenant1,
      name: `moh-acme-${created.uuid}`,
      label: 'moh1',
      mode: 'files',
      application: null,
      sort: null,
      files: [],
      links: [{ rel: 'moh', href: `http://localhost:80/1.1/moh/${created.uuid}` }],
    });
    assert.match(String(res.headers.location), new RegExp(`/1\\.1/moh/${created.uuid}$`));
    const [event] = await sentSince(database, from);
    assert.deepEqual(
      [event?.name, event?.routing_key, event?.data, event?.headers.tenant_uuid],
      [
        'moh_created',
        'config.moh.created',
        { uuid: created.uuid, tenant_uuid: tenant1, name: created.name },
        tenant1,
      ],
    );
    assert.deepEqual((await call('GET', `/moh/${created.uuid}`, 'admin1')).json(), created);
  });

  it('when created with every field or the deprecated name, then each is kept', async () => {
    const all = await create({
      label: 'MOH 1',
      mode: 'custom',
      application: '/usr/bin/mpg123 xxx',
      sort: 'alphabetical',
    });
    assert.deepEqual(
      [all.label, all.mode, all.application, all.sort],
      ['MOH 1', 'custom', '/usr/bin/mpg123 xxx', 'alphabetical'],
    );
    const deprecated = await create({ label: undefined, name: 'MyMOH' });
    assert.equal(deprecated.label, 'MyMOH');
    assert.match(deprecated.name, /^moh-acme-/);
    for (const sort of ['alphabetical', 'random', 'random_start'])
      assert.equal((await create({ sort })).sort, sort);
    assert.equal((await create({ mode: 'mp3' })).mode, 'mp3');
  });

  it('when fields are wrong, then Wazo words the error and nothing is written', async () => {
    const before = await rowCount(database, 'moh');
    const cases: [object, string][] = [
      [{ mode: 'files' }, "Input Error - label: ['Missing data for required field.']"],
      [{ label: 'x' }, "Input Error - mode: ['Missing data for required field.']"],
      [{ label: true, mode: 'files' }, "Input Error - label: ['Not a valid string.']"],
      [{ label: 'x'.repeat(129), mode: 'files' }, "Input Error - label: ['Longer than maximum length 128.']"],
      [{ label: 'x', mode: 'hello' }, "Input Error - mode: ['Must be one of: custom, files, mp3.']"],
      [
        { label: 'x', mode: 'files', application: 1234 },
        "Input Error - application: ['Not a valid string.']",
      ],
      [
        { label: 'x', mode: 'files', application: 'a'.repeat(257) },
        "Input Error - application: ['Longer than maximum length 256.']",
      ],
      [
        { label: 'x', mode: 'files', sort: 'hello' },
        "Input Error - sort: ['Must be one of: alphabetical, random, random_start.']",
      ],
      [{ label: 'x', mode: 'custom' }, 'Input Error - custom mode must have an application'],
    ];
    for (const [body, message] of cases) {
      const res = await call('POST', '/moh', 'admin1', body);
      assert.equal(res.statusCode, 400, JSON.stringify(body));
      assert.deepEqual(res.json(), [message], JSON.stringify(body));
    }
    assert.equal((await call('POST', '/moh', 'admin1')).statusCode, 400);
    const created = await create({ application: null });
    for (const [body, message] of cases.slice(2)) {
      const res = await call('PUT', `/moh/${created.uuid}`, 'admin1', body);
      assert.deepEqual(res.json(), [message], `PUT ${JSON.stringify(body)}`);
    }
    assert.deepEqual((await call('PUT', `/moh/${created.uuid}`, 'admin1', { mode: 'custom' })).json(), [
      'Input Error - custom mode must have an application',
    ]);
    assert.equal(await rowCount(database, 'moh'), before + 1);
    assert.deepEqual((await call('GET', `/moh/${created.uuid}`, 'admin1')).json(), created);
  });

  it('when edited, then the given fields change, the name never, and moh_edited', async () => {
    const created = await create();
    const from = await lastOutboxId(database);
    assert.equal((await call('PUT', `/moh/${created.uuid}`, 'admin1', {})).statusCode, 204);
    const parameters = { label: 'Foo', application: '/bin/rm -rf /', sort: 'random' };
    assert.equal((await call('PUT', `/moh/${created.uuid}`, 'admin1', parameters)).statusCode, 204);
    assert.deepEqual((await call('GET', `/moh/${created.uuid}`, 'admin1')).json(), {
      ...created,
      ...parameters,
    });
    assert.equal(
      (await call('PUT', `/moh/${created.uuid}`, 'admin1', { mode: 'custom', application: '/bin/false' }))
        .statusCode,
      204,
    );
    const sent = await sentSince(database, from);
    assert.deepEqual(
      sent.map((event) => [event.name, event.routing_key, event.data]),
      Array(3).fill([
        'moh_edited',
        'config.moh.edited',
        { uuid: created.uuid, tenant_uuid: tenant1, name: created.name },
      ]),
    );
  });

  it('when listed, then searched on label and name, filtered, sorted by label and paged', async () => {
    const visible = await create({ label: 'visible' });
    await create({ label: 'hidden' });
    const labels = async (query: string) =>
      (await call('GET', `/moh?${query}`, 'admin1')).json().items.map((m: Moh) => m.label);
    assert.deepEqual(await labels('search=visible'), ['visible']);
    assert.deepEqual(await labels('label=hidden'), ['hidden']);
    assert.deepEqual(await labels(`name=${visible.name}`), ['visible']);
    await create({ label: 'sort2' });
    await create({ label: 'sort1' });
    assert.deepEqual(await labels('search=sort'), ['sort1', 'sort2']);
    assert.deepEqual(await labels('search=sort&direction=desc'), ['sort2', 'sort1']);
    const page = (await call('GET', '/moh?search=sort&limit=1&offset=1', 'admin1')).json();
    assert.deepEqual([page.total, page.items.map((m: Moh) => m.label)], [2, ['sort2']]);
    assert.deepEqual((await call('GET', '/moh?order=mode', 'admin1')).json(), [
      "Input Error - order: column 'mode' was not found",
    ]);
  });

  it('when tenants list, read, edit and delete, then each sees its own, recurse adds the sub-tenants', async () => {
    const main = await create({ label: 'main' });
    const sub = await create({ label: 'sub' }, 'admin1', child1);
    assert.equal(sub.tenant_uuid, child1);
    const uuids = async (query: string, tenant?: string) =>
      (await call('GET', `/moh?${query}`, 'admin1', undefined, tenant)).json().items.map((m: Moh) => m.uuid);
    assert.ok((await uuids('')).includes(main.uuid) && !(await uuids('')).includes(sub.uuid));
    assert.deepEqual(await uuids('', child1), [sub.uuid]);
    assert.ok((await uuids('recurse=true')).includes(sub.uuid));
    const message = [`Resource Not Found - MOH was not found ('uuid': '${main.uuid}')`];
    assert.deepEqual((await call('GET', `/moh/${main.uuid}`, 'admin1', undefined, child1)).json(), message);
    assert.deepEqual((await call('PUT', `/moh/${main.uuid}`, 'admin2', {})).json(), message);
    assert.deepEqual((await call('DELETE', `/moh/${main.uuid}`, 'admin2')).json(), message);
    assert.deepEqual((await call('GET', '/moh/uuid-not-found', 'admin1')).json(), [
      "Resource Not Found - MOH was not found ('uuid': 'uuid-not-found')",
    ]);
    assert.equal((await call('PUT', `/moh/${sub.uuid}`, 'admin1', {})).statusCode, 204);
    const from = await lastOutboxId(database);
    assert.equal((await call('DELETE', `/moh/${sub.uuid}`, 'admin1')).statusCode, 204);
    const [event] = await sentSince(database, from);
    assert.deepEqual(
      [event?.name, event?.data, event?.headers.tenant_uuid],
      ['moh_deleted', { uuid: sub.uuid, tenant_uuid: child1, name: sub.name }, child1],
    );
    assert.equal((await call('GET', `/moh/${sub.uuid}`, 'admin1')).statusCode, 404);
  });

  it('when a file is uploaded, replaced, downloaded and deleted, then the class lists it and the bytes round-trip', async () => {
    const moh = await create();
    const url = `/moh/${moh.uuid}/files/foo.wav`;
    let res = await upload(url, wav());
    assert.equal(res.statusCode, 204, res.body);
    res = await download(url);
    assert.equal(res.statusCode, 200);
    assert.deepEqual(res.rawPayload, wav());
    assert.equal(res.headers['content-type'], 'application/octet-stream');
    assert.equal(res.headers['content-disposition'], 'attachment; filename=foo.wav');
    assert.deepEqual((await call('GET', `/moh/${moh.uuid}`, 'admin1')).json().files, [{ name: 'foo.wav' }]);
    assert.equal((await upload(url, wav({ rate: 16000, data: 'random content 2' }))).statusCode, 204);
    assert.deepEqual((await download(url)).rawPayload, wav({ rate: 16000, data: 'random content 2' }));
    assert.equal((await upload(`/moh/${moh.uuid}/files/bar.wav`, wav())).statusCode, 204);
    const listed = (await call('GET', '/moh?search=moh', 'admin1'))
      .json()
      .items.find((m: Moh) => m.uuid === moh.uuid);
    assert.deepEqual(listed.files, [{ name: 'bar.wav' }, { name: 'foo.wav' }]);
    res = await call('DELETE', url, 'admin1');
    assert.equal(res.statusCode, 204, res.body);
    assert.deepEqual((await call('GET', `/moh/${moh.uuid}`, 'admin1')).json().files, [{ name: 'bar.wav' }]);
    assert.deepEqual((await download(url)).json(), [
      `Resource Not Found - MOH file was not found ('uuid': '${moh.uuid}', 'filename': 'foo.wav')`,
    ]);
    assert.equal((await call('DELETE', url, 'admin1')).statusCode, 404);
  });

  it('when a file is not a WAV Asterisk plays in files mode, then Wazo refuses it and keeps the old one', async () => {
    const moh = await create();
    const url = `/moh/${moh.uuid}/files/foo.wav`;
    assert.equal((await upload(url, wav())).statusCode, 204);
    const cases: [Buffer, string][] = [
      [wav({ channels: 2 }), 'Audio file should be mono'],
      [wav({ bits: 32 }), 'Audio file should have bit depth of no more than 16 bits'],
      [wav({ rate: 44100 }), 'Audio file should have a sample rate of 8kHz or 16kHz'],
      [Buffer.from('not audio at all'), 'Not able to read audio file: "file does not start with RIFF id"'],
      [Buffer.from('RIFF\0\0\0\0WAVE'), 'Not able to read audio file: "fmt chunk and/or data chunk missing"'],
    ];
    for (const [payload, message] of cases) {
      const res = await upload(url, payload);
      assert.equal(res.statusCode, 400, message);
      assert.deepEqual(res.json(), [`Input Error - wav_file: ['${message}']`]);
    }
    assert.deepEqual((await download(url)).rawPayload, wav());
    const mp3 = await create({ mode: 'mp3' });
    assert.equal((await upload(`/moh/${mp3.uuid}/files/foo.mp3`, wav({ bits: 32 }))).statusCode, 204);
  });

  it('when a file name is not safe or the file too large, then it is refused and nothing is written', async () => {
    const moh = await create({ mode: 'mp3' });
    for (const name of ['.hidden', 'a%2Fb', 'a%5Cb', '%00']) {
      const res = await upload(`/moh/${moh.uuid}/files/${name}`, Buffer.from('x'));
      assert.equal(res.statusCode, 400, name);
      assert.deepEqual(res.json(), ["Input Error - filename: ['Invalid file name.']"]);
      assert.equal((await download(`/moh/${moh.uuid}/files/${name}`)).statusCode, 404, name);
      assert.equal((await call('DELETE', `/moh/${moh.uuid}/files/${name}`, 'admin1')).statusCode, 404, name);
    }
    // A bare `..` is resolved away by the URL itself: it names no file route.
    for (const name of ['..', '%2E%2E'])
      assert.equal((await upload(`/moh/${moh.uuid}/files/${name}`, Buffer.from('x'))).statusCode, 404);
    const big = Buffer.alloc(60 * 1024 * 1024, 1);
    const res = await upload(`/moh/${moh.uuid}/files/big.mp3`, big);
    assert.equal(res.statusCode, 413);
    assert.deepEqual((await call('GET', `/moh/${moh.uuid}`, 'admin1')).json().files, []);
  });

  it('when another tenant reaches a class files, then 404; deleting the class deletes its files', async () => {
    const moh = await create();
    const url = `/moh/${moh.uuid}/files/foo.wav`;
    const message = [`Resource Not Found - MOH was not found ('uuid': '${moh.uuid}')`];
    assert.deepEqual((await upload(url, wav(), 'admin2')).json(), message);
    assert.deepEqual((await upload(url, wav(), 'admin1', child1)).json(), message);
    assert.deepEqual((await download(url, 'admin2')).json(), message);
    assert.deepEqual((await call('DELETE', url, 'admin2')).json(), message);
    assert.equal((await upload(url, wav())).statusCode, 204);
    assert.equal((await call('DELETE', `/moh/${moh.uuid}`, 'admin1')).statusCode, 204);
    const again = await call('POST', '/moh', 'admin1', { label: 'again', mode: 'files' });
    assert.deepEqual(again.json().files, []);
  });

  it('when users, groups or destinations name a class, then it must exist in their tenant', async () => {
    const moh = await create();
    const foreign = await create({}, 'admin2');
    let res = await call('POST', '/users', 'admin1', { firstname: 'a', music_on_hold: moh.name });
    assert.equal(res.statusCode, 201, res.body);
    const user = res.json();
    res = await call('POST', '/users', 'admin1', { firstname: 'b', music_on_hold: foreign.name });
    assert.deepEqual(res.json(), [
      `Input Error - field 'music_on_hold': MOH was not found ('music_on_hold': '${foreign.name}')`,
    ]);
    res = await call('PUT', `/users/${user.uuid}`, 'admin1', { music_on_hold: 'default' });
    assert.equal(res.statusCode, 204, res.body);
    res = await call('POST', '/groups', 'admin1', { label: 'g', music_on_hold: moh.name });
    assert.equal(res.statusCode, 201, res.body);
    res = await call('POST', '/groups', 'admin1', { label: 'g', music_on_hold: 'jazz' });
    assert.deepEqual(res.json(), [
      "Input Error - field 'music_on_hold': MOH was not found ('music_on_hold': 'jazz')",
    ]);
    const destination = { type: 'user', user_id: user.id, moh_uuid: moh.uuid };
    res = await call('POST', '/ivr', 'admin1', {
      name: 'i',
      menu_sound: 'm',
      abort_destination: destination,
    });
    assert.equal(res.statusCode, 201, res.body);
    assert.equal(res.json().abort_destination.moh_uuid, moh.uuid);
    res = await call('POST', '/ivr', 'admin1', {
      name: 'i',
      menu_sound: 'm',
      invalid_destination: { ...destination, moh_uuid: foreign.uuid },
    });
    const refused = [`Input Error - field 'moh_uuid': MOH was not found ('moh_uuid': '${foreign.uuid}')`];
    assert.deepEqual(res.json(), refused);
    const fallbacks = `/users/${user.uuid}/fallbacks`;
    res = await call('PUT', fallbacks, 'admin1', { busy_destination: destination });
    assert.equal(res.statusCode, 204, res.body);
    res = await call('PUT', fallbacks, 'admin1', {
      busy_destination: { ...destination, moh_uuid: foreign.uuid },
    });
    assert.deepEqual(res.json(), refused);
    assert.equal((await call('GET', fallbacks, 'admin1')).json().busy_destination.moh_uuid, moh.uuid);
    res = await call('POST', '/schedules', 'admin1', { name: 's', closed_destination: destination });
    assert.equal(res.statusCode, 201, res.body);
    res = await call('POST', '/schedules', 'admin1', {
      name: 's',
      closed_destination: { ...destination, moh_uuid: foreign.uuid },
    });
    assert.deepEqual(res.json(), refused);
  });
});
