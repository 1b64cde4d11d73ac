/**
 * `wazo endpoint sip|template|transport|custom|sccp ...`: wazo-confd's SIP endpoints, SIP
 * templates, PJSIP transports, custom and SCCP endpoints, and `wazo line ...`: its lines. Section
 * and SCCP options (`[key, value]` lists) come with `--json-body`.
 */
import { Command, InvalidArgumentError } from 'commander';
import { type ResourceSpec, resourceCommand } from './crud.js';
import type { Io } from './runtime.js';

const options = (o: unknown, key: string) => ((o as Record<string, unknown[] | undefined>)[key] ?? []).length;

const sipFields: ResourceSpec['fields'] = [
  { key: 'name', description: 'PJSIP section name (random when absent)', value: 'name' },
  { key: 'label', description: 'display name', value: 'label' },
  { key: 'asterisk_id', description: 'Asterisk server id', value: 'id' },
];

const sipColumns: ResourceSpec['columns'] = [
  'uuid',
  'name',
  'label',
  { name: 'endpoint options', value: (s) => options(s, 'endpoint_section_options') },
  { name: 'templates', value: (s) => options(s, 'templates') },
];

const sip: ResourceSpec = {
  noun: 'sip',
  service: 'confd',
  path: '/endpoints/sip',
  idLabel: 'uuid',
  columns: [
    ...sipColumns,
    { name: 'line', value: (s) => (s as { line?: { id: number } | null }).line?.id ?? '' },
  ],
  recurse: true,
  fields: sipFields,
};

const template: ResourceSpec = {
  noun: 'template',
  service: 'confd',
  path: '/endpoints/sip/templates',
  idLabel: 'uuid',
  columns: sipColumns,
  recurse: true,
  fields: sipFields,
};

const transport: ResourceSpec = {
  noun: 'transport',
  service: 'confd',
  path: '/sip/transports',
  idLabel: 'uuid',
  columns: ['uuid', 'name', { name: 'options', value: (t) => options(t, 'options') }],
  fields: [{ key: 'name', description: 'transport name (required on create)', value: 'name' }],
};

function collectOption(value: string, previous: [string, string][] = []): [string, string][] {
  const at = value.indexOf('=');
  if (at < 1) throw new InvalidArgumentError('expected key=value');
  return [...previous, [value.slice(0, at), value.slice(at + 1)]];
}

const lineOf = (e: unknown) => (e as { line?: { id: number } | null }).line?.id ?? '';

const custom: ResourceSpec = {
  noun: 'custom',
  service: 'confd',
  path: '/endpoints/custom',
  idLabel: 'id',
  columns: ['id', 'interface', 'interface_suffix', 'enabled', { name: 'line', value: lineOf }],
  recurse: true,
  fields: [
    { key: 'interface', description: 'dial string, e.g. dahdi/1 (required on create)', value: 'interface' },
    { key: 'interface_suffix', description: 'suffix of the dial string', value: 'suffix' },
    { key: 'enabled', description: 'true or false', type: 'bool' },
  ],
};

const sccp: ResourceSpec = {
  noun: 'sccp',
  service: 'confd',
  path: '/endpoints/sccp',
  idLabel: 'id',
  columns: [
    'id',
    {
      name: 'options',
      value: (e) => ((e as { options?: string[][] }).options ?? []).map(([k, v]) => `${k}=${v}`).join(' '),
    },
    { name: 'line', value: lineOf },
  ],
  recurse: true,
  fields: [],
  extend(command: Command) {
    command.option(
      '--option <key=value>',
      'an SCCP option: cid_name, cid_num, allow or disallow (repeatable; replaces allow and disallow)',
      collectOption,
    );
  },
  shape(body, options) {
    const given = options.option as [string, string][] | undefined;
    return given ? { ...body, options: given } : body;
  },
};

export const endpointCommand = (io: Io) =>
  new Command('endpoint')
    .description('SIP endpoints, templates and transports, custom and SCCP endpoints (wazo-confd)')
    .addCommand(resourceCommand(io, sip, 'SIP endpoints'))
    .addCommand(resourceCommand(io, template, 'SIP endpoint templates'))
    .addCommand(resourceCommand(io, transport, 'PJSIP transports'))
    .addCommand(resourceCommand(io, custom, 'custom endpoints'))
    .addCommand(resourceCommand(io, sccp, 'SCCP endpoints; options via --json-body'));

const line: ResourceSpec = {
  noun: 'line',
  service: 'confd',
  path: '/lines',
  idLabel: 'id',
  columns: ['id', 'name', 'protocol', 'context', 'provisioning_code', 'is_webrtc'],
  recurse: true,
  fields: [
    { key: 'context', description: 'context name (required on create)', value: 'name' },
    { key: 'position', description: 'device slot', type: 'int' },
    { key: 'provisioning_code', description: '6 digits (random when absent)', value: 'code' },
    { key: 'caller_id_name', description: 'caller id name', value: 'name' },
    { key: 'caller_id_num', description: 'caller id number', value: 'number' },
    { key: 'registrar', description: 'registrar id', value: 'id' },
  ],
};

export const lineCommand = (io: Io) =>
  resourceCommand(
    io,
    line,
    'lines (wazo-confd); endpoint_sip, endpoint_sccp or endpoint_custom via --json-body',
  );
