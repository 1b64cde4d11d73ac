/**
 * `wazo endpoint sip|template|transport ...`: wazo-confd's SIP endpoints, SIP templates and PJSIP
 * transports, and `wazo line ...`: its lines. Section options (`[key, value]` lists) come with
 * `--json-body`.
 */
import { Command } from 'commander';
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

export const endpointCommand = (io: Io) =>
  new Command('endpoint')
    .description('SIP endpoints, templates and transports (wazo-confd)')
    .addCommand(resourceCommand(io, sip, 'SIP endpoints'))
    .addCommand(resourceCommand(io, template, 'SIP endpoint templates'))
    .addCommand(resourceCommand(io, transport, 'PJSIP transports'));

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
  resourceCommand(io, line, 'lines (wazo-confd); endpoint_sip via --json-body');
