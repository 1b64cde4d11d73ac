/**
 * `wazo directory ...`: wazo-dird as a user sees it. `search NAME` looks NAME up in a profile's
 * sources (GET /directories/lookup/{profile}?term=, the Wazo app's search box) and prints the
 * profile's display columns; `sources` lists the configured sources.
 */
import { Command } from 'commander';
import { printList } from '../core/output.js';
import { type Io, runtimeOf } from './runtime.js';

interface LookupAnswer {
  column_headers: string[];
  results: { column_values: unknown[]; source: string; backend: string }[];
}

/** The lookup's results as rows keyed by the display's column titles, plus their source. */
export function lookupRows(answer: LookupAnswer): { columns: string[]; rows: Record<string, unknown>[] } {
  const headers = answer.column_headers.map((h, i) => h || `column ${i + 1}`);
  const rows = answer.results.map((result) => {
    const row: Record<string, unknown> = {};
    headers.forEach((header, i) => {
      row[header] = result.column_values[i];
    });
    row.source = result.source;
    return row;
  });
  return { columns: [...headers, 'source'], rows };
}

export function directoryCommand(io: Io): Command {
  const directory = new Command('directory').description('directories (wazo-dird): lookups and sources');
  directory
    .command('search')
    .description("look a name or number up in a profile's directories")
    .argument('<term>', 'what to look for (part of a name, a number)')
    .option('--profile <name>', 'the directory profile', 'default')
    .action(async (term: string, options: { profile: string }, command: Command) => {
      const rt = runtimeOf(io, command);
      const session = await rt.session();
      const answer = (await session.call(
        'dird',
        'GET',
        `/directories/lookup/${encodeURIComponent(options.profile)}`,
        {
          query: { term },
        },
      )) as LookupAnswer;
      if (rt.output.format === 'json') {
        printList(rt.output, [], answer.results);
        return;
      }
      const { columns, rows } = lookupRows(answer);
      printList(
        rt.output,
        columns.map((name) => ({ name, value: (row: unknown) => (row as Record<string, unknown>)[name] })),
        rows,
      );
    });
  directory
    .command('sources')
    .description('list the directory sources of the tenant')
    .option('--backend <name>', 'only the sources of this backend (wazo, personal, phonebook, csv, ldap...)')
    .action(async (options: { backend?: string }, command: Command) => {
      const rt = runtimeOf(io, command);
      const session = await rt.session();
      const answer = (await session.call('dird', 'GET', '/sources', {
        query: { backend: options.backend, recurse: false },
      })) as { total: number; items: unknown[] };
      printList(rt.output, ['uuid', 'name', 'backend', 'tenant_uuid'], answer.items, answer.total);
    });
  return directory;
}
