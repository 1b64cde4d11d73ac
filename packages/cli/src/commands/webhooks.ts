/**
 * `wazo webhook ...`: wazo-webhookd's subscriptions (an admin's `/subscriptions`, or with
 * `--mine` the token user's `/users/me/subscriptions`) and their logs, which `logs --follow`
 * tails by asking for what started since the last one seen.
 */
import { Command } from 'commander';
import { usageError } from '../core/errors.js';
import { type Column, printList, printNote, printRecord } from '../core/output.js';
import type { Query } from '../core/session.js';
import { act } from './crud.js';
import { type Io, parseInteger, parseList, readJsonBody } from './runtime.js';

const COLUMNS: Column[] = [
  'uuid',
  'name',
  'service',
  'events',
  { name: 'url', value: (s) => (s as { config?: { url?: string } }).config?.url ?? '' },
  'owner_user_uuid',
  'owner_tenant_uuid',
];
const LOG_COLUMNS: Column[] = [
  'started_at',
  'uuid',
  'attempts',
  'status',
  { name: 'event', value: (l) => (l as { event?: { name?: string } }).event?.name ?? '' },
  {
    name: 'response',
    value: (l) => {
      const detail = (l as { detail?: { response_status_code?: number; error?: string } }).detail ?? {};
      return detail.response_status_code ?? detail.error ?? '';
    },
  },
];

const base = (options: Record<string, unknown>) =>
  options.mine ? '/users/me/subscriptions' : '/subscriptions';

function pairs(values: string[] | undefined, flag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const value of values ?? []) {
    const at = value.indexOf('=');
    if (at <= 0) throw usageError(`${flag} ${value}: use key=value`);
    out[value.slice(0, at)] = value.slice(at + 1);
  }
  return out;
}

async function subscriptionBody(io: Io, options: Record<string, unknown>): Promise<Record<string, unknown>> {
  const body = options.jsonBody ? await readJsonBody(io, String(options.jsonBody)) : {};
  const config = { ...((body.config as Record<string, unknown> | undefined) ?? {}) };
  const set = (key: string, value: unknown) => {
    if (value !== undefined) config[key] = value;
  };
  set('url', options.url);
  set('method', options.method ?? (config.method === undefined && options.url ? 'post' : undefined));
  set('body', options.body);
  set('content_type', options.contentType);
  set('verify_certificate', options.verifyCertificate);
  const out: Record<string, unknown> = { service: 'http', events: [], ...body, config };
  if (options.name !== undefined) out.name = options.name;
  if (options.service !== undefined) out.service = options.service;
  if (options.event !== undefined) out.events = options.event;
  if (options.user !== undefined) out.events_user_uuid = options.user;
  if (options.metadata !== undefined) out.metadata = pairs(options.metadata as string[], '--metadata');
  if (out.name === undefined) throw usageError('--name is required (or a name in --json-body)');
  return out;
}

function listCommand(io: Io): Command {
  return new Command('list')
    .description('list subscriptions')
    .option('--recurse', 'include sub-tenants')
    .option('--metadata <key:value>', 'only those with this metadata (one pair)')
    .option('--mine', "the token user's own subscriptions")
    .action(
      act(io, async (rt, _args, options) => {
        const query: Query = {};
        if (options.recurse && !options.mine) query.recurse = true;
        if (options.metadata) query.search_metadata = String(options.metadata);
        const answer = (await (await rt.session()).call('webhookd', 'GET', base(options), { query })) as {
          items: unknown[];
          total: number;
        };
        printList(rt.output, COLUMNS, answer.items, answer.total);
      }),
    );
}

function showCommand(io: Io): Command {
  return new Command('show')
    .description('show a subscription')
    .argument('<uuid>', 'subscription uuid')
    .option('--mine', "one of the token user's own subscriptions")
    .action(
      act(io, async (rt, [uuid], options) => {
        const path = `${base(options)}/${encodeURIComponent(uuid as string)}`;
        printRecord(rt.output, await (await rt.session()).call('webhookd', 'GET', path));
      }),
    );
}

