/**
 * `wazo agent ...` (wazo-confd's /agents) and `wazo queue ...` (/queues), with a queue's members:
 * `wazo queue member add QUEUE --agent ID [--penalty N] [--priority N]` or `--user ID|UUID
 * [--priority N]`, `wazo queue member remove QUEUE --agent ID | --user ID|UUID`, and
 * `wazo queue member list QUEUE`. Each member call is one of Wazo's PUT/DELETE
 * `/queues/{id}/members/{agents|users}/{id}`.
 */
import { Command, Option } from 'commander';
import { usageError } from '../core/errors.js';
import { printList, printNote } from '../core/output.js';
import { type ResourceSpec, resourceCommand } from './crud.js';
import { type Io, parseInteger, type Runtime, runtimeOf } from './runtime.js';

const agentSpec: ResourceSpec = {
  noun: 'agent',
  service: 'confd',
  path: '/agents',
  idLabel: 'agent id',
  columns: [
    'id',
    'number',
    'firstname',
    'lastname',
    { name: 'queues', value: (a: unknown) => (a as { queues?: unknown[] }).queues?.length ?? '' },
  ],
  filters: ['number', 'firstname', 'lastname'],
  recurse: true,
  fields: [
    { key: 'number', description: 'digits, * or # (required on create; cannot change)', value: 'number' },
    { key: 'firstname', description: 'first name', value: 'name' },
    { key: 'lastname', description: 'last name', value: 'name' },
    { key: 'password', description: 'the agent password', value: 'password' },
    { key: 'language', description: 'e.g. en_US', value: 'language' },
    { key: 'preprocess_subroutine', description: 'dialplan subroutine', value: 'name' },
    { key: 'description', description: 'free text', value: 'text' },
  ],
};

const queueSpec: ResourceSpec = {
  noun: 'queue',
  service: 'confd',
  path: '/queues',
  idLabel: 'queue id',
  columns: [
    'id',
    'name',
    'label',
    'enabled',
    {
      name: 'agents',
      value: (q: unknown) => (q as { members?: { agents?: unknown[] } }).members?.agents?.length ?? '',
    },
    {
      name: 'users',
      value: (q: unknown) => (q as { members?: { users?: unknown[] } }).members?.users?.length ?? '',
    },
  ],
  filters: ['name', 'label'],
  recurse: true,
  fields: [
    {
      key: 'name',
      description: 'name, unique on the platform (required on create; cannot change)',
      value: 'name',
    },
    { key: 'label', description: 'label', value: 'label' },
    { key: 'timeout', description: 'seconds a call waits in the queue', type: 'int' },
    { key: 'music_on_hold', description: 'music on hold class', value: 'class' },
    { key: 'preprocess_subroutine', description: 'dialplan subroutine', value: 'name' },
    { key: 'caller_id_mode', description: 'prepend, overwrite or append', value: 'mode' },
    { key: 'caller_id_name', description: 'name shown to the called', value: 'name' },
    { key: 'wait_time_threshold', description: 'seconds before the wait-time destination', type: 'int' },
    { key: 'ignore_forward', description: 'true or false', type: 'bool' },
    { key: 'retry_on_timeout', description: 'true or false', type: 'bool' },
    { key: 'ring_on_hold', description: 'true or false', type: 'bool' },
    { key: 'mark_answered_elsewhere', description: 'true or false', type: 'bool' },
    { key: 'enabled', description: 'true or false', type: 'bool' },
  ],
};

const MEMBER_COLUMNS = ['kind', 'id', 'uuid', 'number', 'firstname', 'lastname', 'penalty', 'priority'];

interface MemberOptions {
  agent?: number;
  user?: string;
  penalty?: number;
  priority?: number;
}

async function printMembers(rt: Runtime, queue: string): Promise<void> {
  const session = await rt.session();
  const read = (await session.call('confd', 'GET', `/queues/${encodeURIComponent(queue)}`)) as {
    members?: { agents?: Record<string, unknown>[]; users?: Record<string, unknown>[] };
  };
  const members = [
    ...(read.members?.agents ?? []).map((agent) => ({ kind: 'agent', ...agent })),
    ...(read.members?.users ?? []).map((user) => ({ kind: 'user', ...user })),
  ];
  if (members.length === 0 && rt.output.format !== 'json')
    printNote(rt.output, `queue ${queue} has no members`);
  else printList(rt.output, MEMBER_COLUMNS, members);
}

/** `/members/agents/{id}` or `/members/users/{id or uuid}`: exactly one of --agent and --user. */
function memberPath(queue: string, options: MemberOptions): string {
  if ((options.agent === undefined) === (options.user === undefined))
    throw usageError('give one of --agent and --user');
  const base = `/queues/${encodeURIComponent(queue)}/members`;
  return options.agent !== undefined
    ? `${base}/agents/${options.agent}`
    : `${base}/users/${encodeURIComponent(String(options.user))}`;
}

function memberOptions(command: Command): Command {
  return command
    .addOption(new Option('--agent <id>', 'an agent id').argParser(parseInteger('--agent')))
    .option('--user <id or uuid>', 'a user (it needs a line)');
}

function memberCommand(io: Io): Command {
  const list = new Command('list')
    .description("the queue's agents and users")
    .argument('<queue>', 'queue id')
    .action(async (queue: string, _options: unknown, command: Command) =>
      printMembers(runtimeOf(io, command), queue),
    );
  const add = memberOptions(
    new Command('add')
      .description('make an agent or a user a member (again: change its values)')
      .argument('<queue>', 'queue id'),
  )
    .addOption(new Option('--penalty <n>', "an agent's penalty (0)").argParser(parseInteger('--penalty')))
    .addOption(new Option('--priority <n>', 'priority (0)').argParser(parseInteger('--priority')))
    .action(async (queue: string, options: MemberOptions, command: Command) => {
      const rt = runtimeOf(io, command);
      const path = memberPath(queue, options);
      const body: Record<string, number> = {};
      if (options.penalty !== undefined) {
        if (options.agent === undefined) throw usageError('--penalty is for an agent');
        body.penalty = options.penalty;
      }
      if (options.priority !== undefined) body.priority = options.priority;
      await (await rt.session()).call('confd', 'PUT', path, { body });
      await printMembers(rt, queue);
    });
  const remove = memberOptions(
    new Command('remove')
      .description('take an agent or a user out of the queue')
      .argument('<queue>', 'queue id'),
  ).action(async (queue: string, options: MemberOptions, command: Command) => {
    const rt = runtimeOf(io, command);
    await (await rt.session()).call('confd', 'DELETE', memberPath(queue, options));
    await printMembers(rt, queue);
  });
  return new Command('member')
    .description("a queue's members")
    .addCommand(list)
    .addCommand(add)
    .addCommand(remove);
}

export const agentCommand = (io: Io) => resourceCommand(io, agentSpec, 'call-center agents (wazo-confd)');

export const queueCommand = (io: Io) =>
  resourceCommand(io, queueSpec, 'call queues (wazo-confd)').addCommand(memberCommand(io));
