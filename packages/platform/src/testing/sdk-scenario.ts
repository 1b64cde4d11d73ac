/**
 * Wazo's JS client, @wazo/sdk 0.44.7 unpatched, against the platform's gateway as a softphone
 * meets a Wazo stack: log in, authenticate, read its user and its lines' SIP settings (merged
 * view) from confd, open the websocket, and
 * wait for the `user_edited` event that an admin's change (made here with plain fetch) causes.
 * The parent trusts the platform's certificate through NODE_EXTRA_CA_CERTS. Prints one JSON line.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
// Node 20 has no global WebSocket; the SDK's reconnecting socket reads this one.
(globalThis as { WebSocket?: unknown }).WebSocket = require('ws');

interface SdkSession {
  token: string;
  uuid: string | null;
  tenantUuid: string | null;
}
interface SdkClient {
  auth: {
    logIn(p: { username: string; password: string; expiration?: number }): Promise<SdkSession>;
    authenticate(token: string): Promise<SdkSession>;
  };
  confd: {
    getUser(
      uuid: string,
    ): Promise<{ id: string; firstName: string; lastName: string; lines: { id: number }[] }>;
    getUserLinesSip(uuid: string, lineIds: number[]): Promise<SdkSipLine[]>;
  };
  setToken(token: string): void;
}
interface SdkSipLine {
  username: string;
  secret: string;
  isWebRtc(): boolean;
}
interface SdkSocket {
  on(event: string, listener: (payload: unknown) => void): void;
  connect(): void;
  close(force?: boolean): void;
}
const sdk = require('@wazo/sdk') as {
  WazoApiClient: new (o: { server: string }) => SdkClient;
  WebSocketClient: new (o: { host: string; token: string; version: number; events: string[] }) => SdkSocket;
};

const server = process.env.SDK_SERVER!;
const waitFor = <T>(what: string, ms: number, register: (done: (value: T) => void) => void) =>
  new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${what} did not come within ${ms} ms`)), ms);
    register((value) => {
      clearTimeout(timer);
      resolve(value);
    });
  });

async function editAsAdmin(userUuid: string, firstname: string): Promise<number> {
  const response = await fetch(`https://${server}/api/confd/1.1/users/${userUuid}`, {
    method: 'PUT',
    headers: { 'x-auth-token': process.env.ADMIN_TOKEN!, 'content-type': 'application/json' },
    body: JSON.stringify({ firstname }),
  });
  return response.status;
}

async function scenario() {
  const client = new sdk.WazoApiClient({ server });
  const login = await client.auth.logIn({
    username: process.env.SDK_USERNAME!,
    password: process.env.SDK_PASSWORD!,
    expiration: 600,
  });
  client.setToken(login.token);
  const authenticated = await client.auth.authenticate(login.token);
  const user = await client.confd.getUser(login.uuid!);
  // What the SDK's own logIn does to fill `profile.sipLines`: the merged view of each line.
  const sipLines = await client.confd.getUserLinesSip(
    login.uuid!,
    user.lines.map((line) => line.id),
  );
  const socket = new sdk.WebSocketClient({ host: server, token: login.token, version: 2, events: ['*'] });
  const edited = waitFor<Record<string, unknown>>('user_edited', 30_000, (done) =>
    socket.on('user_edited', (event) => done(event as Record<string, unknown>)),
  );
  const initialized = waitFor('the websocket start', 30_000, (done) =>
    socket.on('initialized', () => done(true)),
  );
  socket.connect();
  await initialized;
  const editStatus = await editAsAdmin(login.uuid!, 'Edited');
  const event = await edited;
  socket.close(true);
  return {
    login: { uuid: login.uuid, tenantUuid: login.tenantUuid },
    authenticated: { uuid: authenticated.uuid, sameToken: authenticated.token === login.token },
    // Profile.parse keeps the user's uuid as `id`.
    user: { uuid: user.id, firstName: user.firstName, lastName: user.lastName },
    editStatus,
    event,
    sipLines: sipLines.map((line) => ({
      username: line.username,
      secret: line.secret,
      webrtc: line.isWebRtc(),
    })),
  };
}

let result: unknown;
try {
  result = { value: await scenario() };
} catch (error) {
  result = { error: String((error as Error).stack ?? error) };
}
// The SDK's timers and sockets would hold the process open: leave once written.
process.stdout.write(`${JSON.stringify({ result })}\n`, () => process.exit(0));
