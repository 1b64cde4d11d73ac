/**
 * `wazo presence [USER]` and `wazo chat ...`: wazo-chatd as the logged-in user sees it. A
 * presence is read (or, with --state/--status, set then read); rooms are listed and created,
 * messages sent, read and searched, all under /users/me as Wazo's apps do.
 */
import { Command, Option } from 'commander';
import { usageError } from '../core/errors.js';
import { type Column, printList, printNote, printRecord } from '../core/output.js';
import { type Io, parseInteger, runtimeOf } from './runtime.js';

interface List {
  items: Record<string, unknown>[];
  total: number;
}

const STATES = ['available', 'away', 'unavailable', 'invisible'];
const ROOM_COLUMNS: Column[] = [
  'uuid',
  'name',
  {
    name: 'users',
    value: (room) => ((room as { users: { uuid: string }[] }).users ?? []).map((u) => u.uuid),
  },
];
const MESSAGE_COLUMNS: Column[] = [
  'created_at',
  'user_uuid',
  'alias',
  'content',
  { name: 'room', value: (m) => (m as { room?: { uuid: string } }).room?.uuid },
];
const ROOMS = '/users/me/rooms';

export function presenceCommand(io: Io): Command {
  return new Command('presence')
    .description("show a user's presence (yours without USER); set it with --state and --status")
    .argument('[user]', 'user uuid (default: you)')
    .addOption(new Option('--state <state>', 'set the state').choices(STATES))
    .option('--status <text>', 'set the status text (with --state)')
    .action(
      async (user: string | undefined, options: { state?: string; status?: string }, command: Command) => {
        const rt = runtimeOf(io, command);
        const session = await rt.session();
        const path = `/users/${user ? encodeURIComponent(user) : 'me'}/presences`;
        if (options.status !== undefined && options.state === undefined)
          throw usageError('--status needs --state (Wazo sets both at once)');
        if (options.state !== undefined) {
          const body = {
            state: options.state,
            ...(options.status === undefined ? {} : { status: options.status }),
          };
          await session.call('chatd', 'PUT', path, { body });
        }
        printRecord(rt.output, await session.call('chatd', 'GET', path));
      },
    );
}

function roomsCommand(io: Io): Command {
  return new Command('rooms')
    .description('list your rooms')
    .option('--with <uuids>', 'only rooms holding these users too (comma-separated uuids)')
    .action(async (options: { with?: string }, command: Command) => {
      const rt = runtimeOf(io, command);
      const query = options.with ? { user_uuid: options.with } : {};
      const rooms = (await (await rt.session()).call('chatd', 'GET', ROOMS, { query })) as List;
      if (rooms.items.length === 0 && rt.output.format === 'table') printNote(rt.output, 'no rooms');
      else printList(rt.output, ROOM_COLUMNS, rooms.items, rooms.total);
    });
}

function createCommand(io: Io): Command {
  return new Command('create')
    .description('make a room with these users and you (the existing one when it is the same users)')
    .argument('<users...>', 'user uuids')
    .option('--name <name>', 'room name')
    .action(async (users: string[], options: { name?: string }, command: Command) => {
      const rt = runtimeOf(io, command);
      const body = {
        ...(options.name ? { name: options.name } : {}),
        users: users.map((uuid) => ({ uuid })),
      };
      const room = (await (await rt.session()).call('chatd', 'POST', ROOMS, { body })) as Record<
        string,
        unknown
      >;
      if (rt.output.format === 'json') printRecord(rt.output, room);
      else printList(rt.output, ROOM_COLUMNS, [room]);
    });
}

function sendCommand(io: Io): Command {
  return new Command('send')
    .description('send a message to a room')
    .argument('<room>', 'room uuid')
    .argument('<text>', 'the message')
    .option('--alias <name>', 'name shown for you (at most 256 characters)')
    .action(async (room: string, text: string, options: { alias?: string }, command: Command) => {
      const rt = runtimeOf(io, command);
      const body = { content: text, ...(options.alias ? { alias: options.alias } : {}) };
      const path = `${ROOMS}/${encodeURIComponent(room)}/messages`;
      printRecord(rt.output, await (await rt.session()).call('chatd', 'POST', path, { body }));
    });
}

interface ReadOptions {
  limit: number;
  search?: string;
  oldestFirst?: boolean;
}

function readCommand(io: Io): Command {
  return new Command('read')
    .description("a room's messages, newest first")
    .argument('<room>', 'room uuid')
    .option('--limit <n>', 'how many', parseInteger('--limit'), 20)
    .option('--search <words>', 'only messages holding these words, in this order')
    .option('--oldest-first', 'oldest first')
    .action(async (room: string, options: ReadOptions, command: Command) => {
      const rt = runtimeOf(io, command);
      const query = {
        limit: options.limit,
        search: options.search,
        direction: options.oldestFirst ? 'asc' : 'desc',
      };
      const path = `${ROOMS}/${encodeURIComponent(room)}/messages`;
      const page = (await (await rt.session()).call('chatd', 'GET', path, { query })) as List;
      printList(rt.output, MESSAGE_COLUMNS, page.items, page.total);
    });
}

function searchCommand(io: Io): Command {
  return new Command('search')
    .description('search the messages of all your rooms')
    .argument('<words>', 'words found in this order, any case and accent')
    .option('--limit <n>', 'how many', parseInteger('--limit'), 20)
    .action(async (words: string, options: { limit: number }, command: Command) => {
      const rt = runtimeOf(io, command);
      const query = { search: words, limit: options.limit };
      const page = (await (await rt.session()).call('chatd', 'GET', `${ROOMS}/messages`, { query })) as List;
      printList(rt.output, MESSAGE_COLUMNS, page.items, page.total);
    });
}

export function chatCommand(io: Io): Command {
  return new Command('chat')
    .description('rooms and messages (wazo-chatd), as the logged-in user')
    .addCommand(roomsCommand(io))
    .addCommand(createCommand(io))
    .addCommand(sendCommand(io))
    .addCommand(readCommand(io))
    .addCommand(searchCommand(io));
}
