/**
 * `wazo incall ...`: wazo-confd's /incalls (inbound routes), and `wazo incall extension add|remove
 * INCALL EXTENSION`, which gives an incall its number (an extension of an incall context) or takes
 * it back.
 */
import { Command } from 'commander';
import { printNote } from '../core/output.js';
import { type ResourceSpec, resourceCommand } from './crud.js';
import { parseDestination } from './funckeys.js';
import { type Io, runtimeOf } from './runtime.js';

/** A JSON object, or `TYPE [name=value...]` (`user user_id=3`, `none`). */
function destination(value: string): Record<string, unknown> {
  if (value.trim().startsWith('{')) return JSON.parse(value) as Record<string, unknown>;
  const [type, ...parameters] = value.trim().split(/\s+/);
  return parseDestination(type ?? '', parameters);
}

const describe = (d: unknown) => {
  const { type, ...rest } = (d ?? {}) as Record<string, unknown>;
  const details = Object.entries(rest)
    .filter(([, v]) => v !== null && v !== undefined)
    .map(([k, v]) => `${k}=${String(v)}`);
  return [type, ...details].join(' ');
};

const spec: ResourceSpec = {
  noun: 'incall',
  service: 'confd',
  path: '/incalls',
  idLabel: 'incall id',
  columns: [
    'id',
    {
      name: 'number',
      value: (i) =>
        ((i as { extensions?: { exten: string; context: string }[] }).extensions ?? [])
          .map((e) => `${e.exten}@${e.context}`)
          .join(', '),
    },
    { name: 'destination', value: (i) => describe((i as { destination?: unknown }).destination) },
    'description',
  ],
  filters: ['description', 'exten', 'user_id'],
  recurse: true,
  fields: [
    { key: 'description', description: 'free text', value: 'text' },
    { key: 'caller_id_mode', description: 'prepend, overwrite or append', value: 'mode' },
    { key: 'caller_id_name', description: 'name shown to the called', value: 'name' },
    { key: 'preprocess_subroutine', description: 'dialplan subroutine run first', value: 'name' },
    { key: 'greeting_sound', description: 'sound played first', value: 'sound' },
  ],
  extend(command: Command) {
    command.option(
      '--destination <dest>',
      'where calls go: a type and its parameters ("user user_id=3", "none") or a JSON object (required on create)',
    );
  },
  shape(body, options) {
    const shaped = { ...body };
    if (typeof options.destination === 'string') shaped.destination = destination(options.destination);
    return shaped;
  },
};

function extensionCommand(io: Io): Command {
  const action = (verb: 'add' | 'remove') =>
    new Command(verb)
      .description(
        verb === 'add' ? "make the extension the incall's number" : 'take the number back from the incall',
      )
      .argument('<incall>', 'incall id')
      .argument('<extension>', 'extension id')
      .action(async (incall: string, extension: string, _options: unknown, command: Command) => {
        const rt = runtimeOf(io, command);
        const session = await rt.session();
        const path = `/incalls/${encodeURIComponent(incall)}/extensions/${encodeURIComponent(extension)}`;
        await session.call('confd', verb === 'add' ? 'PUT' : 'DELETE', path);
        printNote(
          rt.output,
          `extension ${extension} ${verb === 'add' ? 'is the number of' : 'removed from'} incall ${incall}`,
        );
      });
  return new Command('extension')
    .description("an incall's number")
    .addCommand(action('add'))
    .addCommand(action('remove'));
}

export const incallCommand = (io: Io) =>
  resourceCommand(io, spec, 'incalls, inbound routes (wazo-confd)').addCommand(extensionCommand(io));
