import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { type ConsulAgentDouble, startConsulAgentDouble } from '../testing/consul-agent-double.js';
import { createFakeClock, type FakeClock } from '../testing/fake-clock.js';
import { consulConfig, fastDiscovery, ipv4, recordingLogger, waitFor } from './fixtures/helpers.js';
import { type ConsulRegistrationOptions, createConsulRegistration } from './index.js';

// The loop's waits are asserted, not waited for: refresh_interval and retry_interval in ms.
const REFRESH = 50;
const RETRY = 30;
const UUID = '6e3b1a2c-0000-4000-8000-000000000001';
let consul: ConsulAgentDouble;
let clock: FakeClock;
let events: { name: string; data: Record<string, unknown> }[];
const stops: (() => Promise<void>)[] = [];

beforeEach(async () => {
  consul = await startConsulAgentDouble();
  clock = createFakeClock();
  events = [];
});
afterEach(async () => {
  await Promise.all(stops.splice(0).map((stop) => stop()));
  await consul.close();
});

function start(overrides: Partial<ConsulRegistrationOptions> = {}, sd = fastDiscovery()) {
  const registration = createConsulRegistration({
    name: 'wazo-auth',
    uuid: UUID,
    config: { consul: consulConfig(consul), service_discovery: sd, rest_api: { port: 9497 } },
    logger: recordingLogger().logger,
    interfaces: { eth0: [ipv4('10.1.2.3')] },
    publish: async (name, data) => void events.push({ name, data }),
    clock,
    ...overrides,
  });
  registration.start();
  stops.push(() => registration.stop());
  return registration;
}

/** Lets the loop's pending wait run out, then returns the wait it asks for next. */
async function nextWait(): Promise<number | undefined> {
  const [pending] = await clock.waitForTimers();
  clock.advance(pending ?? 0);
  return (await clock.waitForTimers())[0];
}

const registrations = () => consul.callsTo('/v1/agent/service/register');
const registered = (i: number) =>
  (registrations()[i]?.body ?? {}) as { ID?: string; Port?: number; Check?: unknown };
const passes = () => consul.callsTo('/v1/agent/check/pass/');

