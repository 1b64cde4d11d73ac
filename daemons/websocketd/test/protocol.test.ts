/**
 * The protocol as Wazo's clients speak it: init per version, replies to subscribe/start/token/ping
 * (v1 answers subscribe and token only before start and ignores ping; v2 always answers), events
 * only after start, raw bodies in v1 and `{"op":"event"}` in v2, and 4004 for frames outside it.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { connectClient, type Frame, startedClient } from './support/client.js';
import { publishTestEvent } from './support/events.js';
import { startStack, type WebsocketdStack } from './support/stack.js';

describe('websocketd protocol', () => {
  let stack: WebsocketdStack;
  let token: string;
  const isEvent = (name: string) => (f: Frame) =>
    f.name === name || (f.op === 'event' && (f.data as Frame).name === name);
  const publish = (name: string, data: Record<string, unknown> = {}) =>
    publishTestEvent(stack.transport, {
      name,
      originUuid: stack.originUuid,
      requiredAcl: null,
      tenantUuid: stack.auth.masterTenantUuid,
      users: ['*'],
      data,
    });

  before(async () => {
    stack = await startStack();
    token = (await stack.login({ acl: ['websocketd'] })).token;
  });
  after(async () => stack?.stop());

  it('when a v1 client subscribes and starts, then both are answered and events come as the raw bus body', async () => {
    const client = connectClient(`${stack.wsBase}/?token=${token}`);
    assert.deepEqual(await client.next(), { op: 'init', code: 0, data: { version: 1 } });
    client.send({ op: 'subscribe', data: { event_name: 'v1_thing' } });
    assert.deepEqual(await client.next(), { op: 'subscribe', code: 0, data: null });
    client.send({ op: 'start' });
    assert.deepEqual(await client.next(), { op: 'start', code: 0, data: null });
    await publish('v1_thing', { n: 1 });
    const event = await client.next();
    assert.equal(event.name, 'v1_thing');
    assert.equal(event.origin_uuid, stack.originUuid);
    assert.equal(event.required_acl, null);
    assert.equal(event.tenant_uuid, stack.auth.masterTenantUuid);
    assert.equal(event['user_uuid:*'], true);
    assert.deepEqual(event.data, { n: 1 });
    await client.close();
  });

  it('when a started v1 client subscribes, renews and pings, then none is answered', async () => {
    const client = await startedClient(`${stack.wsBase}/?token=${token}`, ['v1_first']);
    // Ops run in order: a reply to token or ping would come before the subscription takes effect.
    client.send({ op: 'token', data: { token } });
    client.send({ op: 'ping', data: { payload: 'hello' } });
    client.send({ op: 'subscribe', data: { event_name: 'v1_second' } });
    // No reply to wait for in v1: publish until the new subscription shows, then look at what came.
    const arrived = client.until(isEvent('v1_second'));
    const repeat = setInterval(() => void publish('v1_second'), 50);
    const frames = await arrived.finally(() => clearInterval(repeat));
    assert.deepEqual(
      frames.map((f) => f.op),
      [undefined],
    );
    await client.close();
  });

  it('when a started v2 client subscribes, renews and pings, then each is answered and events are wrapped', async () => {
    const client = connectClient(`${stack.wsBase}/?token=${token}&version=2`);
    assert.deepEqual(await client.next(), { op: 'init', code: 0, data: { version: 2 } });
    client.send({ op: 'start' });
    await client.next((f) => f.op === 'start');
    client.send({ op: 'subscribe', data: { event_name: 'v2_thing' } });
    client.send({ op: 'ping', data: { payload: 'pong' } });
    client.send({ op: 'token', data: { token } });
    assert.deepEqual(await client.next(), { op: 'subscribe', code: 0, data: null });
    assert.deepEqual(await client.next(), { op: 'pong', code: 0, data: { payload: 'pong' } });
    assert.deepEqual(await client.next(), { op: 'token', code: 0, data: null });
    await publish('v2_thing', { n: 2 });
    const event = await client.next();
    assert.equal(event.op, 'event');
    assert.equal(event.code, 0);
    assert.equal((event.data as Frame).name, 'v2_thing');
    assert.deepEqual((event.data as Frame).data, { n: 2 });
    await client.close();
  });

  it('when an event is published before start, then it is dropped, not queued', async () => {
    const client = connectClient(`${stack.wsBase}/?token=${token}&version=2`);
    await client.next((f) => f.op === 'init');
    client.send({ op: 'subscribe', data: { event_name: '*' } });
    await client.next((f) => f.op === 'subscribe');
    await publish('too_early');
    client.send({ op: 'start' });
    await client.next((f) => f.op === 'start');
    await publish('in_time');
    const frames = await client.until(isEvent('in_time'));
    assert.deepEqual(
      frames.map((f) => (f.data as Frame).name),
      ['in_time'],
    );
    await client.close();
  });

  it('when a client sends its ops before the init (during the token check), then they are handled in order', async () => {
    const client = connectClient(`${stack.wsBase}/?token=${token}&version=2`);
    await new Promise((resolve) => client.ws.once('open', resolve));
    client.send({ op: 'subscribe', data: { event_name: 'early_bird' } });
    client.send({ op: 'start' });
    const frames = await client.until((f) => f.op === 'start');
    assert.deepEqual(
      frames.map((f) => f.op),
      ['init', 'subscribe', 'start'],
    );
    await client.close();
  });

  const badFrames: [string, string | Buffer][] = [
    ['a binary frame', Buffer.from('{"op":"start"}')],
    ['invalid JSON', '{"op":'],
    ['a JSON array', '[{"op":"start"}]'],
    ['no op', '{"data":{}}'],
    ['a numeric op', '{"op":1}'],
    ['an unknown op', '{"op":"unsubscribe","data":{"event_name":"x"}}'],
    ['subscribe without data', '{"op":"subscribe"}'],
    ['subscribe with data not an object', '{"op":"subscribe","data":"x"}'],
    ['subscribe with a numeric event_name', '{"op":"subscribe","data":{"event_name":1}}'],
    ['ping without payload', '{"op":"ping","data":{}}'],
    ['token without token', '{"op":"token","data":{"tok":"x"}}'],
  ];
  for (const [what, frame] of badFrames) {
    it(`when the client sends ${what}, then 4004 with no reason`, async () => {
      const client = connectClient(`${stack.wsBase}/?token=${token}&version=2`);
      await client.next((f) => f.op === 'init');
      client.ws.send(frame, { binary: Buffer.isBuffer(frame) });
      assert.deepEqual(await client.closed, { code: 4004, reason: '' });
    });
  }
});
