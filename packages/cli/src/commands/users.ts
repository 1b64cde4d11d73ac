/**
 * `wazo user ...`: wazo-confd's /users; `create --username --password` also makes its wazo-auth
 * login; `import FILE` and `export` are Wazo's users CSV (`POST|PUT /users/import`,
 * `GET /users/export`).
 */
import { readFile, writeFile } from 'node:fs/promises';
import { Command } from 'commander';
import { CliError, usageError } from '../core/errors.js';
import { printList } from '../core/output.js';
import { readSecretFromStdin } from '../core/prompt.js';
import { type ResourceSpec, resourceCommand } from './crud.js';
import { type Io, runtimeOf } from './runtime.js';

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

const IMPORTED_COLUMNS = ['row_number', 'user_id', 'user_uuid', 'line_id', 'extension_id', 'voicemail_id'];

async function readText(io: Io, file: string): Promise<string> {
  try {
    if (file !== '-') return await readFile(file, 'utf8');
    let text = '';
    for await (const chunk of io.stdin) text += String(chunk);
    return text;
  } catch (error) {
    throw new CliError(`cannot read ${file}: ${(error as Error).message}`);
  }
}

function importCommand(io: Io): Command {
  return new Command('import')
    .description("create users from Wazo's users CSV (`-` reads standard input); all rows or none")
    .argument('<file>', 'the CSV file')
    .option('--update', 'update the users named in its `uuid` column instead (PUT)')
    .action(async (file: string, options: { update?: boolean }, command: Command) => {
      const runtime = runtimeOf(io, command);
      const csv = await readText(io, file);
      const session = await runtime.session();
      const answer = (await session.call('confd', options.update ? 'PUT' : 'POST', '/users/import', {
        csv,
      })) as Record<string, unknown[]>;
      const rows = answer[options.update ? 'updated' : 'created'] ?? [];
      printList(runtime.output, IMPORTED_COLUMNS, rows, rows.length);
    });
}

function exportCommand(io: Io): Command {
  return new Command('export')
    .description("the tenant's users as Wazo's users CSV, on standard output")
    .option('-f, --file <file>', 'write the CSV to this file exactly as received (CRLF line ends)')
    .action(async (options: { file?: string }, command: Command) => {
      const runtime = runtimeOf(io, command);
      const session = await runtime.session();
      const csv = (await session.call('confd', 'GET', '/users/export', { text: true })) as string;
      if (options.file === undefined) {
        // Standard output escapes control characters (a terminal may show it): LF line ends.
        io.stdout.write(csv.replaceAll('\r\n', '\n'));
        return;
      }
      try {
        await writeFile(options.file, csv, { mode: 0o600 });
      } catch (error) {
        throw new CliError(`cannot write ${options.file}: ${(error as Error).message}`);
      }
    });
}

export const userCommand = (io: Io) =>
  resourceCommand(io, spec, 'users (wazo-confd)').addCommand(importCommand(io)).addCommand(exportCommand(io));