describe('consul registration', () => {
  it('when the daemon becomes ready, then it registers with TTL check, tags and address, and announces it', async () => {
    let readyChecks = 0;
    const registration = start({ checkReady: async () => ++readyChecks >= 3 });
    assert.deepEqual(await clock.waitForTimers(), [RETRY], 'asks again after retry_interval');
    assert.equal(await nextWait(), RETRY);
    assert.equal(await nextWait(), REFRESH, 'registered, then waits refresh_interval');
    assert.equal(registrations().length, 1);
    assert.equal(readyChecks, 3);
    const id = registration.serviceId;
    assert.match(id ?? '', /^[0-9a-f-]{36}$/);
    assert.deepEqual(registrations()[0]?.body, {
      Name: 'wazo-auth',
      ID: id,
      Address: '10.1.2.3',
      Port: 9497,
      Tags: [UUID, 'wazo-auth', 'extra'],
      Check: { TTL: '1s', DeregisterCriticalServiceAfter: '60s' },
    });
    assert.equal(events.length, 1);
    assert.deepEqual(events[0], {
      name: 'service_registered',
      data: {
        service_name: 'wazo-auth',
        service_id: id,
        address: '10.1.2.3',
        port: 9497,
        tags: [UUID, 'wazo-auth', 'extra'],
      },
    });
  });

  it('when registered, then it passes the TTL check at once and then every refresh_interval', async () => {
    const registration = start();
    assert.deepEqual(await clock.waitForTimers(), [REFRESH]);
    assert.equal(passes().length, 1, 'passed at once');
    for (let pass = 2; pass <= 5; pass++) {
      assert.equal(await nextWait(), REFRESH);
      assert.equal(passes().length, pass, 'one pass per refresh_interval');
    }
    assert.equal(passes()[0]?.path, `/v1/agent/check/pass/service:${registration.serviceId}`);
    assert.equal(registrations().length, 1);
    assert.equal(consul.services.get(registration.serviceId ?? '')?.status, 'passing');
  });

  it('when consul fails, then it retries every retry_interval and reports fail until it works', async () => {
    consul.failNext(3);
    const registration = start();
    assert.deepEqual(await clock.waitForTimers(), [RETRY]);
    assert.equal(registration.status().status, 'fail');
    assert.match(String(registration.status().reason), /answered 500/);
    assert.deepEqual([await nextWait(), await nextWait(), await nextWait()], [RETRY, RETRY, REFRESH]);
    assert.equal(registrations().length, 4);
    assert.equal(passes().length, 1);
    assert.equal(registration.status().status, 'ok');
  });

  for (const style of ['modern', 'legacy'] as const) {
    it(`when the agent restarts and forgets us (${style} answer), then it registers again with the same id`, async () => {
      consul.unknownCheckStyle = style;
      const registration = start();
      await clock.waitForTimers();
      consul.restart();
      assert.equal(await nextWait(), REFRESH, 'registers again at once, then passes on schedule');
      assert.equal(registrations().length, 2);
      assert.equal(consul.services.get(registration.serviceId ?? '')?.status, 'passing');
      assert.equal(registered(1).ID, registration.serviceId);
      assert.deepEqual(
        events.map((e) => e.name),
        ['service_registered', 'service_registered'],
      );
      assert.equal(registration.status().registrations, 2);
    });
  }

  it('when stopped, then it announces, then deregisters, and passes no more', async () => {
    const order: string[] = [];
    const registration = start({
      publish: async (name) => void order.push(`${name}@${consul.services.size}`),
    });
    await clock.waitForTimers();
    const id = registration.serviceId;
    await registration.stop();
    assert.deepEqual(order, ['service_registered@1', 'service_deregistered@1']);
    assert.deepEqual(
      consul.callsTo('/v1/agent/service/deregister/').map((c) => c.path),
      [`/v1/agent/service/deregister/${id}`],
    );
    assert.equal(consul.services.size, 0);
    assert.deepEqual(clock.pendingTimers(), [], 'nothing left scheduled');
    assert.equal(passes().length, 1);
    assert.equal(registration.status().phase, 'stopped');
  });

  it('when the agent hangs at shutdown, then stop gives up after stopTimeoutMs', async () => {
    const registration = start({ stopTimeoutMs: 150 });
    await clock.waitForTimers();
    consul.hang = true;
    let stopped = false;
    const stopping = registration.stop().then(() => {
      stopped = true;
    });
    // The deregistration reaches the agent, which never answers: only the deadline ends it.
    await waitFor(
      'the deregistration call',
      () => consul.callsTo('/v1/agent/service/deregister/').length > 0,
    );
    assert.deepEqual(clock.pendingTimers(), [150]);
    assert.equal(stopped, false);
    clock.advance(150);
    await stopping;
    assert.equal(registration.status().phase, 'stopped');
  });

  it('when stopped before the daemon is ready, then nothing is registered nor deregistered', async () => {
    const registration = start({ checkReady: () => false });
    assert.equal(await nextWait(), RETRY, 'still waiting for the daemon');
    await registration.stop();
    assert.deepEqual(consul.calls, []);
    assert.deepEqual(events, []);
  });

  it('when consul.token is set, then every call carries X-Consul-Token', async () => {
    const registration = start({
      config: {
        consul: consulConfig(consul, 'secret-token'),
        service_discovery: fastDiscovery(),
        rest_api: { port: 9497 },
      },
    });
    await clock.waitForTimers();
    await registration.stop();
    assert.equal(consul.calls.length, 3);
    assert.deepEqual(new Set(consul.calls.map((c) => c.token)), new Set(['secret-token']));
  });

  it('when advertise_port and a bound port are given, then advertise_port wins, else the bound port', async () => {
    start({ port: 40123 });
    await clock.waitForTimers(1);
    assert.equal(registered(0).Port, 40123);
    start({ port: 40123 }, fastDiscovery({ advertise_port: 443, ttl_interval: 30 }));
    await clock.waitForTimers(2);
    assert.equal(registered(1).Port, 443);
    assert.deepEqual(registered(1).Check, {
      TTL: '30s',
      DeregisterCriticalServiceAfter: '120s',
    });
  });

  it('when service discovery is disabled, then start does nothing and the status says so', async () => {
    const registration = start({}, fastDiscovery({ enabled: false }));
    assert.deepEqual(clock.pendingTimers(), [], 'nothing scheduled');
    await registration.stop();
    assert.deepEqual(consul.calls, []);
    assert.deepEqual(registration.status(), { status: 'ok', enabled: false });
  });

  it('when running, then the status reports phase, id, registrations and the last pass', async () => {
    const registration = start({ checkReady: () => false });
    await clock.waitForTimers(1);
    assert.equal(registration.status().phase, 'waiting-ready');
    assert.equal(registration.status().status, 'ok');
    const ready = start();
    await clock.waitForTimers(2);
    const status = ready.status();
    assert.equal(status.status, 'ok');
    assert.equal(status.phase, 'registered');
    assert.equal(status.registered, true);
    assert.equal(status.service_id, ready.serviceId);
    assert.equal(status.registrations, 1);
    assert.equal(status.last_pass, new Date(clock.now()).toISOString());
  });
});
