/**
 * The parent side of `sdk-host.ts`: one child process holding @wazo/sdk for a whole test file, so
 * each test is one SDK call whose value or error comes back as JSON.
 */
import { type ChildProcess, fork } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import type { HostAnswer, HostRequest, SdkError } from './sdk-host.js';

export type { SdkError } from './sdk-host.js';

const host = fileURLToPath(new URL('./sdk-host.ts', import.meta.url));

/** Who calls: a token, the `Wazo-Tenant` the SDK's `setTenant` sends, the SDK's client id. */
export interface Caller {
  token?: string;
  tenant?: string;
  clientId?: string;
}

/** What the SDK threw, as a failed call. */
export class SdkCallError extends Error {
  constructor(
    readonly call: string,
    readonly sdk: SdkError,
  ) {
    super(`${call}: ${sdk.class} ${sdk.status ?? ''} ${sdk.message}`);
  }
}

type Omitted<T> = T extends unknown ? Omit<T, 'id'> : never;

export interface SdkRemote {
  /** An SDK method by its path (`auth.listTenants`, `confd.getUser`) with its arguments. */
  call<T = unknown>(caller: Caller, method: string, ...args: unknown[]): Promise<T>;
  /** The same call, expecting the SDK to throw: its error. */
  fails(caller: Caller, method: string, ...args: unknown[]): Promise<SdkError>;
  /** A raw call through the SDK's requester (path under `/api`, e.g. `confd/1.1/users/1`). */
  request<T = unknown>(
    caller: Caller,
    verb: 'get' | 'post' | 'put' | 'delete',
    path: string,
    body?: unknown,
    parse?: 'json' | 'success',
  ): Promise<T>;
  /** The SDK's WebSocketClient: started (`socket`) or closed before (`closed`). */
  openSocket(options: {
    token: string;
    version?: number;
    events: string[];
    listen: string[];
  }): Promise<{ socket?: number; closed?: { code: number; reason: string } }>;
  /** The next event of that name the socket received (its `data` holding `match`). */
  nextEvent<T = Record<string, unknown>>(
    socket: number,
    name: string,
    match?: Record<string, unknown>,
  ): Promise<T>;
  /** The socket's close frame, once the server closed it. */
  socketClosed(socket: number): Promise<{ code: number; reason: string }>;
  /** The SDK's heartbeat ping, answered by the server's pong. */
  ping(socket: number): Promise<void>;
  /** The SDK's `updateToken` on an open socket. */
  updateToken(socket: number, token: string): Promise<void>;
  closeSocket(socket: number): Promise<void>;
  stop(): Promise<void>;
}

export async function startSdkRemote(target: { server: string; certificate: string }): Promise<SdkRemote> {
  const child: ChildProcess = fork(host, [], {
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, NODE_EXTRA_CA_CERTS: target.certificate, SDK_SERVER: target.server },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  let output = '';
  child.stdout?.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr?.on('data', (c: Buffer) => (output += c.toString()));
  const pending = new Map<number, (answer: HostAnswer) => void>();
  let ready!: () => void;
  const started = new Promise<void>((resolve) => (ready = resolve));
  child.on('message', (answer: HostAnswer) => {
    if (answer.id === 0) return ready();
    pending.get(answer.id)?.(answer);
    pending.delete(answer.id);
  });
  const exited = once(child, 'exit');
  // A host that dies fails the calls it held instead of leaving them to the test's timeout.
  child.once('exit', (code) => {
    for (const settle of pending.values())
      settle({ id: -1, error: { class: 'Error', message: `the SDK host exited ${code}:\n${output}` } });
    pending.clear();
  });
  await Promise.race([
    started,
    exited.then(([code]) => {
      throw new Error(`the SDK host exited ${code}:\n${output}`);
    }),
  ]);
  let nextId = 1;
  const send = (request: Omitted<HostRequest>, what: string): Promise<unknown> =>
    new Promise((resolve, reject) => {
      const id = nextId++;
      pending.set(id, (answer) =>
        'error' in answer ? reject(new SdkCallError(what, answer.error)) : resolve(answer.value),
      );
      child.send({ ...request, id });
    });
  const call = (caller: Caller, method: string, args: unknown[]) =>
    send({ op: 'call', ...caller, method, args }, method);
  return {
    call: (caller, method, ...args) => call(caller, method, args) as never,
    async fails(caller, method, ...args) {
      try {
        await call(caller, method, args);
      } catch (error) {
        if (error instanceof SdkCallError) return error.sdk;
        throw error;
      }
      throw new Error(`${method} succeeded where it should fail`);
    },
    request: (caller, verb, path, body, parse = 'json') =>
      send(
        { op: 'request', token: caller.token, tenant: caller.tenant, verb, path, body, parse },
        `${verb} ${path}`,
      ) as never,
    openSocket: (options) => send({ op: 'ws-open', ...options }, 'open the websocket') as never,
    nextEvent: (socket, name, match) => send({ op: 'ws-wait', socket, name, match }, `wait ${name}`) as never,
    socketClosed: (socket) => send({ op: 'ws-closed', socket }, 'wait the close') as never,
    ping: async (socket) => void (await send({ op: 'ws-ping', socket }, 'ping')),
    updateToken: async (socket, token) =>
      void (await send({ op: 'ws-token', socket, token }, 'update the token')),
    closeSocket: async (socket) => void (await send({ op: 'ws-close', socket }, 'close the websocket')),
    async stop() {
      if (child.exitCode !== null) return;
      child.disconnect();
      await exited;
    },
  };
}
