/**
 * Lookups, reverse lookups, headers and favorites through dird's REST API on a real PostgreSQL,
 * with a real wazo-auth and the in-memory bus: a csv file source, csv_ws sources served by a
 * local HTTP server (one answering, one failing, one that never answers).
 */
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
  createBusConsumer,
  createBusPublisher,
  favoriteAdded,
  favoriteDeleted,
  type ReceivedEvent,
  userDeleted,
} from '@wazo-ts/bus';
import { contactsDao } from '../contacts/contacts.dao.js';
import { seedProfile, seedSource } from '../testing/directory-factories.js';
import { type LookupStack, startLookupStack } from '../testing/lookup-stack.js';

// biome-ignore lint/suspicious/noExplicitAny: JSON answers read field by field
type Json = any;

const CSV = [
  'id,firstname,lastname,number',
  '1,Alice,Élan,1001',
  '2,Bob,Martin,1002',
  '3,Alicia,Keys,1003',
].join('\n');

describe('directories lookup, reverse and favorites', () => {
  let stack: LookupStack;
  let dir: string;
  let web: Server;
  let webUrl: string;
  const hanging: ServerResponse[] = [];
  let user: { token: string; userUuid: string };
  let csv: { uuid: string; name: string };

  const get = async (path: string, token = user.token) => {
    const res = await fetch(`${stack.api}${path}`, { headers: { 'X-Auth-Token': token } });
    return { status: res.status, body: (res.status === 204 ? null : await res.json()) as Json };
  };
  const send = async (method: string, path: string) => {
    const res = await fetch(`${stack.api}${path}`, { method, headers: { 'X-Auth-Token': user.token } });
    return { status: res.status, body: (res.status === 204 ? null : await res.json()) as Json };
  };

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'dird-lookup-'));
    await writeFile(join(dir, 'contacts.csv'), CSV);
    web = createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://x');
      if (url.pathname === '/hang') return void hanging.push(res);
      if (url.pathname === '/fail') return void res.writeHead(500).end('no');
      const term = (url.searchParams.get('name') ?? url.searchParams.get('phone') ?? '').toLowerCase();
      const rows = [
        ['ws-1', 'Alison Web', '2001'],
        ['ws-2', 'Zed Web', '2002'],
      ];
      const found = rows.filter(([, name, phone]) => name?.toLowerCase().includes(term) || phone === term);
      res
        .writeHead(200, { 'content-type': 'text/csv' })
        .end(['key;name;phone', ...found.map((r) => r.join(';'))].join('\n'));
    });
    web.listen(0, '127.0.0.1');
    await once(web, 'listening');
    webUrl = `http://127.0.0.1:${(web.address() as AddressInfo).port}`;
    stack = await startLookupStack();
    user = await stack.userToken(['dird.#']);
    const tenantUuid = stack.tenantUuid;
    csv = await seedSource(stack.db, {
      tenantUuid,
      backend: 'csv',
      name: 'office',
      searched: ['firstname', 'lastname'],
      firstMatched: ['number'],
      format: { name: '{firstname} {lastname}', reverse: '{firstname}', tag: '{missing}' },
      extern: { file: join(dir, 'contacts.csv'), unique_column: 'id' },
    });
    const ws = await seedSource(stack.db, {
      tenantUuid,
      backend: 'csv_ws',
      name: 'web',
      searched: ['name'],
      firstMatched: ['phone'],
      format: { reverse: '{name}' },
      extern: {
        lookup_url: `${webUrl}/lookup`,
        list_url: `${webUrl}/lookup`,
        delimiter: ';',
        unique_column: 'key',
      },
    });
    const slow = await seedSource(stack.db, {
      tenantUuid,
      backend: 'csv_ws',
      name: 'slow',
      searched: ['name'],
      firstMatched: ['phone'],
      extern: { lookup_url: `${webUrl}/hang` },
    });
    const broken = await seedSource(stack.db, {
      tenantUuid,
      backend: 'csv_ws',
      name: 'broken',
      searched: ['name'],
      extern: { lookup_url: `${webUrl}/fail` },
    });
    const columns = [
      { title: 'Nom', type: 'name', field: 'name' },
      { title: 'Numéro', type: 'number', field: 'number', default: 'none' },
      { title: 'Favori', type: 'favorite', field: 'favorite' },
      { title: 'Perso', type: 'personal', field: 'personal' },
    ];
    await seedProfile(stack.db, {
      tenantUuid,
      name: 'main',
      columns,
      services: {
        lookup: { sources: [csv.uuid, ws.uuid, slow.uuid, broken.uuid], timeout: 0.5 },
        reverse: { sources: [slow.uuid, ws.uuid, csv.uuid], timeout: 0.5 },
        favorites: { sources: [csv.uuid, ws.uuid] },
      },
    });
    const google = await seedSource(stack.db, {
      tenantUuid,
      backend: 'google',
      name: 'google',
      searched: ['name'],
      extern: { auth: {} },
    });
    const office = await seedSource(stack.db, {
      tenantUuid,
      backend: 'office365',
      name: 'office365',
      searched: ['displayName'],
      extern: { auth: {} },
    });
    await seedProfile(stack.db, {
      tenantUuid,
      name: 'external',
      columns,
      services: { lookup: { sources: [google.uuid, office.uuid, csv.uuid] } },
    });
    await seedProfile(stack.db, {
      tenantUuid,
      name: 'lookup-only',
      columns,
      services: { lookup: { sources: [csv.uuid] } },
    });
  });

  after(async () => {
    for (const res of hanging) res.destroy();
    web?.close();
    await stack?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('when a term is searched, then every answering source is in, formatted and laid out by the display, within the hanging source timeout', async () => {
    const started = Date.now();
    const { status, body } = await get('/directories/lookup/main?term=ali');
    const elapsed = Date.now() - started;
    assert.equal(status, 200);
    assert.ok(elapsed < 2000, `answered in ${elapsed} ms despite the hanging source`);
    assert.equal(body.term, 'ali');
    assert.deepEqual(body.column_headers, ['Nom', 'Numéro', 'Favori', 'Perso']);
    assert.deepEqual(body.column_types, ['name', 'number', 'favorite', 'personal']);
    const rows = body.results.map((r: { column_values: unknown[]; source: string; backend: string }) => [
      r.source,
      r.backend,
      ...r.column_values,
    ]);
    assert.deepEqual(rows, [
      ['office', 'csv', 'Alice Élan', '1001', false, false],
      ['office', 'csv', 'Alicia Keys', '1003', false, false],
      ['web', 'csv_ws', 'Alison Web', 'none', false, false],
    ]);
    assert.deepEqual(body.results[0].relations, {
      xivo_id: null,
      agent_id: null,
      user_id: null,
      user_uuid: null,
      endpoint_id: null,
      source_entry_id: '1',
    });
  });

  it('when the term has accents or capitals, then it matches without them', async () => {
    const { body } = await get('/directories/lookup/lookup-only?term=ELAN');
    assert.deepEqual(
      body.results.map((r: { column_values: unknown[] }) => r.column_values[0]),
      ['Alice Élan'],
    );
  });

  it("when Google and Microsoft cannot give the user's contacts, then they answer nothing and the others answer", async () => {
    const { status, body } = await get('/directories/lookup/external?term=bob');
    assert.equal(status, 200);
    assert.deepEqual(
      body.results.map((r: Json) => [r.source, r.column_values[0]]),
      [['office', 'Bob Martin']],
    );
  });

  it('when the profile does not exist, then 404 in the legacy shape', async () => {
    const { status, body } = await get('/directories/lookup/nope?term=a');
    assert.equal(status, 404);
    assert.equal(body.status_code, 404);
    assert.match(body.reason[0], /nope/);
    assert.equal(typeof body.timestamp[0], 'number');
  });

  it('when the headers are asked, then the display titles and types', async () => {
    const { status, body } = await get('/directories/lookup/main/headers');
    assert.equal(status, 200);
    assert.deepEqual(body, {
      column_headers: ['Nom', 'Numéro', 'Favori', 'Perso'],
      column_types: ['name', 'number', 'favorite', 'personal'],
    });
  });

  it('when a number is reversed, then the first source answering wins despite the hanging one', async () => {
    const { status, body } = await get(`/directories/reverse/main/${user.userUuid}?exten=1002`);
    assert.equal(status, 200);
    assert.equal(body.display, 'Bob');
    assert.equal(body.source, 'office');
    assert.equal(body.exten, '1002');
    assert.equal(body.fields.lastname, 'Martin');
    const web = await get(`/directories/reverse/main/${user.userUuid}?exten=2002`);
    assert.deepEqual([web.body.display, web.body.source], ['Zed Web', 'web']);
  });

  it('when no source knows the number, then 200 with nulls', async () => {
    const { status, body } = await get(`/directories/reverse/main/${user.userUuid}?exten=999`);
    assert.equal(status, 200);
    assert.deepEqual(body, { display: null, exten: '999', fields: {}, source: null });
  });

  it('when a favorite is marked, listed and unmarked, then 204/409/404 as Wazo, with the events to the user', async () => {
    const consumer = createBusConsumer({ transport: stack.transport, name: 'favorites-test' });
    const seen: ReceivedEvent[] = [];
    const both = new Promise<void>((resolve) => {
      const record = async (event: ReceivedEvent) => {
        seen.push(event);
        if (seen.length === 2) resolve();
      };
      void consumer.subscribe(favoriteAdded, (event) => record(event));
      void consumer.subscribe(favoriteDeleted, (event) => record(event));
    });
    assert.equal((await send('PUT', '/directories/favorites/office/3')).status, 204);
    const twice = await send('PUT', '/directories/favorites/office/3');
    assert.equal(twice.status, 409);
    assert.equal(twice.body.status_code, 409);
    assert.equal((await send('PUT', '/directories/favorites/nosuch/3')).status, 404);
    assert.equal((await send('PUT', '/directories/favorites/web/ws-2')).status, 204);

    const listed = await get('/directories/favorites/main');
    assert.equal(listed.status, 200);
    assert.deepEqual(
      listed.body.results.map((r: { column_values: unknown[] }) => r.column_values),
      [
        ['Alicia Keys', '1003', true, false],
        ['Zed Web', 'none', true, false],
      ],
    );
    const found = await get('/directories/lookup/main?term=alicia');
    assert.deepEqual(found.body.results[0].column_values, ['Alicia Keys', '1003', true, false]);
    assert.equal((await get('/directories/favorites/lookup-only')).status, 404);

    assert.equal((await send('DELETE', '/directories/favorites/web/ws-2')).status, 204);
    assert.equal((await send('DELETE', '/directories/favorites/web/ws-2')).status, 404);
    await both;
    await consumer.close();
    const added = seen.find((event) => event.name === 'favorite_added');
    assert.ok(added);
    assert.deepEqual(added.data, {
      xivo_uuid: stack.dird.config.uuid,
      user_uuid: user.userUuid,
      source: 'office',
      source_entry_id: '3',
    });
    assert.equal(added.routingKey, `directory.${user.userUuid}.favorite.created`);
  });

  it("when confd says the user is deleted, then the user's favorites go", async () => {
    const other = await stack.userToken(['dird.#']);
    const res = await fetch(`${stack.api}/directories/favorites/office/1`, {
      method: 'PUT',
      headers: { 'X-Auth-Token': other.token },
    });
    assert.equal(res.status, 204);
    const count = async () =>
      (
        await stack.db
          .selectFrom('dird_favorite')
          .select('contact_id')
          .where('user_uuid', '=', other.userUuid)
          .execute()
      ).length;
    assert.equal(await count(), 1);
    const publisher = createBusPublisher({
      transport: stack.transport,
      originUuid: String(stack.dird.config.uuid),
    });
    await publisher.publish(
      userDeleted.build(
        {
          id: 1,
          uuid: other.userUuid,
          tenant_uuid: stack.tenantUuid,
          subscription_type: 0,
          created_at: null,
        },
        { tenantUuid: stack.tenantUuid },
      ),
    );
    for (let attempt = 0; attempt < 100 && (await count()) > 0; attempt += 1)
      await new Promise((r) => setTimeout(r, 20));
    assert.equal(await count(), 0);
    assert.equal(
      (await get('/directories/favorites/main')).body.results.length,
      1,
      "another user's favorites stay",
    );
  });

  it("when a profile's sources are listed, then each once with its backend, filtered by backend", async () => {
    const { status, body } = await get('/directories/main/sources?backend=csv_ws');
    assert.equal(status, 200);
    assert.equal(body.total, 4);
    assert.deepEqual(
      body.items.map((s: { name: string }) => s.name),
      ['broken', 'slow', 'web'],
    );
  });

  it("when the user's personal contacts are asked through a profile, then each of the user's own, laid out and marked personal", async () => {
    const personal = await seedSource(stack.db, {
      tenantUuid: stack.tenantUuid,
      backend: 'personal',
      name: 'my-contacts',
      searched: ['name'],
      format: { name: '{firstname} {lastname}' },
    });
    await seedProfile(stack.db, {
      tenantUuid: stack.tenantUuid,
      name: 'mine',
      columns: [
        { title: 'Nom', type: 'name', field: 'name' },
        { title: 'Numéro', type: 'number', field: 'number' },
        { title: 'Perso', type: 'personal', field: 'personal' },
      ],
      services: { lookup: { sources: [personal.uuid] } },
    });
    assert.deepEqual((await get('/directories/personal/mine')).body.results, [], 'none yet');
    const stranger = crypto.randomUUID();
    await stack.db
      .insertInto('dird_user')
      .values([
        { user_uuid: user.userUuid, tenant_uuid: stack.tenantUuid },
        { user_uuid: stranger, tenant_uuid: stack.tenantUuid },
      ])
      .onConflict((oc) => oc.doNothing())
      .execute();
    await contactsDao.insertOne(
      stack.db,
      { userUuid: user.userUuid },
      { firstname: 'Zoé', lastname: 'Roy', number: '555' },
    );
    await contactsDao.insertOne(
      stack.db,
      { userUuid: user.userUuid },
      { firstname: 'Yann', lastname: 'Le Gall' },
    );
    await contactsDao.insertOne(stack.db, { userUuid: stranger }, { firstname: 'Not', lastname: 'Mine' });

    const { status, body } = await get('/directories/personal/mine');
    assert.equal(status, 200);
    assert.deepEqual(body.column_types, ['name', 'number', 'personal']);
    assert.deepEqual(body.results.map((r: Json) => r.column_values).sort(), [
      ['Yann Le Gall', null, true],
      ['Zoé Roy', '555', true],
    ]);
    assert.ok(body.results.every((r: Json) => r.source === 'my-contacts' && r.backend === 'personal'));
    const missing = await get('/directories/personal/nosuch');
    assert.equal(missing.status, 404);
    assert.equal(missing.body.status_code, 404);
  });
});
