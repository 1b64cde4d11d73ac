/**
 * Unpatched @wazo/sdk 0.44.7 in a child process, driven over IPC by `sdk-remote.ts`. The parent
 * starts it with NODE_EXTRA_CA_CERTS naming the platform's certificate, which Node reads only at
 * start (the SDK calls the global `fetch`, which takes no CA). Each request names an SDK method
 * (`auth.listTenants`), a raw call of the SDK's own requester (its headers, its JSON handling), or
 * a websocket operation; the answer is the SDK's value as JSON, or the error the SDK threw with its
 * class, status and Wazo fields.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
// Node 20 has no global WebSocket; the SDK's reconnecting socket reads this one.
(globalThis as { WebSocket?: unknown }).WebSocket = require('ws');

type Fn = (...args: unknown[]) => Promise<unknown>;
interface Requester {
  call(path: string, method: string, body: unknown, headers: unknown, parse: unknown): Promise<unknown>;
}
interface ApiClient {
  client: Requester;
  setToken(token: string): void;
  setTenant(tenant: string): void;
  setClientId(clientId: string): void;
  disableErrorLogging(): void;
  [ns: string]: unknown;
}
interface SdkSocket {
  on(event: string, listener: (payload: unknown) => void): void;
  connect(): void;
  close(force?: boolean): void;
  updateToken(token: string): void;
  pingServer(): void;
}
const sdk = require('@wazo/sdk') as {
  WazoApiClient: new (o: { server: string }) => ApiClient;
  WebSocketClient: new (
    o: { host: string; token: string; version?: number; events: string[] },
    options?: Record<string, unknown>,
  ) => SdkSocket;
  BadResponse: new (...args: unknown[]) => Error;
  ServerError: new (...args: unknown[]) => Error;
  ApiRequester: { successResponseParser: unknown; defaultParser: unknown };
};

export type HostRequest =
  | {
      id: number;
      op: 'call';
      token?: string;
      tenant?: string;
      clientId?: string;
      method: string;
      args: unknown[];
    }
  | {
      id: number;
      op: 'request';
      token?: string;
      tenant?: string;
      verb: string;
      path: string;
      body?: unknown;
      parse: 'json' | 'success';
    }
  | { id: number; op: 'ws-open'; token: string; version?: number; events: string[]; listen: string[] }
  | { id: number; op: 'ws-wait'; socket: number; name: string; match?: Record<string, unknown> }
  | { id: number; op: 'ws-closed'; socket: number }
  | { id: number; op: 'ws-token'; socket: number; token: string }
  | { id: number; op: 'ws-ping'; socket: number }
  | { id: number; op: 'ws-close'; socket: number };

export interface SdkError {
  class: 'BadResponse' | 'ServerError' | 'Error';
  message: string;
  status?: number;
  errorId?: string | null;
  details?: unknown;
}
export type HostAnswer = { id: number; value: unknown } | { id: number; error: SdkError };

const server = process.env.SDK_SERVER!;
const WAIT_MS = 30_000;

function apiClient(token?: string, tenant?: string, clientId?: string): ApiClient {
  const client = new sdk.WazoApiClient({ server });
  client.disableErrorLogging();
  if (token) client.setToken(token);
  if (tenant) client.setTenant(tenant);
  // With a client id the SDK asks for a refresh token (`access_type: offline`).
  if (clientId) client.setClientId(clientId);
  return client;
}

function sdkError(error: unknown): SdkError {
  const e = error as Error & { status?: number; errorId?: string; details?: unknown };
  // ServerError extends BadResponse: the narrower class first.
  const kind =
    error instanceof sdk.ServerError
      ? 'ServerError'
      : error instanceof sdk.BadResponse
        ? 'BadResponse'
        : 'Error';
  return { class: kind, message: e.message, status: e.status, errorId: e.errorId, details: e.details };
}

/** A connected SDK socket and every event it received, so a wait finds one that came earlier. */
interface OpenSocket {
  socket: SdkSocket;
  events: Record<string, unknown>[];
  arrived: () => void;
  closed?: { code: number; reason: string };
}
const sockets = new Map<number, OpenSocket>();
let nextSocket = 1;

