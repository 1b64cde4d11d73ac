/**
 * list / show / create / edit / delete for one Wazo resource, from a description of it: where it
 * lives, its table columns, and the fields its flags set. Edits send only what changed where the
 * service merges (confd), and the whole merged object where PUT replaces (wazo-auth's tenants).
 */
import { Command, Option } from 'commander';
import { type Column, printList, printNote, printRecord } from '../core/output.js';
import type { Query, Service } from '../core/session.js';
import {
  type Io,
  parseBoolean,
  parseInteger,
  parseList,
  type Runtime,
  readJsonBody,
  runtimeOf,
} from './runtime.js';

export interface Field {
  /** Body key, e.g. `ring_strategy`; the flag is `--ring-strategy`. */
  key: string;
  description: string;
  type?: 'string' | 'int' | 'bool' | 'list';
  /** Value name in help. */
  value?: string;
}

export interface ResourceSpec {
  noun: string;
  service: Service;
  path: string;
  /** `uuid` or `id` (or `id or uuid`), for help. */
  idLabel: string;
  columns: Column[];
  fields: Field[];
  /** Exact-match list filters offered as flags (`--username`...). */
  filters?: string[];
  recurse?: boolean;
  /** PUT replaces the resource: send the current one with these keys changed. */
  replaceOnEdit?: string[];
  /** Flags beyond `fields` (users' `--username`, schedules' `--open`)... */
  extend?(command: Command, mode: Mode): void;
  /** ...and how they shape the body (may read standard input: `--password-stdin`). */
  shape?(
    body: Record<string, unknown>,
    options: Record<string, unknown>,
    mode: Mode,
    io: Io,
  ): Record<string, unknown> | Promise<Record<string, unknown>>;
}

export type Mode = 'create' | 'edit';

const camel = (key: string) => key.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
const flagOf = (key: string) => `--${key.replace(/_/g, '-')}`;

function addFields(command: Command, fields: Field[]): Command {
  for (const field of fields) {
    const flag = `${flagOf(field.key)} <${field.value ?? field.type ?? 'value'}>`;
    const option = new Option(flag, field.description);
    if (field.type === 'int') option.argParser(parseInteger(flagOf(field.key)));
    if (field.type === 'bool') option.argParser(parseBoolean(flagOf(field.key)));
    if (field.type === 'list') option.argParser(parseList);
    command.addOption(option);
  }
  return command.option('--json-body <file>', 'take the body from a JSON file (- for stdin); flags win');
}

async function bodyOf(io: Io, fields: Field[], options: Record<string, unknown>) {
  const body: Record<string, unknown> = options.jsonBody
    ? await readJsonBody(io, String(options.jsonBody))
    : {};
  for (const field of fields) {
    const value = options[camel(field.key)];
    if (value !== undefined) body[field.key] = value;
  }
  return body;
}

type Action = (rt: Runtime, args: string[], options: Record<string, unknown>) => Promise<void>;

/** A commander action from `(runtime, positional arguments, options)`. */
export function act(io: Io, action: Action) {
  return async (...params: unknown[]) => {
    const command = params[params.length - 1] as Command;
    const options = params[params.length - 2] as Record<string, unknown>;
    const args = params.slice(0, -2).flat() as string[];
    await action(runtimeOf(io, command), args, options);
  };
}

function listCommand(io: Io, spec: ResourceSpec): Command {
  const command = new Command('list')
    .description(`list ${spec.noun}s`)
    .option('--search <text>', 'search the usual text fields')
    .option('--limit <n>', 'at most n items', parseInteger('--limit'))
    .option('--offset <n>', 'skip n items', parseInteger('--offset'))
    .option('--order <field>', 'sort by this field')
    .option('--direction <dir>', 'asc or desc')
    .option('--filter <key=value...>', 'any other query parameter the API takes');
  if (spec.recurse) command.option('--recurse', 'include sub-tenants');
  for (const filter of spec.filters ?? [])
    command.option(`${flagOf(filter)} <value>`, `only where ${filter} is this`);
  return command.action(
    act(io, async (rt, _args, options) => {
      const query: Query = {};
      for (const key of [
        'search',
        'limit',
        'offset',
        'order',
        'direction',
        'recurse',
        ...(spec.filters ?? []),
      ])
        if (options[camel(key)] !== undefined) query[key] = options[camel(key)] as string;
      for (const pair of (options.filter as string[] | undefined) ?? []) {
        const at = pair.indexOf('=');
        if (at > 0) query[pair.slice(0, at)] = pair.slice(at + 1);
      }
      const body = (await (await rt.session()).call(spec.service, 'GET', spec.path, { query })) as {
        items?: unknown[];
        total?: number;
      };
      printList(rt.output, spec.columns, body.items ?? [], body.total);
    }),
  );
}

function itemPath(spec: ResourceSpec, id: string): string {
  return `${spec.path}/${encodeURIComponent(id)}`;
}

function showCommand(io: Io, spec: ResourceSpec): Command {
  return new Command('show')
    .description(`show one ${spec.noun}`)
    .argument('<id>', spec.idLabel)
    .action(
      act(io, async (rt, [id]) => {
        printRecord(rt.output, await (await rt.session()).call(spec.service, 'GET', itemPath(spec, id!)));
      }),
    );
}

function createCommand(io: Io, spec: ResourceSpec): Command {
  const command = addFields(new Command('create').description(`create a ${spec.noun}`), spec.fields);
  spec.extend?.(command, 'create');
  return command.action(
    act(io, async (rt, _args, options) => {
      const fields = await bodyOf(io, spec.fields, options);
      const body = spec.shape ? await spec.shape(fields, options, 'create', io) : fields;
      printRecord(rt.output, await (await rt.session()).call(spec.service, 'POST', spec.path, { body }));
    }),
  );
}

function editCommand(io: Io, spec: ResourceSpec): Command {
  const command = addFields(new Command('edit').description(`change fields of a ${spec.noun}`), spec.fields);
  spec.extend?.(command, 'edit');
  return command.argument('<id>', spec.idLabel).action(
    act(io, async (rt, [id], options) => {
      const session = await rt.session();
      const fields = await bodyOf(io, spec.fields, options);
      const changes = spec.shape ? await spec.shape(fields, options, 'edit', io) : fields;
      let body = changes;
      if (spec.replaceOnEdit) {
        const current = (await session.call(spec.service, 'GET', itemPath(spec, id!))) as Record<
          string,
          unknown
        >;
        const kept = Object.fromEntries(
          spec.replaceOnEdit.filter((k) => k in current).map((k) => [k, current[k]]),
        );
        body = { ...kept, ...changes };
      }
      await session.call(spec.service, 'PUT', itemPath(spec, id!), { body });
      printRecord(rt.output, await session.call(spec.service, 'GET', itemPath(spec, id!)));
    }),
  );
}

function deleteCommand(io: Io, spec: ResourceSpec): Command {
  return new Command('delete')
    .description(`delete ${spec.noun}s`)
    .argument('<id...>', spec.idLabel)
    .action(
      act(io, async (rt, ids) => {
        const session = await rt.session();
        for (const id of ids) {
          await session.call(spec.service, 'DELETE', itemPath(spec, id));
          printNote(rt.output, `deleted ${spec.noun} ${id}`);
        }
      }),
    );
}

export function resourceCommand(io: Io, spec: ResourceSpec, description: string): Command {
  return new Command(spec.noun)
    .description(description)
    .addCommand(listCommand(io, spec))
    .addCommand(showCommand(io, spec))
    .addCommand(createCommand(io, spec))
    .addCommand(editCommand(io, spec))
    .addCommand(deleteCommand(io, spec));
}
