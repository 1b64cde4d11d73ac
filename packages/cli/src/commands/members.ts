/**
 * `wazo group member list|set|add|remove GROUP [USER...]`: a group's users, by uuid or id. Wazo's
 * PUT /groups/{id}/members/users replaces the whole list, so add and remove read it first and
 * keep the other members' priorities.
 */
import { Command } from 'commander';
import { printList, printNote } from '../core/output.js';
import type { Session } from '../core/session.js';
import { type Io, type Runtime, runtimeOf } from './runtime.js';

interface Member {
  uuid: string;
  firstname?: string;
  lastname?: string;
  priority: number;
}

const COLUMNS = ['uuid', 'firstname', 'lastname', 'priority'];
const groupPath = (group: string) => `/groups/${encodeURIComponent(group)}`;

async function membersOf(session: Session, group: string): Promise<Member[]> {
  const body = (await session.call('confd', 'GET', groupPath(group))) as { members?: { users?: Member[] } };
  return [...(body.members?.users ?? [])].sort((a, b) => a.priority - b.priority);
}

/** The body takes uuids; numeric ids are looked up (confd's /users/{id} takes both). */
async function uuidOf(session: Session, user: string): Promise<string> {
  if (!/^\d+$/.test(user)) return user;
  const found = (await session.call('confd', 'GET', `/users/${user}`)) as { uuid: string };
  return found.uuid;
}

async function replace(rt: Runtime, group: string, users: { uuid: string; priority: number }[]) {
  const session = await rt.session();
  await session.call('confd', 'PUT', `${groupPath(group)}/members/users`, { body: { users } });
  const members = await membersOf(session, group);
  if (rt.output.format === 'json') printList(rt.output, COLUMNS, members);
  else if (members.length === 0) printNote(rt.output, `group ${group} has no members`);
  else printList(rt.output, COLUMNS, members);
}

type Change = (current: Member[], given: string[]) => { uuid: string; priority: number }[];

const set: Change = (_current, given) => given.map((uuid, priority) => ({ uuid, priority }));

const add: Change = (current, given) => {
  let next = Math.max(-1, ...current.map((m) => m.priority)) + 1;
  const fresh = given.filter((uuid) => !current.some((m) => m.uuid === uuid));
  return [
    ...current.map(({ uuid, priority }) => ({ uuid, priority })),
    ...fresh.map((uuid) => ({ uuid, priority: next++ })),
  ];
};

const remove: Change = (current, given) =>
  current.filter((m) => !given.includes(m.uuid)).map(({ uuid, priority }) => ({ uuid, priority }));

function changeCommand(io: Io, name: string, description: string, change: Change, needsUsers: boolean) {
  return new Command(name)
    .description(description)
    .argument('<group>', 'group id or uuid')
    .argument(needsUsers ? '<user...>' : '[user...]', 'user uuids or ids')
    .action(async (group: string, users: string[], _options: unknown, command: Command) => {
      const rt = runtimeOf(io, command);
      const session = await rt.session();
      const uuids = await Promise.all(users.map((u) => uuidOf(session, u)));
      const current = change === set ? [] : await membersOf(session, group);
      await replace(rt, group, change(current, uuids));
    });
}

export function memberCommand(io: Io): Command {
  return new Command('member')
    .description("a group's users")
    .addCommand(
      new Command('list')
        .description('list the members by priority')
        .argument('<group>', 'group id or uuid')
        .action(async (group: string, _options: unknown, command: Command) => {
          const rt = runtimeOf(io, command);
          printList(rt.output, COLUMNS, await membersOf(await rt.session(), group));
        }),
    )
    .addCommand(
      changeCommand(io, 'set', 'make these users the members, in this order (none: empty it)', set, false),
    )
    .addCommand(changeCommand(io, 'add', 'add users after the current members', add, true))
    .addCommand(changeCommand(io, 'remove', 'remove users from the group', remove, true));
}
