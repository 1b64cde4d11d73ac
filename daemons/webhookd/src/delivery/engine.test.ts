/**
 * The delivery engine on the real PostgreSQL and RabbitMQ, sending to real local HTTP receivers:
 * order, retries and backoff, 410, failure isolation between subscriptions, the sandbox, denied
 * targets on every attempt, Wazo's filters, rebinding, and events kept while stopped.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { after, before, describe, it } from 'node:test';
import pino from 'pino';
import {
  type DeliveryTestBed,
  deliveryTestBed,
  type Receiver,
  startReceiver,
  testDeliveryConfig,
} from '../testing/delivery.js';
import type { DeliveryConfig } from './config.js';
import type { AttemptRecord, PendingDelivery } from './delivery.dao.js';
import { createDeliveryEngine, type DeliveryEngine } from './engine.js';
import type { PushNotification, PushResult, PushSender } from './mobile.js';
import type { ResolvedAddress } from './target-guard.js';

const logger = pino({ level: 'silent' });

interface Attempt {
  delivery: PendingDelivery;
  log: AttemptRecord;
}

describe('webhookd delivery engine (PostgreSQL, RabbitMQ, HTTP receivers)', () => {
  let bed: DeliveryTestBed;
  const beds: { bed: DeliveryTestBed; queues: string[] }[] = [];
  const engines: DeliveryEngine[] = [];
  const receivers: Receiver[] = [];
  const attempts = new EventEmitter();
  const dns = new Map<string, string[][]>();
  const tenant = randomUUID();
  const pushed: PushNotification[] = [];
  let pushAnswer: () => PushResult = () => ({ status: 'sent' });
  const pushSender: PushSender = {
    name: 'test',
    async send(notification) {
      pushed.push(notification);
      return pushAnswer();
    },
  };

  /** Test DNS: names map to a list of answers, one per lookup (the last one repeats). */
  async function resolver(hostname: string): Promise<ResolvedAddress[]> {
    const answers = dns.get(hostname);
    if (!answers) return [{ address: '127.0.0.1', family: 4 }];
    const answer = answers.length > 1 ? answers.shift()! : answers[0]!;
    return answer.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
  }

  /** A test bed of its own (database, exchange): one engine reads one database at a time. */
  async function newBed(): Promise<DeliveryTestBed> {
    const created = await deliveryTestBed();
    beds.push({ bed: created, queues: [] });
    return created;
  }

  async function engine(
    on: DeliveryTestBed,
    config: DeliveryConfig = testDeliveryConfig(),
  ): Promise<DeliveryEngine> {
    beds.find((b) => b.bed === on)!.queues.push(config.delivery.queue);
    const started = createDeliveryEngine({
      db: on.db,
      transport: on.transport,
      config,
      logger,
      masterTenant: on.masterTenant,
      resolver,
      onAttempt: (delivery, log) => attempts.emit('attempt', { delivery, log }),
      pushSender,
    });
    await started.start();
    engines.push(started);
    return started;
  }

  async function receiver(): Promise<Receiver> {
    const started = await startReceiver();
    receivers.push(started);
    return started;
  }

  /** Resolves with the attempts of a subscription once `done` says they are enough. */
  function attemptsOf(
    subscription: string,
    done: (seen: Attempt[]) => boolean,
    timeoutMs = 20_000,
  ): Promise<Attempt[]> {
    const seen: Attempt[] = [];
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        attempts.off('attempt', onAttempt);
        reject(new Error(`only ${seen.length} attempts: ${JSON.stringify(seen.map((a) => a.log.status))}`));
      }, timeoutMs);
      function onAttempt(attempt: Attempt) {
        if (attempt.delivery.subscription.uuid !== subscription) return;
        seen.push(attempt);
        if (!done(seen)) return;
        clearTimeout(timer);
        attempts.off('attempt', onAttempt);
        resolve(seen);
      }
      attempts.on('attempt', onAttempt);
    });
  }

  const http = (url: string, extra: Record<string, string> = {}) => ({ url, method: 'post', ...extra });
  const seqs = (r: Receiver) => r.requests.map((q) => JSON.parse(q.body).seq as number);

  before(async () => {
    bed = await newBed();
    await engine(bed, testDeliveryConfig({}, { hook_max_attempts: 3 }));
  });
  after(async () => {
    for (const e of engines) await e.stop();
    for (const r of receivers) await r.close();
    for (const b of beds) await b.bed.cleanup(b.queues);
  });

  it('when events are published, then each goes out once, in publication order, with its delivery id and Wazo body', async () => {
    const target = await receiver();
    const sub = await bed.addSubscription({
      events: ['order_test'],
      config: http(`${target.url}/hook/{{ event_name }}`),
      owner_tenant_uuid: tenant,
    });
    await engines[0]!.reconcile();
    const done = attemptsOf(sub, (seen) => seen.length >= 40);
    for (let seq = 0; seq < 40; seq += 1)
      await bed.publish('order_test', { seq, name: 'é' }, { tenant_uuid: tenant });
    await done;
    assert.deepEqual(seqs(target), [...Array(40).keys()]);
    const first = target.requests[0]!;
    assert.equal(first.url, '/hook/order_test');
    assert.equal(first.method, 'POST');
    assert.equal(first.headers['content-type'], 'application/json; charset=utf-8');
    assert.equal(first.body, '{"seq": 0, "name": "\\u00e9"}');
    const ids = target.requests.map((q) => q.headers['x-wazo-delivery-id']);
    assert.equal(new Set(ids).size, 40);
    assert.equal(first.headers['idempotency-key'], ids[0]);
    const logs = await bed.logs(sub);
    assert.equal(logs.length, 40);
    assert.ok(logs.every((l) => l.status === 'success' && l.attempts === 1));
    assert.equal(logs[0]!.uuid, ids[0]);
    assert.equal((logs[0]!.detail as { response_status_code: number }).response_status_code, 200);
  });

  it('when the receiver is down then back, then every callback arrives once per delivery id, in order', async () => {
    const target = await receiver();
    const port = target.port;
    await target.close();
    const own = await newBed();
    const sub = await own.addSubscription({
      events: ['down_test'],
      config: http(`http://127.0.0.1:${port}/`),
      owner_tenant_uuid: tenant,
    });
    const config = testDeliveryConfig(
      { retry_first_delay: 0.05 },
      { hook_http_retry_countdown_factor: 1.5, hook_max_attempts: 50 },
    );
    await engine(own, config);
    const failures = attemptsOf(sub, (seen) => seen.filter((a) => a.log.status === 'failure').length >= 3);
    for (let seq = 0; seq < 5; seq += 1) await own.publish('down_test', { seq }, { tenant_uuid: tenant });
    await failures;
    // Back up on the same port.
    const revived = await startReceiver(port);
    receivers.push(revived);
    await revived.waitFor(5);
    assert.deepEqual(seqs(revived), [0, 1, 2, 3, 4]);
    const ids = revived.requests.map((q) => q.headers['x-wazo-delivery-id']);
    assert.equal(new Set(ids).size, 5);
    const logs = await own.logs(sub);
    const firstLogs = logs.filter((l) => l.uuid === ids[0]);
    assert.ok(firstLogs.length >= 4, 'the first delivery was retried under the same id');
    assert.deepEqual(
      firstLogs.map((l) => l.attempts),
      firstLogs.map((_, i) => i + 1),
    );
    assert.equal(firstLogs.at(-1)!.status, 'success');
  });

  it('when one subscription has a slow receiver, then another subscription is not delayed', async () => {
    const slow = await receiver();
    const fast = await receiver();
    slow.answer = () => ({ status: 200, delayMs: 5_000 });
    const slowSub = await bed.addSubscription({
      events: ['slow_test'],
      config: http(slow.url),
      owner_tenant_uuid: tenant,
    });
    await bed.addSubscription({ events: ['slow_test'], config: http(fast.url), owner_tenant_uuid: tenant });
    await engines[0]!.reconcile();
    for (let seq = 0; seq < 10; seq += 1) await bed.publish('slow_test', { seq }, { tenant_uuid: tenant });
    await fast.waitFor(10);
    assert.deepEqual(seqs(fast), [...Array(10).keys()]);
    assert.equal(slow.requests.length, 0, 'the slow receiver has not answered its first callback yet');
    await attemptsOf(slowSub, (seen) => seen.length >= 1);
  });

  it('when the target answers 410, then the delivery stops at once and the next one goes', async () => {
    const target = await receiver();
    target.answer = (q) => ({ status: JSON.parse(q.body).seq === 0 ? 410 : 200 });
    const sub = await bed.addSubscription({
      events: ['gone_test'],
      config: http(target.url),
      owner_tenant_uuid: tenant,
    });
    await engines[0]!.reconcile();
    const done = attemptsOf(sub, (seen) => seen.length >= 2);
    await bed.publish('gone_test', { seq: 0 }, { tenant_uuid: tenant });
    await bed.publish('gone_test', { seq: 1 }, { tenant_uuid: tenant });
    await done;
    assert.deepEqual(seqs(target), [0, 1]);
    const logs = await bed.logs(sub);
    assert.deepEqual(
      logs.map((l) => [l.status, l.attempts]),
      [
        ['error', 1],
        ['success', 1],
      ],
    );
  });

  it('when the target keeps failing, then it is retried with the backoff up to the last attempt (error), and the next goes', async () => {
    const target = await receiver();
    target.answer = (q) => ({ status: JSON.parse(q.body).seq === 0 ? 503 : 200 });
    const sub = await bed.addSubscription({
      events: ['retry_test'],
      config: http(target.url),
      owner_tenant_uuid: tenant,
    });
    await engines[0]!.reconcile();
    const done = attemptsOf(sub, (seen) => seen.length >= 4);
    await bed.publish('retry_test', { seq: 0 }, { tenant_uuid: tenant });
    await bed.publish('retry_test', { seq: 1 }, { tenant_uuid: tenant });
    const seen = await done;
    assert.deepEqual(
      seen.map((a) => [a.log.status, a.log.attempts, a.log.maxAttempts]),
      [
        ['failure', 1, 3],
        ['failure', 2, 3],
        ['error', 3, 3],
        ['success', 1, 3],
      ],
    );
    // 10 ms then 20 ms (first delay 0.01 s, factor 2) between the attempts of the first delivery.
    const gap = (i: number) => seen[i + 1]!.log.startedAt.getTime() - seen[i]!.log.endedAt.getTime();
    assert.ok(gap(0) >= 10, `first wait ${gap(0)} ms`);
    assert.ok(gap(1) >= 20, `second wait ${gap(1)} ms`);
    assert.deepEqual(seqs(target), [0, 0, 0, 1]);
    const ids = target.requests.map((q) => q.headers['x-wazo-delivery-id']);
    assert.equal(new Set(ids.slice(0, 3)).size, 1, 'the same delivery id on every retry');
  });

  it('when a template loops or reaches outside its variables, then the delivery is an error, never retried nor sent', async () => {
    const target = await receiver();
    const loop =
      '{% for a in event.items %}{% for b in event.items %}{% for c in event.items %}{{ a }}{% endfor %}{% endfor %}{% endfor %}';
    const loopSub = await bed.addSubscription({
      events: ['sandbox_test'],
      config: http(target.url, { body: loop }),
      owner_tenant_uuid: tenant,
    });
    const escapeUrl = "{{ event.constructor.constructor('return process')() }}";
    const escapeSub = await bed.addSubscription({
      events: ['sandbox_test'],
      config: http(`${target.url}/${escapeUrl}`),
      owner_tenant_uuid: tenant,
    });
    await engines[0]!.reconcile();
    const loopDone = attemptsOf(loopSub, (seen) => seen.length >= 1);
    const escapeDone = attemptsOf(escapeSub, (seen) => seen.length >= 1);
    await bed.publish(
      'sandbox_test',
      { items: Array.from({ length: 100 }, (_, i) => i) },
      { tenant_uuid: tenant },
    );
    const [looped] = await loopDone;
    const [escaped] = await escapeDone;
    assert.equal(looped!.log.status, 'error');
    assert.match(String(looped!.log.detail.error), /steps/);
    assert.equal(escaped!.log.status, 'error');
    assert.equal(target.requests.length, 0);
    assert.equal((await bed.logs(loopSub)).length, 1);
  });

  it('when a URL resolves to a denied address, then every attempt is refused, DNS rebinding included', async () => {
    const target = await receiver();
    dns.set('metadata.test', [['169.254.169.254']]);
    const denied = await bed.addSubscription({
      events: ['deny_test'],
      config: http('http://metadata.test/latest'),
      owner_tenant_uuid: tenant,
    });
    // First resolution is the receiver (answers 503), the retry resolves to the metadata address.
    dns.set('rebind.test', [['127.0.0.1'], ['169.254.169.254']]);
    target.answer = () => ({ status: 503 });
    const rebind = await bed.addSubscription({
      events: ['deny_test'],
      config: http(`http://rebind.test:${target.port}/`),
      owner_tenant_uuid: tenant,
    });
    const literal = await bed.addSubscription({
      events: ['deny_test'],
      config: http('http://[::ffff:169.254.169.254]/'),
      owner_tenant_uuid: tenant,
    });
    const platform = await bed.addSubscription({
      events: ['deny_test'],
      config: http('http://127.0.0.1:9497/0.1/token'),
      owner_tenant_uuid: tenant,
    });
    await engines[0]!.reconcile();
    const waits = [denied, rebind, literal, platform].map((sub) =>
      attemptsOf(sub, (seen) => seen.length >= 3),
    );
    await bed.publish('deny_test', { seq: 0 }, { tenant_uuid: tenant });
    const [deniedSeen, rebindSeen, literalSeen, platformSeen] = await Promise.all(waits);
    for (const seen of [deniedSeen!, literalSeen!, platformSeen!]) {
      assert.deepEqual(
        seen.map((a) => a.log.status),
        ['failure', 'failure', 'error'],
      );
      for (const a of seen) assert.match(String(a.log.detail.error), /denied network/);
    }
    assert.equal(rebindSeen![0]!.log.detail.response_status_code, 503);
    assert.match(String(rebindSeen![1]!.log.detail.error), /169\.254\.169\.254.*denied network/);
    assert.equal(target.requests.length, 1, 'only the first, allowed, resolution reached the receiver');
  });

  it("when a user's subscription targets localhost, then it is skipped as Wazo does; an admin's goes", async () => {
    const target = await receiver();
    const user = randomUUID();
    const userSub = await bed.addSubscription({
      events: ['local_test'],
      config: http(target.url),
      owner_tenant_uuid: tenant,
      owner_user_uuid: user,
    });
    const adminSub = await bed.addSubscription({
      events: ['local_test'],
      config: http(target.url),
      owner_tenant_uuid: tenant,
    });
    await engines[0]!.reconcile();
    const userDone = attemptsOf(userSub, (seen) => seen.length >= 1);
    const adminDone = attemptsOf(adminSub, (seen) => seen.length >= 1);
    await bed.publish('local_test', { seq: 0 }, { tenant_uuid: tenant });
    await adminDone;
    const [skipped] = await userDone;
    assert.equal(skipped!.log.status, 'success');
    assert.deepEqual(skipped!.log.detail, {});
    assert.equal(target.requests.length, 1);
    assert.equal((await bed.logs(adminSub))[0]?.status, 'success');
  });

  it("when events carry Wazo's headers, then tenant, user, origin and the global voicemail rule filter as Wazo", async () => {
    const target = await receiver();
    const other = randomUUID();
    const user = randomUUID();
    const config = (tag: string) => http(`${target.url}/${tag}`);
    await bed.addSubscription({
      events: ['filter_test'],
      config: config('tenant'),
      owner_tenant_uuid: tenant,
    });
    await bed.addSubscription({
      events: ['filter_test'],
      config: config('master'),
      owner_tenant_uuid: bed.masterTenant,
    });
    await bed.addSubscription({
      events: ['filter_test', 'global_voicemail_message_created'],
      config: config('user'),
      owner_tenant_uuid: tenant,
      events_user_uuid: user,
    });
    await bed.addSubscription({
      events: ['filter_test'],
      config: config('origin'),
      owner_tenant_uuid: tenant,
      events_wazo_uuid: randomUUID(),
    });
    await engines[0]!.reconcile();
    await bed.publish('filter_test', { seq: 0 }, { tenant_uuid: other });
    await bed.publish(
      'filter_test',
      { seq: 1 },
      { tenant_uuid: tenant, [`user_uuid:${randomUUID()}`]: true },
    );
    await bed.publish('filter_test', { seq: 2 }, { tenant_uuid: tenant, [`user_uuid:${user}`]: true });
    await bed.publish(
      'global_voicemail_message_created',
      { seq: 3 },
      { tenant_uuid: tenant, [`user_uuid:${user}`]: true },
    );
    await bed.publish(
      'global_voicemail_message_created',
      { seq: 4 },
      { tenant_uuid: tenant, 'user_uuid:*': true },
    );
    // master: 0, 1, 2 (every tenant); tenant: 1, 2; user: 2, 4; origin: none (another Wazo).
    await target.waitFor(7);
    const got = target.requests.map((q) => `${q.url.slice(1)}:${JSON.parse(q.body).seq}`).sort();
    assert.deepEqual(got, ['master:0', 'master:1', 'master:2', 'tenant:1', 'tenant:2', 'user:2', 'user:4']);
  });

  it('when a subscription is deleted, then its pending deliveries and its binding go', async () => {
    const target = await receiver();
    target.answer = () => ({ status: 500 });
    const own = await newBed();
    const running = await engine(own, testDeliveryConfig({ retry_first_delay: 60 }));
    const sub = await own.addSubscription({
      events: ['delete_test'],
      config: http(target.url),
      owner_tenant_uuid: tenant,
    });
    await running.reconcile();
    const bound = await own.db.selectFrom('webhookd_delivery_binding').select('headers').execute();
    assert.deepEqual(
      bound.map((b) => b.headers),
      [{ name: 'delete_test', tenant_uuid: tenant }],
    );
    const first = attemptsOf(sub, (seen) => seen.length >= 1);
    await own.publish('delete_test', { seq: 0 }, { tenant_uuid: tenant });
    await first;
    await own.db.deleteFrom('webhookd_subscription').where('uuid', '=', sub).execute();
    await running.reconcile();
    const pending = await own.db.selectFrom('webhookd_delivery').select('id').execute();
    assert.equal(pending.length, 0);
    const bindings = await own.db.selectFrom('webhookd_delivery_binding').select('headers').execute();
    assert.deepEqual(bindings, [], 'binding removed');
  });

  it('when the engine is stopped while events are published, then they wait in the queue and go out after a restart', async () => {
    const target = await receiver();
    const config = testDeliveryConfig();
    const own = await newBed();
    const first = await engine(own, config);
    await own.addSubscription({
      events: ['restart_test'],
      config: http(target.url),
      owner_tenant_uuid: tenant,
    });
    await first.reconcile();
    await own.publish('restart_test', { seq: 0 }, { tenant_uuid: tenant });
    await target.waitFor(1);
    await first.stop();
    for (let seq = 1; seq < 6; seq += 1) await own.publish('restart_test', { seq }, { tenant_uuid: tenant });
    await engine(own, config);
    await target.waitFor(6);
    assert.deepEqual(seqs(target), [0, 1, 2, 3, 4, 5]);
  });

  it("when a mobile subscription matches, then the push sender gets Wazo's notification, retried when it asks", async () => {
    const user = randomUUID();
    const sub = await bed.addSubscription({
      service: 'mobile',
      events: ['call_push_notification', 'chatd_user_room_message_created'],
      config: {},
      owner_tenant_uuid: tenant,
      owner_user_uuid: user,
      events_user_uuid: user,
    });
    await engines[0]!.reconcile();
    let calls = 0;
    pushAnswer = () =>
      calls++ === 0 ? { status: 'retry', detail: { error: 'provider busy' } } : { status: 'sent' };
    const done = attemptsOf(sub, (seen) => seen.length >= 3);
    const headers = { tenant_uuid: tenant, [`user_uuid:${user}`]: true };
    await bed.publish('chatd_user_room_message_created', { user_uuid: user, content: 'mine' }, headers);
    await bed.publish('call_push_notification', { peer_caller_id_number: '1001' }, headers);
    const seen = await done;
    assert.deepEqual(
      seen.map((a) => [a.log.status, a.log.attempts]),
      [
        ['success', 1],
        ['failure', 1],
        ['success', 2],
      ],
    );
    assert.equal(seen[0]!.log.detail.skipped, 'message sent by the user');
    const [first, second] = pushed.filter((p) => p.user_uuid === user);
    assert.equal(first!.notification_type, 'incomingCall');
    assert.equal(first!.delivery_uuid, second!.delivery_uuid);
    const items = (first!.payload as { items: Record<string, unknown> }).items;
    assert.equal(items.peer_caller_id_number, '1001');
    assert.ok(typeof items.notification_timestamp === 'string');
  });
});
