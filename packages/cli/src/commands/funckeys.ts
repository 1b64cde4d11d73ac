/**
 * `wazo funckey ...`: wazo-confd's function keys. `template` manages templates (a PUT replaces
 * the name and every key, so `edit` keeps what it is not told to change); `list`, `set` and
 * `remove` work on the keys of a template (`--template`) or of a user (`--user`: its own keys,
 * listed with its template's); `associate`/`dissociate` give a user a template.
 */
import { Command, Option } from 'commander';
import { CliError, EXIT_USAGE } from '../core/errors.js';
import { type Column, printList, printNote, printRecord } from '../core/output.js';
import { act, type ResourceSpec, resourceCommand } from './crud.js';
import type { Io, Runtime } from './runtime.js';

interface Key {
  label: string | null;
  blf: boolean;
  inherited: boolean;
  destination: Record<string, unknown>;
}

/** `TYPE [name=value...]` as a destination: digits are numbers, as confd wants ids. */
export function parseDestination(type: string, parameters: string[]): Record<string, unknown> {
  const destination: Record<string, unknown> = { type };
  for (const pair of parameters) {
    const at = pair.indexOf('=');
    if (at <= 0) throw new CliError(`destination parameters are name=value, not "${pair}"`, EXIT_USAGE);
    const value = pair.slice(at + 1);
    destination[pair.slice(0, at)] =
      /^[0-9]+$/.test(value) && pair.slice(0, at) !== 'exten' ? Number(value) : value;
  }
  return destination;
}

/** A destination in one cell: its type and parameters, then the name of what it points at. */
function describe(destination: Record<string, unknown>): string {
  const { type, href: _href, ...rest } = destination;
  const parts = Object.entries(rest)
    .filter(([, v]) => v !== null && v !== undefined)
    .map(([k, v]) => `${k}=${v}`);
  return [type, ...parts].join(' ');
}

const KEY_COLUMNS: Column[] = [
  { name: 'position', value: (k) => (k as { position: string }).position },
  'label',
  'blf',
  'inherited',
  { name: 'destination', value: (k) => describe((k as Key).destination) },
];

function ownerOf(options: Record<string, unknown>): string {
  const { user, template } = options as { user?: string; template?: string };
  if ((user === undefined) === (template === undefined))
    throw new CliError('give one of --user or --template', EXIT_USAGE);
  return user !== undefined
    ? `/users/${encodeURIComponent(user)}/funckeys`
    : `/funckeys/templates/${encodeURIComponent(template!)}`;
}

const withOwner = (command: Command) =>
  command
    .addOption(new Option('--user <user>', "a user's keys (id or uuid)"))
    .addOption(new Option('--template <id>', "a template's keys"));

async function listKeys(rt: Runtime, path: string): Promise<void> {
  const body = (await (await rt.session()).call('confd', 'GET', path)) as { keys?: Record<string, Key> };
  const keys = Object.entries(body.keys ?? {}).map(([position, key]) => ({ position, ...key }));
  printList(rt.output, KEY_COLUMNS, keys);
}

const templateSpec: ResourceSpec = {
  noun: 'template',
  service: 'confd',
  path: '/funckeys/templates',
  idLabel: 'template id',
  columns: [
    'id',
    'name',
    { name: 'keys', value: (t) => Object.keys((t as { keys?: object }).keys ?? {}).length },
  ],
  recurse: true,
  fields: [{ key: 'name', description: 'display name' }],
  replaceOnEdit: ['name', 'keys'],
};

function templateCommand(io: Io): Command {
  return resourceCommand(io, templateSpec, 'function key templates (keys from --json-body)').addCommand(
    new Command('users')
      .description('list the users of a template')
      .argument('<id>', 'template id')
      .action(
        act(io, async (rt, [id]) => {
          const path = `/funckeys/templates/${encodeURIComponent(id!)}/users`;
          const body = (await (await rt.session()).call('confd', 'GET', path)) as { items?: unknown[] };
          printList(rt.output, ['user_id', 'template_id'], body.items ?? []);
        }),
      ),
  );
}

function associationCommand(io: Io, name: 'associate' | 'dissociate'): Command {
  const method = name === 'associate' ? 'PUT' : 'DELETE';
  return new Command(name)
    .description(name === 'associate' ? 'make a user use a template' : 'stop a user using a template')
    .argument('<user>', 'user id or uuid')
    .argument('<template>', 'template id')
    .action(
      act(io, async (rt, [user, template]) => {
        const path = `/users/${encodeURIComponent(user!)}/funckeys/templates/${encodeURIComponent(template!)}`;
        await (await rt.session()).call('confd', method, path);
        printNote(rt.output, `${name}d user ${user} and template ${template}`);
      }),
    );
}

export function funckeyCommand(io: Io): Command {
  return new Command('funckey')
    .description('function keys (wazo-confd)')
    .addCommand(
      new Command('destinations').description('list the destination types and their parameters').action(
        act(io, async (rt) => {
          const types = (await (
            await rt.session()
          ).call('confd', 'GET', '/funckeys/destinations')) as unknown[];
          const parameters = (t: unknown) =>
            (t as { parameters: { name: string; values?: string[] }[] }).parameters
              .map((p) => (p.values ? `${p.name}=${p.values.join('|')}` : p.name))
              .join(' ');
          printList(rt.output, ['type', { name: 'parameters', value: parameters }], types);
        }),
      ),
    )
    .addCommand(templateCommand(io))
    .addCommand(
      withOwner(new Command('list').description("list a user's or a template's keys")).action(
        act(io, (rt, _args, options) => listKeys(rt, ownerOf(options))),
      ),
    )
    .addCommand(
      withOwner(new Command('set').description('set the key at a position'))
        .argument('<position>', 'key position, from 1')
        .argument('<type>', 'destination type (see `wazo funckey destinations`)')
        .argument('[parameter...]', 'destination parameters, name=value (user_id=7, exten=*99)')
        .option('--label <text>', 'text shown on the phone')
        .option('--no-blf', 'do not light the key up')
        .action(
          act(io, async (rt, [position, type, ...parameters], options) => {
            const path = `${ownerOf(options)}/${encodeURIComponent(position!)}`;
            const body: Record<string, unknown> = {
              destination: parseDestination(type!, parameters),
              blf: options.blf,
            };
            if (options.label !== undefined) body.label = options.label;
            const session = await rt.session();
            await session.call('confd', 'PUT', path, { body });
            printRecord(rt.output, await session.call('confd', 'GET', path));
          }),
        ),
    )
    .addCommand(
      withOwner(new Command('remove').description('remove the key at a position'))
        .argument('<position>', 'key position')
        .action(
          act(io, async (rt, [position], options) => {
            await (await rt.session()).call(
              'confd',
              'DELETE',
              `${ownerOf(options)}/${encodeURIComponent(position!)}`,
            );
            printNote(rt.output, `removed key ${position}`);
          }),
        ),
    )
    .addCommand(associationCommand(io, 'associate'))
    .addCommand(associationCommand(io, 'dissociate'));
}
