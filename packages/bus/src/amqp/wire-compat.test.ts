/**
 * Wire compatibility with Python wazo-bus: a kombu peer (Debian's python3-kombu) reads what we
 * publish on the real RabbitMQ, and publishes what a Wazo daemon would for us to read.
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { collector } from '../contract/collector.js';
import { decodeMessage } from '../envelope/envelope.js';
import { authSessionCreated } from '../events/index.js';
import { createBusPublisher } from '../publisher.js';
import { type AmqpUnderTest, amqpUnderTest } from './testing.js';

const python = process.env.WAZO_TEST_PYTHON ?? '/usr/bin/python3';
const peer = fileURLToPath(new URL('./fixtures/kombu_peer.py', import.meta.url));
const kombu = spawnSync(python, ['-c', 'import kombu'], { stdio: 'ignore' }).status === 0;

function runPeer(mode: 'consume' | 'publish', exchange: string, run: string) {
  const child = spawn(python, [peer, mode, exchange, run], { stdio: ['ignore', 'pipe', 'inherit'] });
  const lines: string[] = [];
  let buffer = '';
  const waiters: (() => void)[] = [];
  child.stdout.on('data', (chunk: Buffer) => {
    buffer += chunk.toString();
    const parts = buffer.split('\n');
    buffer = parts.pop() ?? '';
    lines.push(...parts);
    for (const wake of waiters.splice(0)) wake();
  });
  const line = async (index: number): Promise<string> => {
    while (lines.length <= index) {
      if (child.exitCode !== null) throw new Error(`kombu peer exited with ${child.exitCode}`);
      await Promise.race([new Promise<void>((r) => waiters.push(r)), once(child, 'exit')]);
    }
    return lines[index]!;
  };
  return { child, line };
}

describe('wire compatibility with Python wazo-bus (kombu)', () => {
  let under: AmqpUnderTest;
  before(async () => {
    assert.ok(kombu, `${python} cannot import kombu: apt-get install python3-kombu`);
    under = await amqpUnderTest();
  });
  after(() => under?.cleanup());

  it('when we publish an event, then kombu reads the same envelope wazo-bus would', async () => {
    const run = randomUUID();
    const { child, line } = runPeer('consume', under.transport.exchangeName, run);
    assert.equal(await line(0), 'READY');
    const publisher = createBusPublisher({ transport: under.transport, originUuid: 'our-origin' });
    const data = { uuid: 'S', tenant_uuid: 'T', user_uuid: 'U', mobile: true };
    const event = authSessionCreated.build(data, { tenantUuid: 'T', userUuid: 'U' });
    const sent = await publisher.publish(event, { headers: { run } });
    const seen = JSON.parse(await line(1));
    await once(child, 'exit');
    assert.equal(seen.name, 'auth_session_created');
    assert.deepEqual(seen.data, data);
    assert.equal(seen.body_type, 'dict', 'kombu deserialized the JSON body');
    assert.equal(seen.content_type, 'application/json');
    assert.equal(seen.content_encoding, 'utf-8');
    assert.equal(seen.message_id, sent.messageId);
    assert.equal(seen.routing_key, 'auth.sessions.S.created');
    assert.deepEqual(seen.headers, sent.headers);
    assert.deepEqual(seen.header_types, {
      run: 'str',
      tenant_uuid: 'str',
      session_uuid: 'str',
      name: 'str',
      'user_uuid:U': 'bool',
      required_access: 'str',
      required_acl: 'str',
      origin_uuid: 'str',
      timestamp: 'str',
    });
    const { data: _data, ...bodyHeaders } = seen.body;
    assert.deepEqual(bodyHeaders, sent.headers, 'the body repeats the headers');
  });

  it('when kombu publishes like wazo-bus, then we decode its event', async () => {
    const run = randomUUID();
    const got = collector();
    const binding = { headers: { run, name: 'schedule_created' }, match: 'all' as const };
    const sub = await under.transport.consume({ bindings: [binding] }, got.handler);
    const { line } = runPeer('publish', under.transport.exchangeName, run);
    assert.equal(await line(0), 'DONE');
    const [delivered] = await got.waitFor(1);
    await sub.close();
    const event = decodeMessage(delivered!);
    assert.equal(event.name, 'schedule_created');
    assert.deepEqual(event.data, { id: 5 });
    assert.equal(event.originUuid, 'python-origin');
    assert.equal(event.headers['user_uuid:*'], true);
    assert.equal(event.messageId, '', 'kombu sets no message id');
  });
});