function createCommand(io: Io): Command {
  return new Command('create')
    .description('subscribe a URL to bus events (http service unless --service)')
    .option('--name <name>', 'name of the subscription')
    .option('--event <name>', 'bus event name, comma-separated (repeatable)', parseList)
    .option('--url <url>', 'URL to call; a template ({{ event_name }}, {{ event.<field> }}, {{ wazo_uuid }})')
    .option('--method <method>', 'head, get, post, put or delete (default post)')
    .option('--body <template>', 'request body template (default: the event data as JSON)')
    .option('--content-type <type>', 'Content-Type of --body (default text/plain)')
    .option('--verify-certificate <value>', 'true, false or the path of a CA bundle on the server')
    .option('--service <name>', 'http (default) or mobile')
    .option('--user <uuid>', "only this user's events (events_user_uuid)")
    .option('--metadata <key=value>', 'metadata, repeatable', (v: string, p: string[] = []) => [...p, v])
    .option('--mine', 'as the token user: only their own events')
    .option('--json-body <file>', 'take the body from a JSON file (- for stdin); flags win')
    .action(
      act(io, async (rt, _args, options) => {
        const body = await subscriptionBody(io, options);
        const created = await (await rt.session()).call('webhookd', 'POST', base(options), { body });
        printRecord(rt.output, created);
      }),
    );
}

function deleteCommand(io: Io): Command {
  return new Command('delete')
    .description('delete subscriptions')
    .argument('<uuid...>', 'subscription uuids')
    .option('--mine', "the token user's own subscriptions")
    .action(
      act(io, async (rt, uuids, options) => {
        const session = await rt.session();
        for (const uuid of uuids) {
          await session.call('webhookd', 'DELETE', `${base(options)}/${encodeURIComponent(uuid)}`);
          printNote(rt.output, `deleted ${uuid}`);
        }
      }),
    );
}

interface Log {
  uuid: string;
  attempts: number;
  started_at: string;
}

function logsCommand(io: Io): Command {
  return new Command('logs')
    .description("a subscription's hook attempts, newest first (--follow: oldest first, then new ones)")
    .argument('<uuid>', 'subscription uuid')
    .option('--limit <n>', 'at most n attempts', parseInteger('--limit'), 20)
    .option('--since <time>', 'only attempts started at or after this ISO time')
    .option('--follow', 'keep printing new attempts until interrupted')
    .option('--interval <seconds>', 'seconds between two looks with --follow', parseInteger('--interval'), 2)
    .option('--mine', "one of the token user's own subscriptions")
    .action(
      act(io, async (rt, [uuid], options) => {
        const session = await rt.session();
        const path = `${base(options)}/${encodeURIComponent(uuid as string)}/logs`;
        const fetch = async (query: Query) =>
          ((await session.call('webhookd', 'GET', path, { query })) as { items: Log[] }).items;
        if (!options.follow) {
          const query: Query = {
            limit: options.limit as number,
            from_date: options.since as string | undefined,
          };
          printList(rt.output, LOG_COLUMNS, await fetch(query));
          return;
        }
        const seen = new Set<string>();
        let since = options.since as string | undefined;
        for (;;) {
          const items = await fetch({ from_date: since, order: 'started_at', direction: 'asc' });
          const fresh = items.filter((l) => !seen.has(`${l.uuid}/${l.attempts}`));
          for (const log of fresh) seen.add(`${log.uuid}/${log.attempts}`);
          if (fresh.length > 0) {
            if (rt.output.format === 'json')
              for (const log of fresh) rt.output.out.write(`${JSON.stringify(log)}\n`);
            else printList(rt.output, LOG_COLUMNS, fresh);
            since = fresh[fresh.length - 1]?.started_at ?? since;
          }
          await new Promise((resolve) => setTimeout(resolve, (options.interval as number) * 1000));
        }
      }),
    );
}

export function webhookCommand(io: Io): Command {
  return new Command('webhook')
    .description('webhook subscriptions and their logs (wazo-webhookd)')
    .addCommand(listCommand(io))
    .addCommand(showCommand(io))
    .addCommand(createCommand(io))
    .addCommand(deleteCommand(io))
    .addCommand(logsCommand(io));
}
