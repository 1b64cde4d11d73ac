/**
 * A websocket client of wazo-websocketd as @wazo/sdk speaks to it (protocol v2: subscribe, start),
 * that records events and lets a test await the first one matching a predicate.
 */
import { WebSocket } from 'ws';

export type WsEvent = { name: string; data: Record<string, unknown>; [key: string]: unknown };

export interface EventClient {
  /** Resolves with the first event received so far or later that matches. */
  next(match: (event: WsEvent) => boolean, timeoutMs?: number): Promise<WsEvent>;
  close(): Promise<void>;
}

export async function eventClient(wsBase: string, token: string, events: string[]): Promise<EventClient> {
  const ws = new WebSocket(`${wsBase}/?token=${token}&version=2`);
  const frames: Record<string, unknown>[] = [];
  const waiters = new Set<() => void>();
  ws.on('message', (data: Buffer) => {
    frames.push(JSON.parse(data.toString()) as Record<string, unknown>);
    for (const wake of waiters) wake();
  });
  ws.on('error', () => undefined);
  const closed = new Promise<void>((resolve) => ws.on('close', () => resolve()));

  const frame = (match: (f: Record<string, unknown>) => boolean, timeoutMs = 15_000) =>
    new Promise<Record<string, unknown>>((resolve, reject) => {
      const check = () => {
        const found = frames.find(match);
        if (!found) return;
        done();
        resolve(found);
      };
      const timer = setTimeout(() => {
        done();
        reject(new Error(`no awaited frame in ${timeoutMs} ms; got ${JSON.stringify(frames)}`));
      }, timeoutMs);
      const done = () => {
        clearTimeout(timer);
        waiters.delete(check);
      };
      waiters.add(check);
      check();
    });

  await frame((f) => f.op === 'init');
  for (const event_name of events) ws.send(JSON.stringify({ op: 'subscribe', data: { event_name } }));
  ws.send(JSON.stringify({ op: 'start' }));
  await frame((f) => f.op === 'start');
  return {
    async next(match, timeoutMs) {
      const found = await frame((f) => f.op === 'event' && match(f.data as WsEvent), timeoutMs);
      return found.data as WsEvent;
    },
    async close() {
      if (ws.readyState === WebSocket.CLOSED) return;
      ws.close();
      await closed;
    },
  };
}
