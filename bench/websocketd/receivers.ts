/**
 * The two kinds of receivers compared: websocket clients of wazo-websocketd (started with `*`,
 * protocol v2), and bare rabbitmq-client consumers, one queue each bound to the bench's events
 * (Wazo's own websocketd design: a queue per session, the broker fanning out).
 */
import { randomBytes } from 'node:crypto';
import { Connection, type Consumer } from 'rabbitmq-client';
import { WebSocket } from 'ws';
import type { Receivers } from './phase.js';

// Pulls `"seq":N` and `"stamp":F` out of the frame without parsing all of it, as a cheap client would.
const SEQ = /"seq":(\d+)/;
const STAMP = /"stamp":([\d.]+)/;

function openClient(url: string): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url);
    ws.once('error', reject);
    ws.on('message', function onHandshake(data: Buffer) {
      const frame = JSON.parse(data.toString()) as { op: string };
      if (frame.op === 'init') {
        ws.send('{"op":"subscribe","data":{"event_name":"bench_event"}}');
        ws.send('{"op":"start"}');
      }
      if (frame.op === 'start') {
        ws.off('message', onHandshake);
        resolve(ws);
      }
    });
  });
}

export async function websocketClients(url: string, count: number): Promise<Receivers> {
  const clients: WebSocket[] = [];
  // A few at a time: a thousand simultaneous handshakes only measure the accept queue.
  for (let i = 0; i < count; i += 50)
    clients.push(
      ...(await Promise.all(Array.from({ length: Math.min(50, count - i) }, () => openClient(url)))),
    );
  return {
    count,
    listen(onArrival) {
      for (const ws of clients)
        ws.on('message', (data: Buffer) => {
          const text = data.toString();
          onArrival(Number(SEQ.exec(text)?.[1]), Number(STAMP.exec(text)?.[1]));
        });
    },
    async close() {
      await Promise.all(
        clients.map(
          (ws) =>
            new Promise<void>((resolve) => {
              ws.once('close', () => resolve());
              ws.close();
            }),
        ),
      );
    },
  };
}

export async function bareConsumers(amqpUri: string, originUuid: string, count: number): Promise<Receivers> {
  const connection = new Connection({ url: amqpUri, connectionName: 'wazo-ts-bench websocketd bare' });
  const handlers: ((seq: number, stamp: number) => void)[] = [];
  const consumers: Consumer[] = [];
  for (let i = 0; i < count; i++) {
    const queue = `wazo-ts-bench.bare.${randomBytes(4).toString('hex')}`;
    const consumer = connection.createConsumer(
      {
        queue,
        queueOptions: { exclusive: true, autoDelete: true },
        queueBindings: [
          {
            exchange: 'wazo-headers',
            arguments: { 'x-match': 'all', origin_uuid: originUuid, name: 'bench_event' },
          },
        ],
        qos: { prefetchCount: 250 },
      },
      async (message) => {
        // Our transport sends `utf-8` as content encoding, so rabbitmq-client hands over raw bytes.
        const body = Buffer.isBuffer(message.body) ? JSON.parse(message.body.toString()) : message.body;
        const { data } = body as { data: { seq: number; stamp: number } };
        for (const handler of handlers) handler(data.seq, data.stamp);
      },
    );
    await new Promise((resolve) => consumer.once('ready', resolve));
    consumers.push(consumer);
  }
  return {
    count,
    listen: (onArrival) => void handlers.push(onArrival),
    async close() {
      await Promise.all(consumers.map((c) => c.close()));
      await connection.close();
    },
  };
}
