/**
 * The CSV of `POST|PUT /users/import` read as Wazo's `csvparse` reads it: a header line naming
 * the columns, then one user per line (`row_number` counts data lines from 1). Each column feeds
 * one field of one resource by a rule: text ('' is absent), a `0`/`1` boolean, a digits-only
 * integer, or a `;`-separated list. A column missing from the header leaves its field out (an
 * update then keeps it); a column present but empty sets it to null (a list to []).
 */

import { InvalidDataError } from '@wazo-ts/errors';
import { parse } from 'csv-parse/sync';

/** One data line: its cells by column name, as given, and its number (1 = first data line). */
export interface CsvRow {
  number: number;
  fields: Record<string, string>;
}

type Value = string | boolean | number | string[] | null;
type Fields = Record<string, Value>;

/** The row's fields for each resource it touches, named as the resource's schema names them. */
export interface RowEntry {
  user: Fields;
  wazoUser: Fields;
  voicemail: Fields;
  line: Fields;
  sip: Fields;
  extension: Fields;
  incall: Fields;
  callPermissions: Fields;
  context: Fields;
}

type Parser = (column: string, value: string) => Value;

const text: Parser = (_column, value) => (value === '' ? null : value);

const boolean: Parser = (column, value) => {
  if (value === '') return null;
  if (value !== '0' && value !== '1')
    throw new InvalidDataError(`Input Error - '${column}' must be one of (0, 1)`, {
      errorId: 'invalid-data',
      details: { field: column },
    });
  return value === '1';
};

const integer: Parser = (column, value) => {
  if (value === '') return null;
  if (!/^[0-9]+$/.test(value))
    throw new InvalidDataError(`Input Error - field '${column}': wrong type. Should be a integer`, {
      errorId: 'invalid-data',
      details: { field: column },
    });
  return Number(value);
};

const list: Parser = (_column, value) => (value === '' ? [] : value.split(';'));

/** `[csv column, parser, field name]`, in Wazo's order. */
type Rule = readonly [string, Parser, string];
const same = (column: string, parser: Parser): Rule => [column, parser, column];

const USER_RULES: Rule[] = [
  ...['uuid', 'firstname', 'lastname', 'email', 'language', 'outgoing_caller_id', 'mobile_phone_number'].map(
    (c) => same(c, text),
  ),
  same('call_permission_password', text),
  same('userfield', text),
  ...[
    'enabled',
    'supervision_enabled',
    'call_transfer_enabled',
    'dtmf_hangup_enabled',
    'call_record_outgoing_external_enabled',
    'call_record_outgoing_internal_enabled',
    'call_record_incoming_external_enabled',
    'call_record_incoming_internal_enabled',
    'online_call_record_enabled',
  ].map((c) => same(c, boolean)),
  same('ring_seconds', integer),
  same('simultaneous_calls', integer),
  same('subscription_type', integer),
];

const RULES: Record<keyof RowEntry, Rule[]> = {
  user: USER_RULES,
  wazoUser: [
    same('uuid', text),
    same('firstname', text),
    same('lastname', text),
    ['email', text, 'email_address'],
    same('username', text),
    same('password', text),
  ],
  voicemail: [
    ['voicemail_name', text, 'name'],
    ['voicemail_number', text, 'number'],
    ['voicemail_context', text, 'context'],
    ['voicemail_password', text, 'password'],
    ['voicemail_email', text, 'email'],
    ['voicemail_attach_audio', boolean, 'attach_audio'],
    ['voicemail_delete_messages', boolean, 'delete_messages'],
    ['voicemail_ask_password', boolean, 'ask_password'],
  ],
  line: [['line_protocol', text, 'endpoint'], same('context', text)],
  sip: [
    ['sip_username', text, 'username'],
    ['sip_secret', text, 'password'],
  ],
  extension: [
    same('exten', text),
    same('context', text),
    same('firstname', text),
    same('line_protocol', text),
  ],
  incall: [
    ['incall_exten', text, 'exten'],
    ['incall_context', text, 'context'],
    ['incall_ring_seconds', integer, 'ring_seconds'],
  ],
  callPermissions: [['call_permissions', list, 'names']],
  context: [same('context', text)],
};

/** The row's fields per resource; a bad boolean or integer throws Wazo's message for it. */
export function entryOf(row: CsvRow): RowEntry {
  const entry = {} as RowEntry;
  for (const [resource, rules] of Object.entries(RULES) as [keyof RowEntry, Rule[]][]) {
    const fields: Fields = {};
    for (const [column, parser, name] of rules) {
      const value = row.fields[column];
      if (value !== undefined) fields[name] = parser(column, value);
    }
    entry[resource] = fields;
  }
  return entry;
}

/** The data lines of a CSV text; a text that is not CSV is one 400 for the whole request. */
export function parseCsv(body: string): CsvRow[] {
  let lines: string[][];
  try {
    // Line ends may be mixed (a file edited on two systems), as Python's csv reader takes them.
    lines = parse(body, {
      bom: true,
      skip_empty_lines: true,
      relax_column_count: true,
      record_delimiter: ['\r\n', '\n', '\r'],
    }) as string[][];
  } catch (error) {
    throw new InvalidDataError(`Input Error - invalid CSV: ${(error as Error).message}`, {
      errorId: 'invalid-data',
      details: {},
    });
  }
  const [header = [], ...data] = lines;
  // Cells keyed by column on an object without prototype: a column named `__proto__` is a column.
  return data.map((cells, index) => {
    const fields = Object.create(null) as Record<string, string>;
    header.forEach((column, i) => {
      fields[column] = cells[i] ?? '';
    });
    return { number: index + 1, fields };
  });
}
