/**
 * `wazo callfilter ...`: wazo-confd's /callfilters (boss/secretary), and
 * `wazo callfilter recipient|surrogate set FILTER [USER...]`, which replace that side's members
 * (Wazo's PUT replaces the whole list; none empties it).
 */
import { Command, Option } from 'commander';
import { printList, printNote } from '../core/output.js';
import type { Session } from '../core/session.js';
import { type ResourceSpec, resourceCommand } from './crud.js';
import { type Io, parseInteger, runtimeOf } from './runtime.js';

const count = (side: 'recipients' | 'surrogates') => (f: unknown) =>
  (f as Record<string, { users?: unknown[] }>)[side]?.users?.length ?? '';

const spec: ResourceSpec = {
  noun: 'callfilter',
  service: 'confd',
  path: '/callfilters',
  idLabel: 'call filter id',
  columns: [
    'id',
    'name',
    'strategy',
    'source',
    'enabled',
    { name: 'recipients', value: count('recipients') },
    { name: 'surrogates', value: count('surrogates') },
  ],
  filters: ['name', 'description'],
  recurse: true,
  fields: [
    { key: 'name', description: 'name, unique in the tenant (required on create)', value: 'name' },
    {
      key: 'strategy',
      description:
        'all-recipients-then-linear-surrogates, all-recipients-then-all-surrogates, all-surrogates-then-all-recipients, linear-surrogates-then-all-recipients or all (required on create)',
      value: 'strategy',
    },
    { key: 'source', description: 'internal, external or all (required on create)', value: 'source' },
    { key: 'surrogates_timeout', description: 'seconds the surrogates ring', type: 'int' },
    { key: 'caller_id_mode', description: 'prepend, overwrite or append', value: 'mode' },
    { key: 'caller_id_name', description: 'name shown to the called', value: 'name' },
    { key: 'description', description: 'free text', value: 'text' },
    { key: 'enabled', description: 'true or false', type: 'bool' },
  ],
};

const COLUMNS = ['uuid', 'firstname', 'lastname', 'timeout', 'member_id', 'exten'];

/** The body takes uuids; numeric ids are looked up (confd's /users/{id} takes both). */
async function uuidOf(session: Session, user: string): Promise<string> {
  if (!/^\d+$/.test(user)) return user;
  return ((await session.call('confd', 'GET', `/users/${user}`)) as { uuid: string }).uuid;
}

function sideCommand(io: Io, side: 'recipients' | 'surrogates'): Command {
  const noun = side === 'recipients' ? 'recipient' : 'surrogate';
  const set = new Command('set')
    .description(`make these users the filter's ${side} (none: remove them all)`)
    .argument('<filter>', 'call filter id')
    .argument('[user...]', 'user uuids or ids, in ringing order')
    .action(async (filter: string, users: string[], options: { timeout?: number }, command: Command) => {
      const rt = runtimeOf(io, command);
      const session = await rt.session();
      const path = `/callfilters/${encodeURIComponent(filter)}`;
      const uuids = await Promise.all(users.map((user) => uuidOf(session, user)));
      const body = uuids.map((uuid) =>
        side === 'recipients' ? { uuid, timeout: options.timeout ?? null } : { uuid },
      );
      await session.call('confd', 'PUT', `${path}/${side}/users`, { body: { users: body } });
      const read = (await session.call('confd', 'GET', path)) as Record<string, { users: unknown[] }>;
      const members = (read[side]?.users ?? []) as Record<string, unknown>[];
      if (members.length === 0 && rt.output.format !== 'json')
        printNote(rt.output, `call filter ${filter} has no ${side}`);
      else printList(rt.output, COLUMNS, members);
    });
  if (side === 'recipients')
    set.addOption(
      new Option('--timeout <seconds>', 'seconds the recipient rings').argParser(parseInteger('--timeout')),
    );
  return new Command(noun).description(`a call filter's ${side}`).addCommand(set);
}

export const callfilterCommand = (io: Io) =>
  resourceCommand(io, spec, 'call filters, boss/secretary (wazo-confd)')
    .addCommand(sideCommand(io, 'recipients'))
    .addCommand(sideCommand(io, 'surrogates'));
