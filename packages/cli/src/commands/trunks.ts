/**
 * `wazo trunk ...`: wazo-confd's /trunks, and `wazo trunk endpoint set|unset TRUNK sip|iax|custom
 * KEY` for the trunk's endpoint. `wazo outcall ...`: wazo-confd's /outcalls, with
 * `wazo outcall trunks set OUTCALL [TRUNK...]` (the ordered list, replaced whole) and
 * `wazo outcall extension add|remove OUTCALL EXTENSION` (with the dial pattern's rewriting flags).
 */
import { Argument, Command } from 'commander';
import { printList, printNote, printRecord } from '../core/output.js';
import { type ResourceSpec, resourceCommand } from './crud.js';
import { type Io, parseInteger, runtimeOf } from './runtime.js';

type Item = Record<string, unknown>;
const endpointName = (t: unknown) => {
  const trunk = t as Record<string, Item | null>;
  const endpoint = trunk.endpoint_sip ?? trunk.endpoint_iax ?? trunk.endpoint_custom;
  return (endpoint?.name ?? endpoint?.interface ?? '') as string;
};
const protocolOf = (t: unknown) => {
  const trunk = t as Record<string, unknown>;
  return trunk.endpoint_sip ? 'sip' : trunk.endpoint_iax ? 'iax' : trunk.endpoint_custom ? 'custom' : '';
};

const trunkSpec: ResourceSpec = {
  noun: 'trunk',
  service: 'confd',
  path: '/trunks',
  idLabel: 'trunk id',
  columns: [
    'id',
    { name: 'protocol', value: protocolOf },
    { name: 'endpoint', value: endpointName },
    'context',
    'outgoing_caller_id_format',
    { name: 'outcalls', value: (t) => ((t as { outcalls?: unknown[] }).outcalls ?? []).length },
  ],
  filters: ['context', 'name', 'label'],
  recurse: true,
  fields: [
    { key: 'context', description: 'context incoming calls enter', value: 'name' },
    { key: 'twilio_incoming', description: 'true or false', type: 'bool' },
    {
      key: 'outgoing_caller_id_format',
      description: '+E164, E164 or national (default +E164)',
      value: 'format',
    },
  ],
};

const outcallSpec: ResourceSpec = {
  noun: 'outcall',
  service: 'confd',
  path: '/outcalls',
  idLabel: 'outcall id',
  columns: [
    'id',
    'name',
    'enabled',
    { name: 'trunks', value: (o) => ((o as { trunks?: Item[] }).trunks ?? []).map((t) => t.id).join(',') },
    {
      name: 'extensions',
      value: (o) => ((o as { extensions?: Item[] }).extensions ?? []).map((e) => e.exten).join(','),
    },
  ],
  filters: ['name', 'description'],
  recurse: true,
  fields: [
    { key: 'name', description: 'name, unique on the platform (required on create)', value: 'name' },
    { key: 'internal_caller_id', description: "true: show the caller's internal caller id", type: 'bool' },
    { key: 'preprocess_subroutine', description: 'dialplan subroutine run first', value: 'name' },
    { key: 'ring_time', description: 'seconds before giving up (0: no limit)', type: 'int' },
    { key: 'description', description: 'free text', value: 'text' },
    { key: 'enabled', description: 'true or false', type: 'bool' },
  ],
};

function trunkEndpointCommand(io: Io): Command {
  const kind = new Argument('<kind>', 'sip, iax or custom').choices(['sip', 'iax', 'custom']);
  const run = (method: 'PUT' | 'DELETE', verb: string) =>
    new Command(method === 'PUT' ? 'set' : 'unset')
      .description(`${verb} the trunk's endpoint`)
      .argument('<trunk>', 'trunk id')
      .addArgument(kind)
      .argument('<endpoint>', 'SIP endpoint uuid, or IAX or custom endpoint id')
      .action(
        async (trunk: string, protocol: string, endpoint: string, _options: unknown, command: Command) => {
          const rt = runtimeOf(io, command);
          const session = await rt.session();
          const path = `/trunks/${encodeURIComponent(trunk)}`;
          await session.call(
            'confd',
            method,
            `${path}/endpoints/${protocol}/${encodeURIComponent(endpoint)}`,
          );
          printRecord(rt.output, await session.call('confd', 'GET', path));
        },
      );
  return new Command('endpoint')
    .description("a trunk's endpoint (SIP, IAX or custom)")
    .addCommand(run('PUT', 'give'))
    .addCommand(run('DELETE', 'take away'));
}

