/**
 * wazo-confd's test_parking_lots and test_parking_lot_extension checklists on a real
 * PostgreSQL: required slots, Wazo's defaults (45 s, `default` music), field and range errors,
 * search (also by exten and context), tenants; the extension's rules (no pattern, internal
 * context, one each way) and the slots kept clear of the context's extensions and other lots;
 * extensions refused inside a lot's slots; parking and park position function keys.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { createMigratedTestDatabase, type MigratedTestDatabase } from '@wazo-ts/dao/testing';
import { answerLinksPlugin } from '../common/answer-links.js';
import { contextsPlugin } from '../contexts/index.js';
import { extensionsPlugin } from '../extensions/index.js';
import { userFuncKeysPlugin } from '../funckeys/index.js';
import { caller, lastOutboxId, outboxNames, rowCount, sentSince } from '../testing/route-calls.js';
import { buildTestApi, type TestApi } from '../testing/test-app.js';
import { usersPlugin } from '../users/index.js';
import { parkingLotExtensionsPlugin, parkingLotsPlugin } from './parking-lots.routes.js';

let database: MigratedTestDatabase;
let api: TestApi;
let call: ReturnType<typeof caller>;
const tenant1 = randomUUID();
const child1 = randomUUID();
const tenant2 = randomUUID();
let ctx: string;
let incallCtx: string;

before(async () => {
  database = await createMigratedTestDatabase({ prefix: 'wazo_confd_parking_lots' });
  api = await buildTestApi(database, [
    answerLinksPlugin,
    parkingLotsPlugin,
    parkingLotExtensionsPlugin,
    contextsPlugin,
    extensionsPlugin,
    usersPlugin,
    userFuncKeysPlugin,
  ]);
  call = caller(api);
  api.addSubtenant(tenant1, child1);
  api.verifier.add({ token: 'admin1', acl: ['confd.#'], metadata: { tenant_uuid: tenant1 } });
  api.verifier.add({ token: 'admin2', acl: ['confd.#'], metadata: { tenant_uuid: tenant2 } });
  for (const tenant of [tenant1, child1, tenant2]) await api.resources.services.tenants.ensure(tenant);
  ctx = (await call('POST', '/contexts', 'admin1', { label: 'internal' })).json().name;
  incallCtx = (await call('POST', '/contexts', 'admin1', { label: 'in', type: 'incall' })).json().name;
});
after(async () => {
  await api?.app.close();
  await database?.drop();
});

const create = async (body: object = {}, token = 'admin1', tenant?: string) => {
  const res = await call(
    'POST',
    '/parkinglots',
    token,
    { slots_start: '701', slots_end: '750', ...body },
    tenant,
  );
  assert.equal(res.statusCode, 201, res.body);
  return res.json();
};
const extension = async (exten: string, context = ctx) => {
  const res = await call('POST', '/extensions', 'admin1', { exten, context });
  assert.equal(res.statusCode, 201, res.body);
  return res.json().id as number;
};
const read = async (id: number) => (await call('GET', `/parkinglots/${id}`, 'admin1')).json();
const link = (lot: number, ext: number) => `/parkinglots/${lot}/extensions/${ext}`;

describe('parking lots', () => {
  it('when created with the slots only, then Wazo defaults, a Location and parking_lot_created', async () => {
    const from = await lastOutboxId(database);
    const res = await call('POST', '/parkinglots', 'admin1', { slots_start: '701', slots_end: '750' });
    assert.equal(res.statusCode, 201, res.body);
    const created = res.json();
    assert.deepEqual(created, {
      id: created.id,
      tenant_uuid: tenant1,
      name: null,
      slots_start: '701',
      slots_end: '750',
      timeout: 45,
      music_on_hold: 'default',
      extensions: [],
      links: [{ rel: 'parkinglots', href: `http://localhost:80/1.1/parkinglots/${created.id}` }],
    });
    assert.equal(res.headers.location, `http://localhost:80/1.1/parkinglots/${created.id}`);
    const [event] = await sentSince(database, from);
    assert.deepEqual(
      [event?.name, event?.routing_key, event?.data, event?.headers.tenant_uuid],
      ['parking_lot_created', 'config.parkinglots.created', { id: created.id }, tenant1],
    );
    const all = { name: 'Parking', slots_start: '801', slots_end: '850', timeout: null, music_on_hold: null };
    assert.deepEqual(
      { ...(await create(all)), id: 0, links: [] },
      { ...all, id: 0, links: [], tenant_uuid: tenant1, extensions: [] },
    );
    const edit = await call('PUT', `/parkinglots/${created.id}`, 'admin1', { name: 'edited', timeout: 0 });
    assert.equal(edit.statusCode, 204);
    assert.deepEqual(
      [(await read(created.id)).name, (await read(created.id)).timeout, (await read(created.id)).slots_end],
      ['edited', 0, '750'],
    );
  });

  it("when a field is wrong, then Wazo's words and nothing is written", async () => {
    const before = await rowCount(database, 'parking_lot');
    const cases: [object, string][] = [
      [{ slots_start: undefined }, "Input Error - slots_start: ['Missing data for required field.']"],
      [{ name: true }, "Input Error - name: ['Not a valid string.']"],
      [{ name: 'x'.repeat(129) }, "Input Error - name: ['Longer than maximum length 128.']"],
      [{ slots_start: 'invalid' }, "Input Error - slots_start: ['Invalid input.']"],
      [{ slots_start: '-1' }, "Input Error - slots_start: ['Invalid input.']"],
      [{ slots_end: null }, "Input Error - slots_end: ['Field may not be null.']"],
      [{ slots_end: true }, "Input Error - slots_end: ['Not a valid string.']"],
      [{ timeout: 'string' }, "Input Error - timeout: ['Not a valid integer.']"],
      [{ timeout: -1 }, "Input Error - timeout: ['Must be greater than or equal to 0.']"],
      [{ music_on_hold: 1234 }, "Input Error - music_on_hold: ['Not a valid string.']"],
      [{ slots_start: '700', slots_end: '650' }, "Input Error - _schema: ['It is not a valid range']"],
    ];
    for (const [body, message] of cases) {
      const res = await call('POST', '/parkinglots', 'admin1', {
        slots_start: '701',
        slots_end: '750',
        ...body,
      });
      assert.deepEqual(res.json(), [message], JSON.stringify(body));
    }
    const lot = await create({ name: 'put errors' });
    const events = await outboxNames(database);
    for (const [body, message] of cases.slice(1)) {
      const res = await call('PUT', `/parkinglots/${lot.id}`, 'admin1', body);
      assert.deepEqual(res.json(), [message], `PUT ${JSON.stringify(body)}`);
    }
    assert.deepEqual((await call('PUT', `/parkinglots/${lot.id}`, 'admin1', { slots_start: '751' })).json(), [
      "Input Error - _schema: ['It is not a valid range']",
    ]);
    assert.equal((await call('POST', '/parkinglots', 'admin1')).statusCode, 400);
    assert.deepEqual(await outboxNames(database), events);
    assert.equal(await rowCount(database, 'parking_lot'), before + 1);
  });

  it('when listed, then searched on its fields, exten and context, sorted and paged; tenants apart', async () => {
    const lot = await create({ name: 'search', slots_start: '9701', slots_end: '9750' });
    await create({ name: 'hidden', slots_start: '9801', slots_end: '9850' });
    const exten = await extension('9700');
    assert.equal((await call('PUT', link(lot.id, exten), 'admin1')).statusCode, 204);
    const names = async (query: string) =>
      (await call('GET', `/parkinglots?${query}`, 'admin1'))
        .json()
        .items.map((i: { name: string }) => i.name);
    assert.deepEqual(await names('search=9701'), ['search']);
    assert.deepEqual(await names('slots_end=9850'), ['hidden']);
    assert.deepEqual(await names('exten=9700'), ['search']);
    assert.deepEqual(await names(`context=${ctx}`), ['search']);
    assert.deepEqual(await names('search=9700'), ['search']);
    assert.deepEqual(await names('search=9&order=name&direction=desc&limit=1'), ['search']);
    const page = (await call('GET', '/parkinglots?search=hidden&offset=1', 'admin1')).json();
    assert.deepEqual([page.total, page.items], [1, []]);
    const sub = await create({ name: 'sub' }, 'admin1', child1);
    const ids = async (query: string, token = 'admin1') =>
      (await call('GET', `/parkinglots?${query}`, token)).json().items.map((i: { id: number }) => i.id);
    assert.ok(!(await ids('')).includes(sub.id) && (await ids('recurse=true')).includes(sub.id));
    assert.deepEqual(await ids('', 'admin2'), []);
    const message = [`Resource Not Found - ParkingLot was not found ('id': ${lot.id})`];
    assert.deepEqual((await call('GET', `/parkinglots/${lot.id}`, 'admin2')).json(), message);
    assert.deepEqual((await call('PUT', `/parkinglots/${lot.id}`, 'admin2', {})).json(), message);
    assert.deepEqual((await call('DELETE', `/parkinglots/${lot.id}`, 'admin2')).json(), message);
    assert.equal((await call('PUT', `/parkinglots/${sub.id}`, 'admin1', {})).statusCode, 204);
    const from = await lastOutboxId(database);
    assert.equal((await call('DELETE', `/parkinglots/${lot.id}`, 'admin1')).statusCode, 204);
    assert.deepEqual(
      (await sentSince(database, from)).map((e) => [e.name, e.routing_key, e.data]),
      [['parking_lot_deleted', 'config.parkinglots.deleted', { id: lot.id }]],
    );
    assert.equal((await call('GET', `/extensions/${exten}`, 'admin1')).json().parking_lot, null, 'freed');
  });
});

describe('parking lot extensions', () => {
  it('when associated, then shown both sides with one event, held against deletion, and dissociated', async () => {
    const lot = await create({ name: 'lot', slots_start: '501', slots_end: '550' });
    const exten = await extension('500');
    const from = await lastOutboxId(database);
    assert.equal((await call('PUT', link(lot.id, exten), 'admin1')).statusCode, 204);
    assert.equal((await call('PUT', link(lot.id, exten), 'admin1')).statusCode, 204);
    assert.deepEqual(
      (await sentSince(database, from)).map((e) => [e.name, e.routing_key, e.data, e.headers.tenant_uuid]),
      [
        [
          'parking_lot_extension_associated',
          'config.parkinglots.extensions.updated',
          { parking_lot_id: lot.id, extension_id: exten },
          tenant1,
        ],
      ],
    );
    assert.deepEqual(
      (await read(lot.id)).extensions.map((e: { id: number; exten: string; context: string }) => [
        e.id,
        e.exten,
        e.context,
      ]),
      [[exten, '500', ctx]],
    );
    assert.deepEqual((await call('GET', `/extensions/${exten}`, 'admin1')).json().parking_lot, {
      id: lot.id,
      name: 'lot',
      links: [{ rel: 'parkinglots', href: `http://localhost:80/1.1/parkinglots/${lot.id}` }],
    });
    assert.deepEqual((await call('DELETE', `/extensions/${exten}`, 'admin1')).json(), [
      `Resource Error - Extension is associated with a parking_lot ('extension_id': ${exten}, 'associated_id': ${lot.id})`,
    ]);
    assert.deepEqual((await call('POST', '/extensions', 'admin1', { exten: '525', context: ctx })).json(), [
      `Resource Error - ParkingLot already exists ('id': ${lot.id}, 'slots_start': '501', 'slots_end': '550')`,
    ]);
    const back = await lastOutboxId(database);
    assert.equal((await call('DELETE', link(lot.id, exten), 'admin1')).statusCode, 204);
    assert.equal((await call('DELETE', link(lot.id, exten), 'admin1')).statusCode, 204);
    assert.deepEqual(
      (await sentSince(database, back)).map((e) => e.name),
      ['parking_lot_extension_dissociated'],
    );
    assert.deepEqual((await read(lot.id)).extensions, []);
    assert.equal(
      (await call('POST', '/extensions', 'admin1', { exten: '525', context: ctx })).statusCode,
      201,
    );
  });

  it("when the extension is a pattern, elsewhere or taken, or slots collide, then Wazo's refusals", async () => {
    const lot = await create({ name: 'main', slots_start: '601', slots_end: '650' });
    const other = await create({ name: 'other', slots_start: '701', slots_end: '750' });
    const [own, otherExt, pattern, incall, inside] = [
      await extension('600'),
      await extension('400'),
      await extension('_6XX'),
      await extension('600', incallCtx),
      await extension('1640'),
    ];
    const events = await outboxNames(database);
    const refused = async (lotId: number, ext: number) =>
      (await call('PUT', link(lotId, ext), 'admin1')).json()[0];
    assert.equal(await refused(lot.id, pattern), "Input Error - exten '_6XX' cannot be a pattern");
    assert.match(
      await refused(lot.id, incall),
      /^Resource Error - ContextType 'incall' cannot be associated/,
    );
    assert.deepEqual(await outboxNames(database), events);
    assert.equal((await call('PUT', link(other.id, otherExt), 'admin1')).statusCode, 204);
    assert.equal((await call('PUT', link(lot.id, own), 'admin1')).statusCode, 204);
    assert.equal(
      await refused(other.id, own),
      `Resource Error - ParkingLot is associated with a Extension ('parking_lot_id': ${other.id}, 'extension_id': ${otherExt})`,
    );
    const third = await create({ name: 'third', slots_start: '640', slots_end: '660' });
    assert.equal(
      await refused(third.id, own),
      `Resource Error - ParkingLot is associated with a Extension ('parking_lot_id': ${lot.id}, 'extension_id': ${own})`,
    );
    const free = await extension('590');
    assert.equal(
      await refused(third.id, free),
      `Resource Error - Extension is already used for a destination or parking slot ('exten': '640', 'context': '${ctx}', 'parking_lot_id': ${lot.id})`,
    );
    for (const [start, end] of [
      ['701', '750'],
      ['750', '850'],
      ['601', '701'],
      ['710', '711'],
      ['601', '850'],
    ]) {
      const res = await call('PUT', `/parkinglots/${lot.id}`, 'admin1', {
        slots_start: start,
        slots_end: end,
      });
      assert.match(res.json()[0], /^Resource Error - Extension is already used/, `${start}-${end}`);
    }
    const res = await call('PUT', `/parkinglots/${lot.id}`, 'admin1', {
      slots_start: '1601',
      slots_end: '1650',
    });
    assert.deepEqual(res.json(), [
      `Resource Error - Extension already exists ('id': ${inside}, 'exten': '1640', 'context': '${ctx}')`,
    ]);
    assert.equal(
      (await call('PUT', `/parkinglots/${lot.id}`, 'admin1', { slots_start: '601', slots_end: '650' }))
        .statusCode,
      204,
    );
    const sub = await create({ name: 'sub', slots_start: '601', slots_end: '650' }, 'admin1', child1);
    assert.match(
      await refused(sub.id, free),
      /^Resource Error - different tenants \('extension_tenant_uuid'/,
    );
  });
});

describe('parking function keys', () => {
  it('when a key parks or picks a position, then the lot must exist, have an extension, hold the position', async () => {
    const lot = await create({ name: 'keys', slots_start: '801', slots_end: '850' });
    const user = (await call('POST', '/users', 'admin1', { firstname: 'Ann' })).json();
    const key = `/users/${user.id}/funckeys/1`;
    const put = (destination: object) => call('PUT', key, 'admin1', { destination });
    assert.deepEqual((await put({ type: 'parking', parking_lot_id: lot.id })).json(), [
      `Resource Error - ParkingLot must be associated with a Extension ('parking_lot_id': ${lot.id})`,
    ]);
    assert.deepEqual((await put({ type: 'park_position', parking_lot_id: lot.id, position: 900 })).json(), [
      "Input Error - position: [{'constraint_id': 'range', 'constraint': {'min': 801, 'max': 850}, 'message': 'Must be greater than or equal to 801 and less than or equal to 850.'}]",
    ]);
    assert.deepEqual((await put({ type: 'parking', parking_lot_id: 999999 })).json(), [
      "Input Error - field 'parking_lot_id': ParkingLot was not found ('parking_lot_id': 999999)",
    ]);
    assert.equal(
      (await put({ type: 'park_position', parking_lot_id: lot.id, position: 801 })).statusCode,
      204,
    );
    assert.deepEqual((await call('GET', key, 'admin1')).json().destination, {
      type: 'park_position',
      parking_lot_id: lot.id,
      position: 801,
      parking_lot_name: 'keys',
      href: null,
    });
    const exten = await extension('800');
    await call('PUT', link(lot.id, exten), 'admin1');
    assert.equal(
      (
        await call('PUT', `/users/${user.id}/funckeys/2`, 'admin1', {
          destination: { type: 'parking', parking_lot_id: lot.id },
        })
      ).statusCode,
      204,
    );
    assert.equal((await call('DELETE', `/parkinglots/${lot.id}`, 'admin1')).statusCode, 204);
    assert.deepEqual((await call('GET', `/users/${user.id}/funckeys`, 'admin1')).json().keys, {});
  });
});
