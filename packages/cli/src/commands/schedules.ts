/** `wazo schedule ...`: wazo-confd's /schedules, open periods from `--open` or a `--json-body` file. */
import type { Command } from 'commander';
import { type ResourceSpec, resourceCommand } from './crud.js';
import { collectPeriods, formatPeriod, type Period } from './periods.js';
import type { Io } from './runtime.js';

function destination(value: string): Record<string, unknown> {
  if (value.trim().startsWith('{')) return JSON.parse(value) as Record<string, unknown>;
  return { type: value };
}

const spec: ResourceSpec = {
  noun: 'schedule',
  service: 'confd',
  path: '/schedules',
  idLabel: 'schedule id',
  columns: [
    'id',
    'name',
    'timezone',
    'enabled',
    {
      name: 'open',
      value: (s) => ((s as { open_periods?: Period[] }).open_periods ?? []).map(formatPeriod).join('; '),
    },
  ],
  recurse: true,
  fields: [
    { key: 'name', description: 'display name' },
    { key: 'timezone', description: 'e.g. America/Montreal' },
    { key: 'enabled', description: 'true or false', type: 'bool' },
  ],
  extend(command: Command) {
    command
      .option(
        '--open <period>',
        'an open period, e.g. "mon-fri 08:00-17:00" or "09:00-12:00 days=1-15 months=6-8" (repeatable; replaces them all)',
        collectPeriods,
      )
      .option('--no-open', 'no open period at all')
      .option(
        '--closed-destination <dest>',
        'where calls go when closed: a type (none, hangup...) or a JSON object',
      );
  },
  shape(body, options, mode) {
    const shaped = { ...body };
    if (options.open === false) shaped.open_periods = [];
    else if (Array.isArray(options.open)) shaped.open_periods = options.open;
    if (typeof options.closedDestination === 'string')
      shaped.closed_destination = destination(options.closedDestination);
    // confd requires one; a schedule that does nothing when closed is the usual start.
    if (mode === 'create' && shaped.closed_destination === undefined)
      shaped.closed_destination = { type: 'none' };
    return shaped;
  },
};

export const scheduleCommand = (io: Io) => resourceCommand(io, spec, 'schedules (wazo-confd)');
