/**
 * What each session receives, as Wazo's test_bus: event-name subscriptions and `*`, the
 * `required_acl` check (absent: dropped; null: delivered; `me`, `!`), tenant and user scope
 * (users see their own and tenant-wide events of their tenant, admins their whole tenant, the
 * master tenant every tenant), the `origin_uuid` filter, and re-scoping by the `token` op.
 * Absence is proven with a sentinel event published after the forbidden one (one ordered stream).
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { type Frame, startedClient, type TestClient } from './support/client.js';
import { publishTestEvent, type TestEvent } from './support/events.js';
import { startStack, type TokenRequest, type WebsocketdStack } from './support/stack.js';

const nameOf = (f: Frame) => (f.op === 'event' ? (f.data as Frame).name : f.name) as string;

describe('websocketd delivery', () => {
  let stack: WebsocketdStack;
  let tenantA: string;
  let tenantB: string;
  const publish = (event: Omit<TestEvent, 'originUuid'> & { originUuid?: string }) =>
    publishTestEvent(stack.transport, { originUuid: stack.originUuid, ...event });
  /** Publishes the sentinel every session in `tenant` may see, and returns what came before it. */
  async function receivedBefore(client: TestClient, tenantUuid: string): Promise<string[]> {
    const sentinel = `sentinel_${randomUUID().slice(0, 8)}`;
    const waiting = client.until((f) => nameOf(f) === sentinel);
    await publish({ name: sentinel, requiredAcl: null, tenantUuid, users: ['*'] });
    return (await waiting).slice(0, -1).map(nameOf);
  }
  async function clientFor(request: TokenRequest, events = ['*']) {
    const { token, user } = await stack.login(request);
    return { client: await startedClient(`${stack.wsBase}/?token=${token}&version=2`, events), user };
  }

  before(async () => {
    stack = await startStack();
    tenantA = await stack.seeder.seedTenant(stack.auth.masterTenantUuid);
    tenantB = await stack.seeder.seedTenant(stack.auth.masterTenantUuid);
  });
  after(async () => stack?.stop());

  it('when a client subscribed to some names, then it gets those and not others; `*` gets all', async () => {
    const { client: some } = await clientFor({ acl: ['websocketd'], tenantUuid: tenantA }, [
      'wanted',
      'also_wanted',
    ]);
    const { client: all } = await clientFor({ acl: ['websocketd'], tenantUuid: tenantA });
    for (const name of ['wanted', 'unwanted', 'also_wanted'])
      await publish({ name, requiredAcl: null, tenantUuid: tenantA, users: ['*'] });
    const someGot = await some.until((f) => nameOf(f) === 'also_wanted');
    assert.deepEqual(someGot.map(nameOf), ['wanted', 'also_wanted']);
    assert.deepEqual(await receivedBefore(all, tenantA), ['wanted', 'unwanted', 'also_wanted']);
    await Promise.all([some.close(), all.close()]);
  });

  it('when events need an ACL, then only granted ones arrive: no header dropped, null passes, `!` denies', async () => {
    const { client } = await clientFor({
      acl: ['websocketd', 'events.calls.#', '!events.calls.secret'],
      tenantUuid: tenantA,
    });
    const events: [string, string | null | undefined][] = [
      ['no_header', undefined],
      ['null_acl', null],
      ['granted', 'events.calls.created'],
      ['not_granted', 'events.users.created'],
      ['denied', 'events.calls.secret'],
    ];
    for (const [name, requiredAcl] of events)
      await publish({ name, requiredAcl, tenantUuid: tenantA, users: ['*'] });
    assert.deepEqual(await receivedBefore(client, tenantA), ['null_acl', 'granted']);
    await client.close();
  });

  it('when the required ACL names the user, then `me` in the token grants it to that user only', async () => {
    const { client, user } = await clientFor({
      acl: ['websocketd', 'events.users.me.#'],
      tenantUuid: tenantA,
    });
    const other = randomUUID();
    await publish({
      name: 'mine',
      requiredAcl: `events.users.${user.uuid}.x`,
      tenantUuid: tenantA,
      users: ['*'],
    });
    await publish({
      name: 'theirs',
      requiredAcl: `events.users.${other}.x`,
      tenantUuid: tenantA,
      users: ['*'],
    });
    assert.deepEqual(await receivedBefore(client, tenantA), ['mine']);
    await client.close();
  });

  it('when a user of tenant A listens, then it gets its own and tenant-wide events of A, never B, never user Y', async () => {
    const { client, user } = await clientFor({ acl: ['websocketd', 'events.#'], tenantUuid: tenantA });
    const y = randomUUID();
    const acl = 'events.x';
    await publish({ name: 'own_event', requiredAcl: acl, tenantUuid: tenantA, users: [user.uuid] });
    await publish({ name: 'tenant_a_event', requiredAcl: acl, tenantUuid: tenantA, users: ['*'] });
    await publish({ name: 'user_y_event', requiredAcl: acl, tenantUuid: tenantA, users: [y] });
    await publish({ name: 'tenant_b_event', requiredAcl: acl, tenantUuid: tenantB, users: ['*'] });
    await publish({ name: 'own_uuid_in_b', requiredAcl: acl, tenantUuid: tenantB, users: [user.uuid] });
    await publish({ name: 'no_tenant', requiredAcl: acl, users: ['*'] });
    await publish({ name: 'unflagged', requiredAcl: acl, tenantUuid: tenantA });
    // wazo-auth's own event about this login (auth_session_created, for this user) may arrive
    // before or after the subscription, as for an admin below: not what this test is about.
    const received = (await receivedBefore(client, tenantA)).filter((name) => !name.startsWith('auth_'));
    assert.deepEqual(received, ['own_event', 'tenant_a_event']);
    await client.close();
  });

  for (const purpose of ['internal', 'external_api'] as const) {
    it(`when an admin (purpose ${purpose}) of tenant A listens, then it gets every event of A, none of B`, async () => {
      const { client } = await clientFor({ acl: ['websocketd', 'events.#'], tenantUuid: tenantA, purpose });
      await publish({
        name: 'user_y_event',
        requiredAcl: 'events.x',
        tenantUuid: tenantA,
        users: [randomUUID()],
      });
      await publish({ name: 'unflagged', requiredAcl: 'events.x', tenantUuid: tenantA });
      await publish({ name: 'tenant_b_event', requiredAcl: 'events.x', tenantUuid: tenantB, users: ['*'] });
      // wazo-auth's own events about this login (auth_session_created, tenant A) reach an admin of
      // A too, before or after its subscription: not what this test is about.
      const received = (await receivedBefore(client, tenantA)).filter((name) => !name.startsWith('auth_'));
      assert.deepEqual(received, ['user_y_event', 'unflagged']);
      await client.close();
    });
  }

  it('when a master tenant token listens, then it gets every tenant but only this Wazo (origin_uuid)', async () => {
    const { client } = await clientFor({ acl: ['websocketd', 'events.#'] });
    await publish({ name: 'in_a', requiredAcl: 'events.x', tenantUuid: tenantA, users: [randomUUID()] });
    await publish({ name: 'in_b', requiredAcl: 'events.x', tenantUuid: tenantB });
    await publish({ name: 'service_event', requiredAcl: 'events.x' });
    await publish({
      name: 'other_wazo',
      requiredAcl: 'events.x',
      tenantUuid: tenantA,
      originUuid: randomUUID(),
    });
    // wazo-auth's own events about this login (auth_session_created) reach a master token too,
    // whenever auth's outbox relay sends them: they are not what this test is about.
    const received = (await receivedBefore(client, tenantA)).filter((name) => !name.startsWith('auth_'));
    assert.deepEqual(received, ['in_a', 'in_b', 'service_event']);
    await client.close();
  });

  it('when a session renews with a token of another tenant and ACL, then it is re-scoped to them', async () => {
    const { client } = await clientFor({ acl: ['websocketd', 'events.a.#'], tenantUuid: tenantA });
    const renewal = await stack.login({ acl: ['websocketd', 'events.b.#'], tenantUuid: tenantB });
    client.send({ op: 'token', data: { token: renewal.token } });
    await client.next((f) => f.op === 'token');
    await publish({ name: 'a_event', requiredAcl: 'events.a.x', tenantUuid: tenantA, users: ['*'] });
    await publish({ name: 'b_wrong_acl', requiredAcl: 'events.a.x', tenantUuid: tenantB, users: ['*'] });
    await publish({ name: 'b_event', requiredAcl: 'events.b.x', tenantUuid: tenantB, users: ['*'] });
    assert.deepEqual(await receivedBefore(client, tenantB), ['b_event']);
    await client.close();
  });
});
