/**
 * A plain `ws` client speaking wazo-websocketd's protocol version 2, as Wazo's own clients do:
 * token in the query, subscribe to event names, start, then `{op: 'event', data: <bus body>}`.
 */
import WebSocket from 'ws';

export interface EventBody {
  name: string;
  data: Record<string, unknown>;
  [header: string]: unknown;
}

export interface EventsSocket {
  /** Resolves with the first event (already received or to come) that matches. */
  next(match: (event: EventBody) => boolean, timeoutMs?: number): Promise<EventBody>;
  close(): void;
}

/** Thrown when the server answers the upgrade with a plain HTTP status (no websocket there). */
export class NoWebsocketError extends Error {
  constructor(readonly status: number) {
    super(`the websocket upgrade was answered with HTTP ${status}`);
  }
}

interface Message {
  op: string;
  data: unknown;
}

function waitForOp(socket: WebSocket, op: string): Promise<Message> {
  return new Promise((resolve, reject) => {
    const onMessage = (raw: WebSocket.RawData) => {
      const message = JSON.parse(raw.toString()) as Message;
      if (message.op !== op) return;
      socket.off('message', onMessage);
      resolve(message);
    };
    socket.on('message', onMessage);
    socket.once('close', (code, reason) => reject(new Error(`closed ${code} ${reason} before ${op}`)));
    socket.once('unexpected-response', (_req, res) => reject(new NoWebsocketError(res.statusCode ?? 0)));
    socket.once('error', reject);
  });
}

export async function openEventsSocket(
  baseUrl: string,
  token: string,
  names: string[],
): Promise<EventsSocket> {
  const url = `${baseUrl.replace(/^http/, 'ws')}/?token=${encodeURIComponent(token)}&version=2`;
  const socket = new WebSocket(url);
  const events: EventBody[] = [];
  const waiters = new Set<() => void>();
  socket.on('message', (raw) => {
    const message = JSON.parse(raw.toString()) as Message;
    if (message.op !== 'event') return;
    events.push(message.data as EventBody);
    for (const wake of waiters) wake();
  });
  try {
    await waitForOp(socket, 'init');
    for (const name of names) {
      socket.send(JSON.stringify({ op: 'subscribe', data: { event_name: name } }));
      await waitForOp(socket, 'subscribe');
    }
    socket.send(JSON.stringify({ op: 'start' }));
    await waitForOp(socket, 'start');
  } catch (error) {
    socket.terminate();
    throw error;
  }
  return {
    next(match, timeoutMs = 20_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = events.find(match);
          if (!found) return;
          cleanup();
          resolve(found);
        };
        const timer = setTimeout(() => {
          cleanup();
          reject(new Error(`no matching event; got ${events.map((e) => e.name).join(', ') || 'none'}`));
        }, timeoutMs);
        const cleanup = () => {
          clearTimeout(timer);
          waiters.delete(check);
        };
        waiters.add(check);
        check();
      });
    },
    close: () => socket.close(),
  };
}
