/**
 * Tenants' directory defaults follow wazo-auth over a real RabbitMQ: a tenant created in a real
 * wazo-auth is provisioned with Wazo's sources, display and `default` profile; a message
 * delivered twice is handled once; `localization_edited` stores the country; a deleted tenant
 * loses its configuration.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import {
  authTenantAdded,
  type BusTransport,
  createAmqpTransport,
  createBusPublisher,
  localizationEdited,
} from '@wazo-ts/bus';
import { call, type DirdStack, eventually, startStack } from '../src/testing/index.js';

const amqpUri = process.env.WAZO_TEST_AMQP_URI ?? 'amqp://guest:guest@127.0.0.1:5672';

describe('provisioning over RabbitMQ', () => {
  let transport: BusTransport;
  let stack: DirdStack;
  const query = async (text: string, values: unknown[]) =>
    (await stack.database.pool.query(text, values)).rows;
  const sourceNames = async (tenant: string) =>
    (await query('SELECT name FROM dird_source WHERE tenant_uuid = $1 ORDER BY name', [tenant])).map(
      (r) => r.name as string,
    );

  before(async () => {
    transport = createAmqpTransport({
      config: { uri: amqpUri },
      connectionName: `wazo-dird-test ${randomUUID()}`,
    });
    stack = await startStack({ transport });
  });
  after(async () => {
    await stack?.stop();
    await transport?.close();
  });

  it('when wazo-auth creates a tenant, then its users find the default profile with Wazo’s sources and display', async () => {
    const tenant = await stack.createTenant('initech');
    const token = await stack.tokenFor(['dird.#'], tenant);
    await eventually(
      async () => (await call(stack, token, 'GET', '/profiles?name=default')).body?.filtered === 1,
    );
    assert.deepEqual(await sourceNames(tenant), [
      'auto_conference_initech',
      'auto_google_initech',
      'auto_office365_initech',
      'auto_wazo_initech',
      'personal',
    ]);
    const profile = (await call(stack, token, 'GET', '/profiles?name=default')).body.items[0];
    const displays = (await call(stack, token, 'GET', '/displays')).body;
    assert.deepEqual(
      displays.items.map((d: { name: string }) => d.name),
      ['auto_initech'],
    );
    assert.deepEqual(profile.display, { uuid: displays.items[0].uuid });
    const wazo = (await call(stack, token, 'GET', '/backends/wazo/sources')).body.items[0];
    assert.deepEqual(wazo.format_columns, {
      phone: '{exten}',
      name: '{firstname} {lastname}',
      reverse: '{firstname} {lastname}',
    });
    assert.deepEqual(wazo.searched_columns, ['firstname', 'lastname', 'full_name', 'exten']);
    assert.deepEqual(wazo.first_matched_columns, ['exten', 'mobile_phone_number']);
    assert.equal(wazo.auth.key_file, '/var/lib/wazo-auth-keys/wazo-dird-wazo-backend-key.yml');
    const personal = (await call(stack, token, 'GET', '/backends/personal/sources')).body.items[0];
    assert.deepEqual(personal.searched_columns, ['firstname', 'lastname', 'number', 'mobile', 'fax']);
    for (const service of ['lookup', 'favorites', 'reverse'])
      assert.equal(profile.services[service].sources.length, 5, service);
    assert.deepEqual(profile.services.reverse.options, { timeout: 0.5 });
    assert.deepEqual(profile.services.lookup.options, { timeout: null });
  });

  it('when the same tenant is announced again, then nothing is made twice', async () => {
    const tenant = await stack.createTenant('hooli');
    await eventually(async () => (await sourceNames(tenant)).length === 5);
    const publisher = createBusPublisher({ transport, originUuid: randomUUID() });
    const again = authTenantAdded.build(
      { uuid: tenant, name: 'hooli', slug: 'hooli' },
      { tenantUuid: tenant },
    );
    await publisher.publish(again, { messageId: randomUUID() });
    // A later event on the same queue shows the replay was handled before it.
    await publisher.publish(
      localizationEdited.build({ tenant_uuid: tenant, country: 'CA' }, { tenantUuid: tenant }),
    );
    await eventually(
      async () =>
        (await query('SELECT country FROM dird_tenant WHERE uuid = $1', [tenant]))[0]?.country === 'CA',
    );
    assert.equal((await sourceNames(tenant)).length, 5);
    assert.equal(
      (await query('SELECT count(*) FROM dird_profile WHERE tenant_uuid = $1', [tenant]))[0].count,
      '1',
    );
  });

  it('when wazo-auth deletes a tenant, then its sources, displays and profiles go', async () => {
    const tenant = await stack.createTenant('umbrella');
    await eventually(async () => (await sourceNames(tenant)).length === 5);
    await stack.deleteTenant(tenant);
    await eventually(async () => (await sourceNames(tenant)).length === 0);
    for (const table of ['dird_display', 'dird_profile'])
      assert.equal(
        (await query(`SELECT count(*) FROM ${table} WHERE tenant_uuid = $1`, [tenant]))[0].count,
        '0',
      );
  });
});