const TRUNK_COLUMNS = [
  'id',
  { name: 'protocol', value: protocolOf },
  { name: 'endpoint', value: endpointName },
];
const EXTENSION_COLUMNS = [
  'id',
  'exten',
  'context',
  'external_prefix',
  'prefix',
  'strip_digits',
  'caller_id',
];

function outcallTrunksCommand(io: Io): Command {
  const set = new Command('set')
    .description("make these trunks the outcall's, tried in this order (none: remove them all)")
    .argument('<outcall>', 'outcall id')
    .argument('[trunk...]', 'trunk ids, in order')
    .action(async (outcall: string, trunks: string[], _options: unknown, command: Command) => {
      const rt = runtimeOf(io, command);
      const session = await rt.session();
      const path = `/outcalls/${encodeURIComponent(outcall)}`;
      const body = { trunks: trunks.map((id) => ({ id: parseInteger('trunk')(id) })) };
      await session.call('confd', 'PUT', `${path}/trunks`, { body });
      const read = (await session.call('confd', 'GET', path)) as { trunks: Item[] };
      if (read.trunks.length === 0 && rt.output.format !== 'json')
        printNote(rt.output, `outcall ${outcall} has no trunks`);
      else printList(rt.output, TRUNK_COLUMNS, read.trunks);
    });
  return new Command('trunks').description("an outcall's trunks").addCommand(set);
}

function outcallExtensionCommand(io: Io): Command {
  const add = new Command('add')
    .description('make the extension (of an outcall context) select the outcall, or change its rewriting')
    .argument('<outcall>', 'outcall id')
    .argument('<extension>', 'extension id')
    .option('--caller-id <text>', 'caller id shown on the outgoing call')
    .option('--external-prefix <digits>', 'prefix dialled to reach the outside')
    .option('--prefix <digits>', 'digits added in front of the number')
    .option('--strip-digits <n>', 'leading digits removed from the number', parseInteger('--strip-digits'))
    .action(
      async (outcall: string, extension: string, options: Record<string, unknown>, command: Command) => {
        const rt = runtimeOf(io, command);
        const session = await rt.session();
        const path = `/outcalls/${encodeURIComponent(outcall)}`;
        const body: Item = {};
        if (options.callerId !== undefined) body.caller_id = options.callerId;
        if (options.externalPrefix !== undefined) body.external_prefix = options.externalPrefix;
        if (options.prefix !== undefined) body.prefix = options.prefix;
        if (options.stripDigits !== undefined) body.strip_digits = options.stripDigits;
        await session.call('confd', 'PUT', `${path}/extensions/${encodeURIComponent(extension)}`, { body });
        const read = (await session.call('confd', 'GET', path)) as { extensions: Item[] };
        printList(rt.output, EXTENSION_COLUMNS, read.extensions);
      },
    );
  const remove = new Command('remove')
    .description('the extension no longer selects the outcall')
    .argument('<outcall>', 'outcall id')
    .argument('<extension>', 'extension id')
    .action(async (outcall: string, extension: string, _options: unknown, command: Command) => {
      const rt = runtimeOf(io, command);
      const session = await rt.session();
      const path = `/outcalls/${encodeURIComponent(outcall)}`;
      await session.call('confd', 'DELETE', `${path}/extensions/${encodeURIComponent(extension)}`);
      const read = (await session.call('confd', 'GET', path)) as { extensions: Item[] };
      if (read.extensions.length === 0 && rt.output.format !== 'json')
        printNote(rt.output, `outcall ${outcall} has no extensions`);
      else printList(rt.output, EXTENSION_COLUMNS, read.extensions);
    });
  return new Command('extension').description("an outcall's extensions").addCommand(add).addCommand(remove);
}

export const trunkCommand = (io: Io) =>
  resourceCommand(io, trunkSpec, 'trunks to other networks (wazo-confd)').addCommand(
    trunkEndpointCommand(io),
  );

export const outcallCommand = (io: Io) =>
  resourceCommand(io, outcallSpec, 'outgoing call routes (wazo-confd)')
    .addCommand(outcallTrunksCommand(io))
    .addCommand(outcallExtensionCommand(io));
