/** `wazo voicemail ...`: wazo-confd's /voicemails. */
import { type ResourceSpec, resourceCommand } from './crud.js';
import type { Io } from './runtime.js';

const spec: ResourceSpec = {
  noun: 'voicemail',
  service: 'confd',
  path: '/voicemails',
  idLabel: 'voicemail id',
  columns: ['id', 'number', 'context', 'name', 'email', 'accesstype', 'enabled'],
  filters: ['number', 'context', 'accesstype'],
  recurse: true,
  fields: [
    { key: 'name', description: 'display name (required on create)', value: 'name' },
    { key: 'number', description: 'mailbox number, digits (required on create)', value: 'number' },
    { key: 'context', description: 'context name (required on create)', value: 'name' },
    { key: 'password', description: 'digits', value: 'digits' },
    { key: 'email', description: 'e-mail address for messages', value: 'address' },
    { key: 'pager', description: 'pager e-mail address', value: 'address' },
    { key: 'language', description: 'e.g. en_US', value: 'code' },
    { key: 'timezone', description: 'zone message name', value: 'name' },
    { key: 'max_messages', description: 'messages kept at most', type: 'int' },
    { key: 'attach_audio', description: 'attach the message to the e-mail', type: 'bool' },
    { key: 'delete_messages', description: 'delete once e-mailed', type: 'bool' },
    { key: 'ask_password', description: 'ask the password', type: 'bool' },
    { key: 'accesstype', description: 'personal or global', value: 'type' },
    { key: 'enabled', description: 'true or false', type: 'bool' },
  ],
};

export const voicemailCommand = (io: Io) => resourceCommand(io, spec, 'voicemails (wazo-confd)');
