/**
 * wazo-confd on the real RabbitMQ (127.0.0.1:5672), both ways, as in a distributed stack: the
 * tenant wazo-auth creates reaches confd as `auth_tenant_added` over AMQP (confd mirrors it), and
 * each user change confd commits reaches a plain bus consumer with Wazo's envelope: tenant events
 * (`user_created|edited|deleted`, `user_uuid:*`) and user events (`users_services_dnd_updated`,
 * `user_uuid:<uuid>`), in commit order; a refused change sends nothing; a number a user blocks
 * with its own token reaches its sessions only, an external app its tenant. The exchange is a
 * throwaway one so parallel runs do not see each other's events.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { type AuthUnderTest, postToken, startAuth } from '@wazo-ts/auth/testing';
import {
  type BusConsumer,
  createAmqpTransport,
  createBusConsumer,
  externalAppCreated,
  type ReceivedEvent,
  userBlocklistNumberCreated,
  userCreated,
  userDeleted,
  userEdited,
  usersServicesDndUpdated,
} from '@wazo-ts/bus';
import { type ConfdUnderTest, startConfd } from '@wazo-ts/confd/testing';
import { call } from '@wazo-ts/daemon/testing';
import { Connection } from 'rabbitmq-client';

const AMQP_URI = process.env.WAZO_TEST_AMQP_URI ?? 'amqp://guest:guest@127.0.0.1:5672';

async function eventually<T>(what: string, probe: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const found = await probe();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error(`${what}: not within 15 s`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('wazo-confd events on RabbitMQ', { timeout: 120_000 }, () => {
  const exchange = `wazo-ts-test.confd.${randomBytes(4).toString('hex')}`;
  const bus = { transport: 'amqp', uri: AMQP_URI, exchange_name: exchange, exchange_type: 'headers' };
  const received: ReceivedEvent[] = [];
  let auth: AuthUnderTest;
  let confd: ConfdUnderTest;
  let consumer: BusConsumer;
  let transport: ReturnType<typeof createAmqpTransport>;
  let admin: string;
  let tenantUuid: string;

  before(async () => {
    auth = await startAuth({ config: { bus } });
    confd = await startConfd(auth, { config: { bus } });
    transport = createAmqpTransport({
      config: { uri: AMQP_URI, exchange_name: exchange },
      connectionName: exchange,
    });
    consumer = createBusConsumer({ transport, name: 'wazo-confd-events-test' });
    const keep = (e: unknown) => void received.push(e as ReceivedEvent);
    for (const event of [userCreated, userEdited, userDeleted]) await consumer.subscribe(event, keep);
    await consumer.subscribe(usersServicesDndUpdated, keep);
    await consumer.subscribe(userBlocklistNumberCreated, keep);
    await consumer.subscribe(externalAppCreated, keep);
    admin = await auth.tokenFor(['auth.tenants.#', 'confd.#']);
  });
  after(async () => {
    await consumer?.close();
    await transport?.close();
    await confd?.stop();
    await auth?.stop();
    const broker = new Connection({ url: AMQP_URI, connectionName: `${exchange} cleanup` });
    await broker.exchangeDelete({ exchange }).catch(() => undefined);
    await broker.close();
  });

  const confdCall = (method: string, path: string, body?: unknown) =>
    call(`${confd.api}${path}`, {
      method,
      headers: { 'x-auth-token': admin, 'wazo-tenant': tenantUuid },
      ...(body === undefined ? {} : { body }),
    });

  it('when wazo-auth creates a tenant, then confd mirrors it from auth_tenant_added over AMQP', async () => {
    const created = await call(`${auth.api}/tenants`, {
      method: 'POST',
      headers: { 'x-auth-token': admin },
      body: { name: 'amqp-tenant', slug: `amqp${randomBytes(3).toString('hex')}` },
    });
    assert.equal(created.status, 200, created.text);
    tenantUuid = created.json<{ uuid: string }>().uuid;
    const row = await eventually('the tenant in confd', async () => {
      const { rows } = await confd.database.pool.query('SELECT uuid FROM tenant WHERE uuid = $1', [
        tenantUuid,
      ]);
      return rows[0];
    });
    assert.equal(row.uuid, tenantUuid);
  });

  it('when users change through confd, then each committed change reaches the bus in order with its envelope', async () => {
    assert.ok(tenantUuid, 'the tenant of the previous test');
    const created = await confdCall('POST', '/users', { firstname: 'Ada' });
    assert.equal(created.status, 201, created.text);
    const user = created.json<{ id: number; uuid: string }>();
    assert.equal((await confdCall('POST', '/users', { firstname: 7 })).status, 400, 'refused: no event');
    assert.equal((await confdCall('PUT', `/users/${user.uuid}`, { lastname: 'Lovelace' })).status, 204);
    assert.equal((await confdCall('PUT', `/users/${user.uuid}/services/dnd`, { enabled: true })).status, 204);
    assert.equal((await confdCall('DELETE', `/users/${user.uuid}`)).status, 204);

    const mine = await eventually('four events', async () => {
      const events = received.filter(
        (e) =>
          (e.data as { uuid?: string; user_uuid?: string }).uuid === user.uuid ||
          (e.data as { user_uuid?: string }).user_uuid === user.uuid,
      );
      return events.length >= 4 ? events : undefined;
    });
    assert.deepEqual(
      mine.map((e) => [e.name, e.routingKey]),
      [
        ['user_created', 'config.user.created'],
        ['user_edited', 'config.user.edited'],
        ['users_services_dnd_updated', `config.users.${user.uuid}.services.dnd.updated`],
        ['user_deleted', 'config.user.deleted'],
      ],
    );
    for (const event of mine) {
      assert.equal(event.headers.tenant_uuid, tenantUuid, event.name);
      assert.equal(event.headers.required_acl, `events.${event.routingKey}`);
      for (const [key, value] of Object.entries(event.headers))
        assert.deepEqual(event.body[key], value, `body.${key}`);
    }
    const [first, , dnd] = mine as [ReceivedEvent, ReceivedEvent, ReceivedEvent, ReceivedEvent];
    assert.equal(first.headers['user_uuid:*'], true, 'a tenant event is for every user of the tenant');
    const { created_at: createdAt, ...data } = first.data as Record<string, unknown>;
    assert.deepEqual(data, { id: user.id, uuid: user.uuid, subscription_type: 0, tenant_uuid: tenantUuid });
    assert.match(String(createdAt), /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d/);
    assert.equal(dnd.headers[`user_uuid:${user.uuid}`], true, 'a user event is for that user');
    assert.equal(dnd.headers['user_uuid:*'], undefined);
    assert.deepEqual(dnd.data, {
      user_id: user.id,
      user_uuid: user.uuid,
      tenant_uuid: tenantUuid,
      enabled: true,
    });
  });
  it('when a user blocks a number with its own token, and an app is made, then their events reach the bus', async () => {
    assert.ok(tenantUuid, 'the tenant of the first test');
    const username = `amqp${randomBytes(3).toString('hex')}`;
    const password = `${username}-secret`;
    const created = await confdCall('POST', '/users', { firstname: 'Bea', auth: { username, password } });
    assert.equal(created.status, 201, created.text);
    const user = created.json<{ uuid: string }>();
    const own = (await postToken(auth.api, username, password)).token;
    const blocked = await call(`${confd.api}/users/me/blocklist/numbers`, {
      method: 'POST',
      headers: { 'x-auth-token': own },
      body: { number: '+15551112222', label: 'spam' },
    });
    assert.equal(blocked.status, 201, blocked.text);
    const number = blocked.json<{ uuid: string }>();
    assert.equal((await confdCall('POST', `/external/apps/amqp-${user.uuid}`, { label: 'x' })).status, 201);

    const blocklist = await eventually('the blocklist event', async () =>
      received.find(
        (e) =>
          e.name === 'user_blocklist_number_created' && (e.data as { uuid: string }).uuid === number.uuid,
      ),
    );
    assert.equal(blocklist.routingKey, `confd.users.${user.uuid}.blocklist.created`);
    assert.deepEqual(blocklist.data, { uuid: number.uuid, number: '+15551112222', label: 'spam' });
    assert.equal(blocklist.headers[`user_uuid:${user.uuid}`], true, "for the owner's sessions only");
    assert.equal(blocklist.headers['user_uuid:*'], undefined);
    assert.equal(blocklist.headers.tenant_uuid, tenantUuid);
    const app = await eventually('the external app event', async () =>
      received.find(
        (e) => e.name === 'external_app_created' && (e.data as { name: string }).name === `amqp-${user.uuid}`,
      ),
    );
    assert.equal(app.routingKey, 'config.external_apps.created');
    assert.deepEqual([app.headers.tenant_uuid, app.headers['user_uuid:*']], [tenantUuid, true]);
  });
});
