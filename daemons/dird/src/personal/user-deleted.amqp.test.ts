/**
 * `user_deleted` from wazo-confd over the real RabbitMQ (127.0.0.1:5672) removes the user's
 * personal contacts, and only that user's. The exchange is a throwaway one.
 */
import assert from 'node:assert/strict';
import { randomBytes, randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { createAmqpTransport, createBusPublisher, userDeleted } from '@wazo-ts/bus';
import {
  buildContactsTestApi,
  type ContactsTestApi,
  createDirdTestDatabase,
  type DirdTestDatabase,
} from '../contacts/test-app.js';
import { personalPlugin } from './personal.routes.js';
import { createPersonalService } from './personal.service.js';

const AMQP_URI = process.env.WAZO_TEST_AMQP_URI ?? 'amqp://guest:guest@127.0.0.1:5672';

describe('personal contacts of a deleted user', { timeout: 60_000 }, () => {
  const exchange = `wazo-ts-test.dird.${randomBytes(4).toString('hex')}`;
  let database: DirdTestDatabase;
  let api: ContactsTestApi;
  let transport: ReturnType<typeof createAmqpTransport>;

  before(async () => {
    database = await createDirdTestDatabase('wazo_dird_user_deleted');
    transport = createAmqpTransport({
      config: { uri: AMQP_URI, exchange_name: exchange },
      connectionName: exchange,
    });
    api = await buildContactsTestApi(database, [personalPlugin], transport);
    await api.start();
  });
  after(async () => {
    await api?.close();
    await transport?.close();
    await database?.drop();
  });

  it('when user_deleted arrives on the bus, then its personal contacts are deleted and others kept', async () => {
    const tenant = randomUUID();
    const gone = { uuid: randomUUID(), tenantUuid: tenant };
    const kept = { uuid: randomUUID(), tenantUuid: tenant };
    const personal = createPersonalService({ db: database.db });
    await personal.create(gone, { firstname: 'A' });
    await personal.create(gone, { firstname: 'B' });
    await personal.create(kept, { firstname: 'A' });

    const publisher = createBusPublisher({ transport, originUuid: 'confd' });
    const payload = {
      id: 42,
      uuid: gone.uuid,
      subscription_type: null,
      created_at: null,
      tenant_uuid: tenant,
    };
    await publisher.publish(userDeleted.build(payload, { tenantUuid: tenant }));

    const deadline = Date.now() + 15_000;
    while ((await personal.list(gone)).length > 0) {
      assert.ok(Date.now() < deadline, 'contacts still there 15 s after user_deleted');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    assert.deepEqual(
      (await personal.list(kept)).map((c) => c.firstname),
      ['A'],
    );
    const users = await database.db.selectFrom('dird_user').select('user_uuid').execute();
    assert.deepEqual(
      users.map((u) => u.user_uuid),
      [kept.uuid],
    );
  });
});