/** `listen`: the event names recorded, as the SDK emits them (by name, v1 and v2 alike). */
function openSocket(
  token: string,
  version: number | undefined,
  events: string[],
  listen: string[],
): Promise<unknown> {
  // No retries: a refused connection reports its close code once instead of reconnecting.
  const socket = new sdk.WebSocketClient({ host: server, token, version, events }, { maxRetries: 0 });
  const open: OpenSocket = { socket, events: [], arrived: () => {} };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no websocket start within ${WAIT_MS} ms`)), WAIT_MS);
    socket.on('initialized', () => {
      clearTimeout(timer);
      const id = nextSocket++;
      sockets.set(id, open);
      resolve({ socket: id });
    });
    socket.on('onclose', (event) => {
      clearTimeout(timer);
      const { code, reason } = event as { code: number; reason: string };
      open.closed = { code, reason };
      open.arrived();
      resolve({ closed: open.closed });
    });
    const record = (payload: unknown) => {
      open.events.push(payload as Record<string, unknown>);
      open.arrived();
    };
    for (const name of listen) socket.on(name, record);
    socket.on('pong', () => record({ name: 'pong' }));
    socket.connect();
  });
}

function matches(event: Record<string, unknown>, name: string, match: Record<string, unknown> = {}) {
  const data = (event.data ?? {}) as Record<string, unknown>;
  return event.name === name && Object.entries(match).every(([k, v]) => data[k] === v);
}

function waitEvent(id: number, name: string, match?: Record<string, unknown>): Promise<unknown> {
  const open = sockets.get(id);
  if (!open) return Promise.reject(new Error(`no socket ${id}`));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${name} did not come within ${WAIT_MS} ms`)), WAIT_MS);
    const look = () => {
      const found = open.events.findIndex((e) => matches(e, name, match));
      if (found === -1) return;
      clearTimeout(timer);
      resolve(open.events.splice(found, 1)[0]);
    };
    open.arrived = look;
    look();
  });
}

function waitClose(id: number): Promise<unknown> {
  const open = sockets.get(id);
  if (!open) return Promise.reject(new Error(`no socket ${id}`));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no close within ${WAIT_MS} ms`)), WAIT_MS);
    const look = () => {
      if (!open.closed) return;
      clearTimeout(timer);
      resolve(open.closed);
    };
    open.arrived = look;
    look();
  });
}

async function handle(request: HostRequest): Promise<unknown> {
  switch (request.op) {
    case 'call': {
      const client = apiClient(request.token, request.tenant, request.clientId);
      const [ns, name] = request.method.split('.') as [string, string];
      const methods = client[ns] as Record<string, Fn>;
      if (typeof methods?.[name] !== 'function') throw new Error(`the SDK has no ${request.method}`);
      // JSON keeps what a class instance holds (Profile, Session) and drops its methods.
      return JSON.parse(JSON.stringify((await methods[name]!(...request.args)) ?? null));
    }
    case 'request': {
      const client = apiClient(request.token, request.tenant);
      const parse =
        request.parse === 'json' ? sdk.ApiRequester.defaultParser : sdk.ApiRequester.successResponseParser;
      const value = await client.client.call(request.path, request.verb, request.body ?? null, null, parse);
      if (value === null || typeof value !== 'object') return value;
      // The SDK's JSON parser adds the response's headers, which do not cross the IPC.
      const { _headers, ...rest } = value as Record<string, unknown>;
      return rest;
    }
    case 'ws-open':
      return openSocket(request.token, request.version, request.events, request.listen);
    case 'ws-wait':
      return waitEvent(request.socket, request.name, request.match);
    case 'ws-token':
      // v2: the SDK sends `{"op":"token"}` on the open socket.
      sockets.get(request.socket)?.socket.updateToken(request.token);
      return null;
    case 'ws-ping':
      // The SDK's heartbeat ping; its pong also proves the ops sent before it were handled.
      sockets.get(request.socket)?.socket.pingServer();
      return waitEvent(request.socket, 'pong');
    case 'ws-closed':
      return waitClose(request.socket);
    case 'ws-close':
      sockets.get(request.socket)?.socket.close(true);
      sockets.delete(request.socket);
      return null;
  }
}

process.on('message', (request: HostRequest) => {
  handle(request).then(
    (value) => process.send!({ id: request.id, value: value ?? null } satisfies HostAnswer),
    (error) => process.send!({ id: request.id, error: sdkError(error) } satisfies HostAnswer),
  );
});
process.on('disconnect', () => process.exit(0));
process.send!({ id: 0, value: 'ready' } satisfies HostAnswer);
