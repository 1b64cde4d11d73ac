/**
 * `log_format: text`: the JSON line pino writes, turned into Wazo's line format (Python logging's
 * `%(asctime)s [%(process)d] (%(levelname)s) (%(name)s): %(message)s`), easy to `tail -f` and grep:
 *
 *   2026-12-08 01:02:03,456 [4242] (INFO) (wazo-auth.http): request completed reqId=req-1 statusCode=200
 *
 * The name is the daemon, then the line's `component` or `plugin` when it has one; the line's other
 * fields follow the message as `key=value` (strings quoted when they hold spaces, quotes or `=`,
 * objects as JSON), so nothing the JSON line held is lost. An error's stack goes on the next lines.
 */
import type { DestinationStream } from 'pino';

const LEVEL_NAMES: Record<number, string> = {
  10: 'DEBUG',
  20: 'DEBUG',
  30: 'INFO',
  40: 'WARNING',
  50: 'ERROR',
  60: 'CRITICAL',
};

/** Fields the line's head already shows. */
const HEAD = new Set(['level', 'time', 'pid', 'hostname', 'daemon', 'msg', 'component', 'plugin', 'err']);

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** Local time as Python logging's default `asctime`: `2026-12-08 01:02:03,456`. */
export function asctime(epochMs: number): string {
  const d = new Date(epochMs);
  return (
    `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ` +
    `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())},${pad(d.getMilliseconds(), 3)}`
  );
}

function valueText(value: unknown): string {
  if (typeof value === 'string') return /^[^\s"=]+$/.test(value) ? value : JSON.stringify(value);
  if (value === null || typeof value !== 'object') return String(value);
  return JSON.stringify(value);
}

/** One pino JSON line (with or without its newline) as one or more text lines ending in a newline. */
export function textLine(json: string): string {
  let entry: Record<string, unknown>;
  try {
    entry = JSON.parse(json) as Record<string, unknown>;
  } catch {
    return json.endsWith('\n') ? json : `${json}\n`;
  }
  const time = typeof entry.time === 'number' ? entry.time : Date.now();
  const level = LEVEL_NAMES[entry.level as number] ?? String(entry.level ?? 'INFO').toUpperCase();
  const part = entry.component ?? entry.plugin;
  const name = `${entry.daemon ?? 'wazo'}${part === undefined ? '' : `.${String(part)}`}`;
  const context = Object.entries(entry)
    .filter(([key, value]) => !HEAD.has(key) && value !== undefined)
    .map(([key, value]) => `${key}=${valueText(value)}`);
  const err = entry.err as { message?: string; stack?: string; type?: string } | undefined;
  const message = [entry.msg === undefined ? (err?.message ?? '') : String(entry.msg), ...context].join(' ');
  const stack = err?.stack ? `\n${err.stack}` : '';
  return `${asctime(time)} [${entry.pid ?? process.pid}] (${level}) (${name}): ${message}${stack}\n`;
}

/** A destination that writes each line in the text format to `target`. */
export function textDestination(target: DestinationStream): DestinationStream {
  const flushable = target as DestinationStream & { flushSync?: () => void };
  return {
    write: (line: string) => target.write(textLine(line)),
    ...(flushable.flushSync ? { flushSync: () => flushable.flushSync?.() } : {}),
  } as DestinationStream;
}
