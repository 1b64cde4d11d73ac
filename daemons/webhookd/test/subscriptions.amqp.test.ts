/**
 * wazo-webhookd's subscriptions API as a client sees it, on a real migrated database and the real
 * RabbitMQ: Wazo's fields and validation, tenants (Wazo-Tenant, recurse, item routes through
 * sub-tenants, another tenant's never visible), a user's own routes, logs, and the
 * webhookd_subscription_* events each change publishes.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import {
  webhookdSubscriptionCreated,
  webhookdSubscriptionDeleted,
  webhookdSubscriptionUpdated,
  webhookdUserSubscriptionCreated,
  webhookdUserSubscriptionDeleted,
  webhookdUserSubscriptionUpdated,
} from '@wazo-ts/bus';
import { call, documentedOperations, undocumentedAnswers } from '@wazo-ts/daemon/testing';
import { startWebhookd, type WebhookdUnderTest } from '../src/testing/index.js';
import { type BusObserver, observeBus } from './bus-observer.js';

const PARENT = randomUUID();
const CHILD = randomUUID();
const OTHER = randomUUID();
const USER = randomUUID();

const httpBody = (overrides: Record<string, unknown> = {}) => ({
  name: 'my hook',
  service: 'http',
  events: ['user_created', 'call_created'],
  config: { url: 'https://example.com/{{ event_name }}', method: 'POST', body: '{{ event|tojson }}' },
  ...overrides,
});

describe('wazo-webhookd subscriptions API', { timeout: 180_000 }, () => {
  let webhookd: WebhookdUnderTest;
  let bus: BusObserver;
  let admin: string;
  let childAdmin: string;
  let otherAdmin: string;
  let user: string;

  before(async () => {
    webhookd = await startWebhookd();
    const { auth } = webhookd;
    auth.setTenants([{ uuid: PARENT }, { uuid: CHILD, parent_uuid: PARENT }, { uuid: OTHER }]);
    admin = auth.addToken({
      acl: ['webhookd.#'],
      metadata: { tenant_uuid: PARENT },
      subtenants: [CHILD],
    }).token;
    childAdmin = auth.addToken({ acl: ['webhookd.#'], metadata: { tenant_uuid: CHILD } }).token;
    otherAdmin = auth.addToken({ acl: ['webhookd.#'], metadata: { tenant_uuid: OTHER } }).token;
    user = auth.addToken({
      acl: ['webhookd.users.me.#'],
      metadata: { tenant_uuid: CHILD, uuid: USER, xivo_uuid: 'wazo-of-user' },
    }).token;
    bus = await observeBus(webhookd.bus, [
      webhookdSubscriptionCreated,
      webhookdSubscriptionUpdated,
      webhookdSubscriptionDeleted,
      webhookdUserSubscriptionCreated,
      webhookdUserSubscriptionUpdated,
      webhookdUserSubscriptionDeleted,
    ]);
  });
  after(async () => {
    await bus?.close();
    await webhookd?.stop();
  });

  const as = (token: string, tenant?: string) => (method: string, path: string, body?: unknown) =>
    call(`${webhookd.api}${path}`, {
      method,
      headers: { 'x-auth-token': token, ...(tenant ? { 'wazo-tenant': tenant } : {}) },
      ...(body === undefined ? {} : { body }),
    });
  const rowCount = async () =>
    Number((await webhookd.database.pool.query('SELECT count(*) AS n FROM webhookd_subscription')).rows[0].n);

  it('when an admin creates an http subscription, then 201 with Wazo fields, the method lowercased and the tenant its own', async () => {
    const response = await as(admin)(
      'POST',
      '/subscriptions',
      httpBody({ metadata: { team: 'a' }, tags: ['x'] }),
    );
    assert.equal(response.status, 201, response.text);
    const created = response.json<Record<string, unknown>>();
    assert.deepEqual(
      { ...created, uuid: undefined },
      {
        uuid: undefined,
        name: 'my hook',
        service: 'http',
        events: ['call_created', 'user_created'],
        config: {
          body: '{{ event|tojson }}',
          method: 'post',
          url: 'https://example.com/{{ event_name }}',
        },
        events_user_uuid: null,
        events_wazo_uuid: null,
        owner_user_uuid: null,
        owner_tenant_uuid: PARENT,
        metadata: { team: 'a' },
      },
    );
    const read = await as(admin)('GET', `/subscriptions/${created.uuid}`);
    assert.deepEqual(read.json(), created);
    const event = await bus.next(
      'webhookd_subscription_created',
      (e) => (e.data as { uuid: string }).uuid === created.uuid,
    );
    assert.deepEqual(event.data, created);
    assert.equal(event.headers.tenant_uuid, PARENT);
    assert.equal(event.headers['user_uuid:*'], true);
    assert.equal(event.routingKey, 'webhookd.subscription.created');
    assert.equal(event.headers.required_acl, 'events.webhookd.subscription.created');
  });

  it('when the body is invalid, then 400 invalid-data naming the field, and nothing is stored or published', async () => {
    const before = await rowCount();
    const published = bus.received.length;
    const cases: [Record<string, unknown>, string][] = [
      [httpBody({ name: 'x'.repeat(129) }), 'name'],
      [httpBody({ events: ['y'.repeat(129)] }), 'events.0'],
      [{ service: 'http', events: [], config: {} }, 'name'],
      [httpBody({ config: { method: 'post' } }), 'config'],
      [httpBody({ config: { url: 'http://x', method: 'patch' } }), 'config'],
      [httpBody({ config: { url: 'http://x', method: 'get', verify_certificate: 'maybe' } }), 'config'],
      [httpBody({ config: { url: 'u'.repeat(8193), method: 'get' } }), 'config'],
      [httpBody({ config: { url: 'http://x', method: 'get', body: 'b'.repeat(16385) } }), 'config'],
      [httpBody({ config: { url: 'http://x', method: 'get', content_type: 'c'.repeat(257) } }), 'config'],
      [httpBody({ service: 'other', config: { a: 1 } }), 'config'],
      [httpBody({ owner_user_uuid: 'z'.repeat(37) }), 'owner_user_uuid'],
      [httpBody({ metadata: { a: 1 } }), 'metadata.a'],
    ];
    for (const [body, field] of cases) {
      const response = await as(admin)('POST', '/subscriptions', body);
      assert.equal(response.status, 400, `${JSON.stringify(body).slice(0, 80)}: ${response.text}`);
      const error = response.json<{ error_id: string; details: Record<string, unknown> }>();
      assert.equal(error.error_id, 'invalid-data');
      assert.ok(field in error.details, `${field} in ${JSON.stringify(error.details)}`);
    }
    const verify = await as(admin)(
      'POST',
      '/subscriptions',
      httpBody({ config: { url: 'http://x', method: 'get', verify_certificate: 'maybe' } }),
    );
    const details = verify.json<{ details: { config: Record<string, { constraint_id: string }> } }>().details;
    assert.equal(details.config.verify_certificate?.constraint_id, 'verify-certificate-invalid');
    assert.equal(await rowCount(), before);
    assert.equal(bus.received.length, published);
  });

  it('when http config values are null or extra, then nulls are dropped and a CA path or "false" is kept', async () => {
    const response = await as(admin)(
      'POST',
      '/subscriptions',
      httpBody({
        config: { url: 'http://x', method: 'GET', body: null, verify_certificate: '/etc/ssl/ca.pem' },
      }),
    );
    assert.equal(response.status, 201, response.text);
    assert.deepEqual(response.json<{ config: unknown }>().config, {
      method: 'get',
      url: 'http://x',
      verify_certificate: '/etc/ssl/ca.pem',
    });
    const other = await as(admin)(
      'POST',
      '/subscriptions',
      httpBody({ service: 'custom', config: { k: 'v', gone: null } }),
    );
    assert.deepEqual(other.json<{ config: unknown }>().config, { k: 'v' });
  });

  it('when tenants list, then each sees its own; recurse and Wazo-Tenant reach sub-tenants; item routes go through sub-tenants only', async () => {
    const child = (await as(childAdmin)('POST', '/subscriptions', httpBody({ name: 'child hook' }))).json<{
      uuid: string;
      owner_tenant_uuid: string;
    }>();
    assert.equal(child.owner_tenant_uuid, CHILD);
    const other = (await as(otherAdmin)('POST', '/subscriptions', httpBody({ name: 'other hook' }))).json<{
      uuid: string;
    }>();
    const names = async (token: string, query = '', tenant?: string) =>
      (await as(token, tenant)('GET', `/subscriptions${query}`)).json<{
        items: { name: string }[];
        total: number;
      }>();
    const parentOnly = await names(admin);
    assert.ok(parentOnly.items.every((s) => s.name !== 'child hook' && s.name !== 'other hook'));
    assert.equal(parentOnly.total, parentOnly.items.length);
    const recursive = await names(admin, '?recurse=true');
    assert.ok(recursive.items.some((s) => s.name === 'child hook'));
    assert.ok(recursive.items.every((s) => s.name !== 'other hook'));
    assert.deepEqual(
      (await names(admin, '', CHILD)).items.map((s) => s.name),
      ['child hook'],
    );
    assert.equal((await as(admin)('GET', `/subscriptions/${child.uuid}`)).status, 200);
    const hidden = await as(childAdmin)('GET', `/subscriptions/${other.uuid}`);
    assert.equal(hidden.status, 404);
    assert.deepEqual(
      { ...hidden.json<Record<string, unknown>>(), timestamp: undefined },
      {
        message: `No such subscription: ${other.uuid}`,
        error_id: 'no-such-subscription',
        details: { subscription_uuid: other.uuid },
        timestamp: undefined,
      },
    );
    assert.equal((await as(otherAdmin)('DELETE', `/subscriptions/${child.uuid}`)).status, 404);
    assert.equal((await as(otherAdmin)('PUT', `/subscriptions/${child.uuid}`, httpBody())).status, 404);
    assert.equal((await as(otherAdmin)('GET', `/subscriptions/${child.uuid}/logs`)).status, 404);
    assert.equal((await as(admin)('GET', '/subscriptions/not-a-uuid')).status, 404);
  });

  it('when search_metadata is given, then every key:value pair must match and entries without ":" are ignored', async () => {
    await as(otherAdmin)('POST', '/subscriptions', httpBody({ name: 'm1', metadata: { a: '1', b: '2' } }));
    await as(otherAdmin)('POST', '/subscriptions', httpBody({ name: 'm2', metadata: { a: '1', b: '3' } }));
    const names = async (query: string) =>
      (await as(otherAdmin)('GET', `/subscriptions?${query}`))
        .json<{ items: { name: string }[] }>()
        .items.map((s) => s.name);
    assert.deepEqual(await names('search_metadata=a:1'), ['m1', 'm2']);
    assert.deepEqual(await names('search_metadata=a:1&search_metadata=b:3'), ['m2']);
    assert.deepEqual(await names('search_metadata=a:1&search_metadata=nocolon'), ['m1', 'm2']);
    assert.deepEqual(await names('search_metadata=a:2'), []);
  });

  it('when an admin replaces a subscription, then omitted fields become null, the tenant the caller’s, and an update event goes out', async () => {
    const created = (
      await as(admin)(
        'POST',
        '/subscriptions',
        httpBody({ events_user_uuid: USER, events_wazo_uuid: 'w', metadata: { k: 'v' } }),
      )
    ).json<{ uuid: string }>();
    const response = await as(admin, CHILD)(
      'PUT',
      `/subscriptions/${created.uuid}`,
      httpBody({ name: 'renamed', events: ['x'] }),
    );
    // The caller's tenant is CHILD here (Wazo-Tenant), which cannot see a PARENT subscription.
    assert.equal(response.status, 404);
    const replaced = await as(admin)(
      'PUT',
      `/subscriptions/${created.uuid}`,
      httpBody({ name: 'renamed', events: ['x'] }),
    );
    assert.equal(replaced.status, 200, replaced.text);
    const body = replaced.json<Record<string, unknown>>();
    assert.equal(body.name, 'renamed');
    assert.deepEqual(body.events, ['x']);
    assert.equal(body.events_user_uuid, null);
    assert.equal(body.events_wazo_uuid, null);
    assert.deepEqual(body.metadata, {});
    const event = await bus.next(
      'webhookd_subscription_updated',
      (e) => (e.data as { uuid: string }).uuid === created.uuid,
    );
    assert.deepEqual(event.data, body);
    const invalid = await as(admin)(
      'PUT',
      `/subscriptions/${created.uuid}`,
      httpBody({ config: { url: 'x' } }),
    );
    assert.equal(invalid.status, 400);
    assert.equal(
      (await as(admin)('GET', `/subscriptions/${created.uuid}`)).json<{ name: string }>().name,
      'renamed',
    );
  });

  it('when an admin deletes a subscription, then 204, it is gone and a deleted event carries it', async () => {
    const created = (await as(admin)('POST', '/subscriptions', httpBody({ name: 'to delete' }))).json<{
      uuid: string;
    }>();
    assert.equal((await as(admin)('DELETE', `/subscriptions/${created.uuid}`)).status, 204);
    assert.equal((await as(admin)('GET', `/subscriptions/${created.uuid}`)).status, 404);
    assert.equal((await as(admin)('DELETE', `/subscriptions/${created.uuid}`)).status, 404);
    const event = await bus.next(
      'webhookd_subscription_deleted',
      (e) => (e.data as { uuid: string }).uuid === created.uuid,
    );
    assert.equal((event.data as { name: string }).name, 'to delete');
  });

  it('when a user manages their own subscriptions, then owner, events user and Wazo come from the token, others are unseen, and user events go out', async () => {
    const me = as(user);
    const created = await me(
      'POST',
      '/users/me/subscriptions',
      httpBody({ owner_user_uuid: randomUUID(), events_user_uuid: 'x' }),
    );
    assert.equal(created.status, 201, created.text);
    const mine = created.json<Record<string, unknown> & { uuid: string }>();
    assert.equal(mine.owner_user_uuid, USER);
    assert.equal(mine.events_user_uuid, USER);
    assert.equal(mine.events_wazo_uuid, 'wazo-of-user');
    assert.equal(mine.owner_tenant_uuid, CHILD);
    const event = await bus.next(
      'webhookd_user_subscription_created',
      (e) => (e.data as { uuid: string }).uuid === mine.uuid,
    );
    assert.deepEqual(Object.keys(event.data as object).sort(), [
      'config',
      'events',
      'metadata',
      'name',
      'service',
      'uuid',
    ]);
    assert.equal(event.headers[`user_uuid:${USER}`], true);
    assert.equal(event.routingKey, `webhookd.users.${USER}.subscription.created`);

    const adminsOwn = (
      await as(childAdmin)('POST', '/subscriptions', httpBody({ name: 'admin owned' }))
    ).json<{ uuid: string }>();
    const listed = (await me('GET', '/users/me/subscriptions')).json<{
      items: { uuid: string }[];
      total: number;
    }>();
    assert.deepEqual(
      listed.items.map((s) => s.uuid),
      [mine.uuid],
    );
    assert.equal(listed.total, 1);
    assert.equal((await me('GET', `/users/me/subscriptions/${adminsOwn.uuid}`)).status, 404);
    assert.equal((await me('DELETE', `/users/me/subscriptions/${adminsOwn.uuid}`)).status, 404);
    assert.equal((await me('GET', `/subscriptions/${mine.uuid}`)).status, 401);

    const updated = await me(
      'PUT',
      `/users/me/subscriptions/${mine.uuid}`,
      httpBody({ name: 'mine renamed' }),
    );
    assert.equal(updated.status, 200, updated.text);
    assert.equal(updated.json<{ name: string }>().name, 'mine renamed');
    assert.equal(updated.json<{ events_wazo_uuid: string }>().events_wazo_uuid, 'wazo-of-user');
    await bus.next(
      'webhookd_user_subscription_updated',
      (e) => (e.data as { uuid: string }).uuid === mine.uuid,
    );
    assert.equal((await me('GET', `/users/me/subscriptions/${mine.uuid}/logs`)).status, 200);
    assert.equal((await me('DELETE', `/users/me/subscriptions/${mine.uuid}`)).status, 204);
    await bus.next(
      'webhookd_user_subscription_deleted',
      (e) => (e.data as { uuid: string }).uuid === mine.uuid,
    );
    assert.equal((await as(childAdmin)('GET', `/subscriptions/${adminsOwn.uuid}`)).status, 200);
  });

  it('when logs exist, then they come newest first by default, ordered, paged and filtered by from_date, total = items', async () => {
    const created = (await as(admin)('POST', '/subscriptions', httpBody({ name: 'logged' }))).json<{
      uuid: string;
    }>();
    const run = randomUUID();
    const insert = (attempts: number, status: string, startedAt: string) =>
      webhookd.database.pool.query(
        `INSERT INTO webhookd_subscription_log (uuid, subscription_uuid, status, started_at, ended_at, attempts, max_attempts, event, detail)
         VALUES ($1, $2, $3, $4, $4, $5, 10, $6, $7)`,
        [
          run,
          created.uuid,
          status,
          startedAt,
          attempts,
          JSON.stringify({ name: 'user_created', data: { id: 1 } }),
          JSON.stringify({ response_status_code: attempts === 3 ? 200 : 500 }),
        ],
      );
    await insert(1, 'failure', '2026-01-01T10:00:00Z');
    await insert(2, 'failure', '2026-01-01T10:00:01Z');
    await insert(3, 'success', '2026-01-01T10:00:03Z');
    const logs = async (query = '') =>
      (await as(admin)('GET', `/subscriptions/${created.uuid}/logs${query}`)).json<{
        items: {
          attempts: number;
          status: string;
          uuid: string;
          event: unknown;
          detail: unknown;
          started_at: string;
        }[];
        total: number;
      }>();
    const all = await logs();
    assert.deepEqual(
      all.items.map((l) => l.attempts),
      [3, 2, 1],
    );
    assert.equal(all.total, 3);
    assert.equal(all.items[0]?.uuid, run);
    assert.deepEqual(all.items[0]?.event, { name: 'user_created', data: { id: 1 } });
    assert.deepEqual(all.items[0]?.detail, { response_status_code: 200 });
    assert.equal(all.items[0]?.started_at, '2026-01-01T10:00:03.000Z');
    assert.deepEqual(
      (await logs('?direction=asc')).items.map((l) => l.attempts),
      [1, 2, 3],
    );
    assert.deepEqual(
      (await logs('?order=status&direction=asc')).items.map((l) => l.status),
      ['failure', 'failure', 'success'],
    );
    const page = await logs('?limit=1&offset=1');
    assert.deepEqual(
      page.items.map((l) => l.attempts),
      [2],
    );
    assert.equal(page.total, 1);
    assert.deepEqual(
      (await logs('?from_date=2026-01-01T10:00:01Z')).items.map((l) => l.attempts),
      [3, 2],
    );
    assert.equal((await as(admin)('GET', `/subscriptions/${created.uuid}/logs?order=nope`)).status, 400);
  });

  it('when services, config and status are read, then Wazo answers come back', async () => {
    const services = await as(admin)('GET', '/subscriptions/services');
    assert.deepEqual(services.json(), { services: { http: {}, mobile: {} } });
    const status = (await as(admin)('GET', '/status')).json<Record<string, { status: string }>>();
    assert.equal(status.database?.status, 'ok');
    assert.equal(status.master_tenant?.status, 'ok');
    const config = (await as(admin)('GET', '/config')).json<Record<string, unknown>>();
    assert.equal(config.hook_max_attempts, 10);
    assert.equal(config.hook_http_retry_countdown_factor, 2);
  });

  it('when the OpenAPI document is read, then it lists every subscription operation, each with its answer', async () => {
    const yaml = (await call(`${webhookd.api}/api/api.yml`)).text;
    assert.deepEqual(undocumentedAnswers(yaml), []);
    const operations = documentedOperations(yaml);
    for (const operation of [
      'GET /subscriptions',
      'POST /subscriptions',
      'GET /subscriptions/{subscription_uuid}',
      'PUT /subscriptions/{subscription_uuid}',
      'DELETE /subscriptions/{subscription_uuid}',
      'GET /subscriptions/{subscription_uuid}/logs',
      'GET /subscriptions/services',
      'GET /users/me/subscriptions',
      'POST /users/me/subscriptions',
      'GET /users/me/subscriptions/{subscription_uuid}',
      'PUT /users/me/subscriptions/{subscription_uuid}',
      'DELETE /users/me/subscriptions/{subscription_uuid}',
      'GET /users/me/subscriptions/{subscription_uuid}/logs',
    ])
      assert.ok(
        operations.includes(operation.replace(' /', ' /1.0/')),
        `${operation} in ${operations.join(', ')}`,
      );
  });

  it('when a token lacks the ACL, then 401 and nothing changes', async () => {
    const reader = webhookd.auth.addToken({
      acl: ['webhookd.subscriptions.read'],
      metadata: { tenant_uuid: PARENT },
    }).token;
    const before = await rowCount();
    assert.equal((await as(reader)('POST', '/subscriptions', httpBody())).status, 401);
    assert.equal(await rowCount(), before);
  });
});
