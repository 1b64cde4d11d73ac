/** `wazo user ...`: wazo-confd's /users; `create --username --password` also makes its wazo-auth login. */
import type { Command } from 'commander';
import { usageError } from '../core/errors.js';
import { readSecretFromStdin } from '../core/prompt.js';
import { type ResourceSpec, resourceCommand } from './crud.js';
import type { Io } from './runtime.js';

const spec: ResourceSpec = {
  noun: 'user',
  service: 'confd',
  path: '/users',
  idLabel: 'user id or uuid',
  columns: ['id', 'uuid', 'firstname', 'lastname', 'email', 'enabled'],
  recurse: true,
  fields: [
    { key: 'firstname', description: 'first name (required on create)' },
    { key: 'lastname', description: 'last name' },
    { key: 'email', description: 'email address' },
    { key: 'mobile_phone_number', description: 'mobile number', value: 'number' },
    { key: 'caller_id', description: 'e.g. \'"Alice" <1000>\'' },
    { key: 'outgoing_caller_id', description: 'caller id for outgoing calls' },
    { key: 'language', description: 'e.g. en_US' },
    { key: 'timezone', description: 'e.g. Europe/Paris' },
    { key: 'description', description: 'free text' },
    { key: 'userfield', description: 'free text for integrations' },
    { key: 'ring_seconds', description: 'ring time, 0-10800', type: 'int' },
    { key: 'simultaneous_calls', description: '1-20', type: 'int' },
    { key: 'subscription_type', description: '0-10', type: 'int' },
    { key: 'enabled', description: 'true or false', type: 'bool' },
  ],
  extend(command: Command, mode) {
    if (mode !== 'create') return;
    command
      .option('--username <login>', 'also create the wazo-auth login (the `auth` object)')
      .option('--password-stdin', 'read the password of that login from standard input')
      .option('--password <password>', 'password of that login (visible in `ps`: prefer --password-stdin)')
      .option('--purpose <purpose>', 'login purpose: user, internal or external_api');
  },
  async shape(body, options, mode, io) {
    if (mode !== 'create' || options.username === undefined) {
      if (options.passwordStdin) throw usageError('--password-stdin needs --username');
      return body;
    }
    const auth: Record<string, unknown> = { username: options.username, firstname: body.firstname };
    const password = await passwordOf(io, options);
    if (password !== undefined) auth.password = password;
    if (body.lastname !== undefined) auth.lastname = body.lastname;
    if (body.email !== undefined) auth.email_address = body.email;
    if (options.purpose !== undefined) auth.purpose = options.purpose;
    return { ...body, auth: { ...auth, ...((body.auth as object | undefined) ?? {}) } };
  },
};

async function passwordOf(io: Io, options: Record<string, unknown>): Promise<string | undefined> {
  if (!options.passwordStdin) return options.password as string | undefined;
  if (options.password !== undefined) throw usageError('--password and --password-stdin: pick one');
  if (options.jsonBody === '-')
    throw usageError('--password-stdin and --json-body - both read standard input');
  return readSecretFromStdin(io.stdin, '--password-stdin');
}

export const userCommand = (io: Io) => resourceCommand(io, spec, 'users (wazo-confd)');
