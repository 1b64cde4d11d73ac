/**
 * wazo-chatd's message path against the bare bus-to-socket path measured in the same run:
 * messages/s and p50/p99 from alice's POST /users/me/rooms/{room}/messages to the
 * chatd_user_room_message_created frame on bob's websocket (chatd's transaction, its outbox, the
 * relay, RabbitMQ, websocketd), next to the same event published straight on the bus to the same
 * socket (RabbitMQ and websocketd only). Closed loop: BENCH_WINDOW (16) messages in flight,
 * BENCH_PHASE_MS (3000) per phase; daemons, client and publisher share this process.
 *
 *   node --conditions=wazo-ts-source --import tsx bench/chatd.bench.ts   (RabbitMQ, PostgreSQL)
 */
import { randomUUID } from 'node:crypto';
import { chatdUserRoomMessageCreated, createBusPublisher } from '@wazo-ts/bus';
import { MESSAGE_EVENT, startChatdBenchStack } from './chatd/stack.js';
import { type PhaseResult, type Receivers, runPhase } from './websocketd/phase.js';

const durationMs = Number(process.env.BENCH_PHASE_MS ?? 3000);
const window = Number(process.env.BENCH_WINDOW ?? 16);

// The content carries the sequence number and the send time: `seq=N stamp=F`.
const SEQ = /seq=(\d+)/;
const STAMP = /stamp=([\d.]+)/;

async function main(): Promise<void> {
  const started = Date.now();
  const stack = await startChatdBenchStack();
  const handlers: ((seq: number, stamp: number) => void)[] = [];
  stack.bobSocket.on('message', (data: Buffer) => {
    const text = data.toString();
    if (!text.includes(MESSAGE_EVENT)) return;
    for (const handler of handlers) handler(Number(SEQ.exec(text)?.[1]), Number(STAMP.exec(text)?.[1]));
  });
  // One receiver, bob's socket; each phase listens anew (the phase keeps its own counters).
  const bob = (): Receivers => {
    const index = handlers.length;
    return {
      count: 1,
      listen: (onArrival) => void handlers.push(onArrival),
      close: async () => void handlers.splice(index, 1, () => undefined),
    };
  };
  const publisher = createBusPublisher({ transport: stack.transport, originUuid: stack.originUuid });
  const bare = (seq: number, stamp: number) =>
    publisher
      .publish(
        chatdUserRoomMessageCreated.build(
          {
            uuid: randomUUID(),
            content: `seq=${seq} stamp=${stamp}`,
            alias: null,
            user_uuid: stack.alice.uuid,
            tenant_uuid: stack.tenantUuid,
            wazo_uuid: stack.originUuid,
            created_at: new Date().toISOString(),
            room: { uuid: stack.roomUuid },
            delivery: { type: 'internal', backend: null, recipients: [] },
          },
          { tenantUuid: stack.tenantUuid, userUuid: stack.bob.uuid },
        ),
      )
      .then(() => undefined);
  const post = async (seq: number, stamp: number) => {
    const answer = await fetch(stack.messagesUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-auth-token': stack.alice.token },
      body: JSON.stringify({ content: `seq=${seq} stamp=${stamp}` }),
    });
    if (answer.status !== 201) throw new Error(`POST message: ${answer.status} ${await answer.text()}`);
  };
  const results: Record<string, PhaseResult> = {};
  try {
    for (const [label, send] of [
      ['bare publish to socket', bare],
      ['chatd POST to socket', post],
    ] as const) {
      const receivers = bob();
      results[label] = await runPhase(send, receivers, { durationMs, window }).finally(() =>
        receivers.close(),
      );
    }
  } finally {
    await stack.close();
  }
  report(results, Date.now() - started);
}

const fmt = (n: number | undefined, digits = 0) =>
  n === undefined || Number.isNaN(n) ? '-' : n.toFixed(digits);

function report(results: Record<string, PhaseResult>, elapsedMs: number): void {
  const base = results['bare publish to socket'];
  console.log(`chatd bench: window ${window}, ${durationMs} ms per phase, ${elapsedMs} ms in all`);
  console.log('phase                    messages  messages/s  p50 ms  p99 ms  rate x  p99 x (vs bare)');
  for (const [label, r] of Object.entries(results))
    console.log(
      [
        label.padEnd(24),
        fmt(r.events).padStart(8),
        fmt(r.deliveriesPerSecond).padStart(11),
        fmt(r.p50, 2).padStart(7),
        fmt(r.p99, 2).padStart(7),
        fmt(base && r.deliveriesPerSecond / base.deliveriesPerSecond, 2).padStart(7),
        fmt(base && r.p99 / base.p99, 2).padStart(6),
      ].join(' '),
    );
  const ratio = base && results['chatd POST to socket'];
  console.log(
    JSON.stringify({
      bench: 'chatd',
      window,
      durationMs,
      elapsedMs,
      results,
      ...(ratio
        ? {
            ratio: {
              phase: 'chatd POST to socket',
              ours: ratio.deliveriesPerSecond,
              baseline: base.deliveriesPerSecond,
              ratio: ratio.deliveriesPerSecond / base.deliveriesPerSecond,
            },
          }
        : {}),
    }),
  );
}

await main();
