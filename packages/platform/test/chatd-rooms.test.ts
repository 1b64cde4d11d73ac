/**
 * Issue #20's rooms end to end: two PBX users of one tenant, each with @wazo/sdk 0.44.7 unpatched
 * and its WebSocketClient, chat in a room through the platform's gateway (/api/chatd/1.0); each
 * receives the room and the other's messages as chatd events on websocketd. A user of another
 * tenant cannot be put in the room nor read it; an oversize message is refused.
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { type PlatformProcess, startPlatformProcess } from './support/platform-process.js';
import { type Caller, type SdkRemote, startSdkRemote } from './support/sdk-remote.js';

type Row = Record<string, unknown>;
interface Session {
  token: string;
  uuid: string;
  tenantUuid: string;
}

const ROOM_EVENTS = ['chatd_user_room_created', 'chatd_user_room_message_created'];
const uniq = (prefix: string) => `${prefix}-${Math.random().toString(36).slice(2, 8)}`;

let dataDir: string;
let platform: PlatformProcess;
let sdk: SdkRemote;
let admin: Caller;

before(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'wazo-chatd-rooms-'));
  platform = await startPlatformProcess({ dataDir });
  sdk = await startSdkRemote(platform);
  const session = await sdk.call<Session>({}, 'auth.logIn', { ...(await platform.admin()), expiration: 600 });
  admin = { token: session.token };
});
after(async () => {
  await sdk?.stop();
  const code = await platform?.stop('SIGINT');
  assert.equal(code, 0, platform?.output());
  await rm(dataDir, { recursive: true, force: true });
});

/** A PBX user made in confd (wazo-auth account included), logged in through the SDK. */
async function pbxUser(firstname: string, tenant?: string): Promise<Session & { caller: Caller }> {
  const username = uniq(firstname.toLowerCase());
  const caller = tenant ? { ...admin, tenant } : admin;
  await sdk.request<Row>(caller, 'post', 'confd/1.1/users', {
    firstname,
    auth: { username, password: 'chat-pass-1' },
  });
  const session = await sdk.call<Session>({}, 'auth.logIn', {
    username,
    password: 'chat-pass-1',
    expiration: 600,
  });
  await knownToChatd(session.uuid);
  return { ...session, caller: { token: session.token } };
}

/** chatd learns users from confd's user_created: wait until its presence answers for the user. */
async function knownToChatd(uuid: string): Promise<void> {
  for (let attempt = 0; attempt < 200; attempt += 1) {
    const status = await sdk
      .request(admin, 'get', `chatd/1.0/users/${uuid}/presences`)
      .then(() => 200)
      .catch(() => 404);
    if (status === 200) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`chatd never learnt user ${uuid}`);
}

describe('two SDK users chat in a room', () => {
  let alice: Awaited<ReturnType<typeof pbxUser>>;
  let bob: Awaited<ReturnType<typeof pbxUser>>;
  let aliceSocket: number;
  let bobSocket: number;
  let room: Row;

  before(async () => {
    [alice, bob] = [await pbxUser('Alice'), await pbxUser('Bob')];
    const open = async (token: string) => {
      const { socket } = await sdk.openSocket({
        token,
        version: 2,
        events: ROOM_EVENTS,
        listen: ROOM_EVENTS,
      });
      assert.ok(socket);
      return socket;
    };
    [aliceSocket, bobSocket] = [await open(alice.token), await open(bob.token)];
  });
  after(async () => {
    await sdk.closeSocket(aliceSocket);
    await sdk.closeSocket(bobSocket);
  });

  it('when alice makes a room with bob, then both sockets get chatd_user_room_created', async () => {
    room = await sdk.call<Row>(alice.caller, 'chatd.createRoom', 'lunch', [{ uuid: bob.uuid }]);
    assert.equal(room.name, 'lunch');
    const members = (room.users as Row[]).map((u) => u.uuid).sort();
    assert.deepEqual(members, [alice.uuid, bob.uuid].sort());
    for (const socket of [aliceSocket, bobSocket]) {
      const event = await sdk.nextEvent(socket, 'chatd_user_room_created', { uuid: room.uuid });
      assert.deepEqual(((event.data as Row).users as Row[]).map((u) => u.uuid).sort(), members);
    }
    const rooms = await sdk.call<Row[]>(bob.caller, 'chatd.getUserRooms');
    assert.deepEqual(
      rooms.map((r) => r.uuid),
      [room.uuid],
    );
  });

  it('when each sends a message, then the other receives it on the websocket, and the room lists both', async () => {
    const hello = await sdk.call<Row>(alice.caller, 'chatd.sendRoomMessage', room.uuid, {
      content: 'hello bob',
      alias: 'Alice',
    });
    assert.equal(hello.userUuid, alice.uuid);
    assert.equal(hello.roomUuid, room.uuid);
    const atBob = await sdk.nextEvent(bobSocket, 'chatd_user_room_message_created', { uuid: hello.uuid });
    assert.deepEqual(
      [(atBob.data as Row).content, (atBob.data as Row).user_uuid, (atBob.data as Row).alias],
      ['hello bob', alice.uuid, 'Alice'],
    );
    const reply = await sdk.call<Row>(bob.caller, 'chatd.sendRoomMessage', room.uuid, {
      content: 'hi alice',
    });
    const atAlice = await sdk.nextEvent(aliceSocket, 'chatd_user_room_message_created', { uuid: reply.uuid });
    assert.deepEqual((atAlice.data as Row).room, { uuid: room.uuid });
    const history = await sdk.call<Row[]>(bob.caller, 'chatd.getRoomMessages', room.uuid, {
      direction: 'asc',
    });
    assert.deepEqual(
      history.map((m) => m.content),
      ['hello bob', 'hi alice'],
    );
    const found = await sdk.call<{ items: Row[]; filtered: number }>(alice.caller, 'chatd.getMessages', {
      search: 'BOB',
    });
    assert.deepEqual(
      found.items.map((m) => m.content),
      ['hello bob'],
    );
  });

  it('when a message is longer than the bound, then 400 and nobody hears of it', async () => {
    const error = await sdk.fails(alice.caller, 'chatd.sendRoomMessage', room.uuid, {
      content: 'x'.repeat(10_001),
    });
    assert.deepEqual([error.class, error.status], ['BadResponse', 400]);
    const history = await sdk.call<Row[]>(alice.caller, 'chatd.getRoomMessages', room.uuid);
    assert.equal(history.length, 2);
  });

  it('when a user of another tenant is asked in, or reads the room, then refused', async () => {
    const other = String((await sdk.call<Row>(admin, 'auth.createTenant', uniq('Other'))).uuid);
    const carol = await pbxUser('Carol', other);
    const refused = await sdk.fails(alice.caller, 'chatd.createRoom', 'spy', [{ uuid: carol.uuid }]);
    assert.deepEqual([refused.class, refused.status], ['BadResponse', 400]);
    const read = await sdk.fails(carol.caller, 'chatd.getRoomMessages', room.uuid);
    assert.deepEqual([read.class, read.status], ['BadResponse', 404]);
    const write = await sdk.fails(carol.caller, 'chatd.sendRoomMessage', room.uuid, { content: 'psst' });
    assert.deepEqual([write.class, write.status], ['BadResponse', 404]);
    assert.deepEqual(await sdk.call<Row[]>(carol.caller, 'chatd.getUserRooms'), []);
  });
});
