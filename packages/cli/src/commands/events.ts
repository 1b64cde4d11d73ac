/** `wazo events [NAME...]`: live events from wazo-websocketd, one line each, until Ctrl-C. */
import { Command } from 'commander';
import { CliError } from '../core/errors.js';
import { followEvents } from '../events/follow.js';
import { type Io, runtimeOf } from './runtime.js';

/** `12:03:04 user_edited {"id":1,...}`: the time, the name, the event's data. */
export function eventLine(event: Record<string, unknown>): string {
  const stamp = typeof event.timestamp === 'string' ? event.timestamp : new Date().toISOString();
  return `${stamp} ${String(event.name ?? '?')} ${JSON.stringify(event.data ?? null)}`;
}

export function eventsCommand(io: Io): Command {
  return new Command('events')
    .description('follow live events (all of them, or these names) until Ctrl-C')
    .argument('[name...]', 'event names, e.g. user_created user_edited (default: all)')
    .action(async (names: string[], _options: unknown, command: Command) => {
      const rt = runtimeOf(io, command);
      const session = await rt.session();
      const url = session.targets.websocketd;
      if (!url)
        throw new CliError('no wazo-websocketd URL: pass --server or --websocketd-url (or log in with one)');
      session.check('websocketd');
      const controller = new AbortController();
      const stop = () => controller.abort();
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      try {
        await followEvents({
          url,
          token: () => session.token('websocketd'),
          names: names.length > 0 ? names : ['*'],
          tls: session.targets.tls,
          signal: controller.signal,
          onEvent: (event) =>
            io.stdout.write(`${rt.output.format === 'json' ? JSON.stringify(event) : eventLine(event)}\n`),
          onNotice: (line) => io.stderr.write(`${line}\n`),
        });
      } finally {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
      }
    });
}
