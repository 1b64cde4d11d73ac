/**
 * Following wazo-websocketd's events, protocol version 2: on `init`, subscribe to each event name
 * (or `*`) then `start`; every `event` message goes to `onEvent` until the signal aborts. A bus
 * failure on the server (close 1011) or a dropped connection after a start reconnects with
 * websocketd's own backoff (1, 2, 4 ... 32 s); a refused (4002) or expired (4003) token ends it.
 */
import WebSocket from 'ws';
import { CliError } from '../core/errors.js';
import { networkError, type TlsOptions, tlsConnectOptions } from '../core/http.js';

export interface FollowOptions {
  url: string;
  token: () => Promise<string>;
  names: string[];
  tls: TlsOptions;
  signal: AbortSignal;
  onEvent(event: Record<string, unknown>): void;
  onNotice(line: string): void;
  /** Reconnection delays in ms; the last one repeats. */
  backoff?: number[];
}

const BACKOFF = [1000, 2000, 4000, 8000, 16000, 32000];
const RECONNECT = new Set([1011, 1006, 1001, 1012, 1013]);

type Outcome =
  | { kind: 'stopped' }
  | { kind: 'retry'; started: boolean; why: string }
  | { kind: 'fatal'; error: Error };

function fatalClose(code: number, reason: string): Error | null {
  if (code === 4001) return new CliError('wazo-websocketd got no token (4001)');
  if (code === 4002)
    return new CliError(
      `wazo-websocketd refused the token (4002${reason ? `: ${reason}` : ''}): run \`wazo login\``,
    );
  if (code === 4003) return new CliError('the token expired while following events (4003): run `wazo login`');
  if (code === 4004) return new CliError('wazo-websocketd rejected a message (4004): protocol mismatch');
  return null;
}

function wsUrl(url: string): string {
  const target = new URL(url);
  target.searchParams.set('version', '2');
  return target.toString();
}

/** `resilient`: we followed before, so a server that went away is waited for. */
function connectOnce(options: FollowOptions, token: string, resilient: boolean): Promise<Outcome> {
  return new Promise((resolve) => {
    const socket = new WebSocket(wsUrl(options.url), {
      headers: { 'X-Auth-Token': token },
      ...(options.url.startsWith('wss:') ? tlsConnectOptions(options.tls) : {}),
    });
    let started = false;
    let failure: Error | null = null;
    const stop = () => socket.close(1000);
    options.signal.addEventListener('abort', stop, { once: true });
    const send = (op: string, data?: unknown) =>
      socket.send(JSON.stringify(data === undefined ? { op } : { op, data }));
    socket.on('message', (raw) => {
      let message: { op?: string; data?: unknown };
      try {
        message = JSON.parse(String(raw));
      } catch {
        return;
      }
      if (message.op === 'init') {
        for (const name of options.names) send('subscribe', { event_name: name });
        send('start');
      } else if (message.op === 'start') {
        started = true;
        options.onNotice(`following ${options.names.join(', ')} (Ctrl-C to stop)`);
      } else if (message.op === 'event' && message.data && typeof message.data === 'object')
        options.onEvent(message.data as Record<string, unknown>);
    });
    socket.on('unexpected-response', (_req, res) => {
      failure = new CliError(
        `wazo-websocketd at ${options.url} answered HTTP ${res.statusCode} instead of a websocket`,
      );
      socket.terminate();
    });
    socket.on('error', (error) => {
      failure ??= networkError({ url: options.url, base: options.url, service: 'wazo-websocketd' }, error);
    });
    socket.on('close', (code, reason) => {
      options.signal.removeEventListener('abort', stop);
      if (options.signal.aborted) return resolve({ kind: 'stopped' });
      const fatal = fatalClose(code, String(reason));
      if (fatal) return resolve({ kind: 'fatal', error: fatal });
      if (!started && failure && !resilient) return resolve({ kind: 'fatal', error: failure });
      if (RECONNECT.has(code) || started || resilient)
        return resolve({ kind: 'retry', started, why: `${code} ${reason}`.trim() });
      resolve({
        kind: 'fatal',
        error: failure ?? new CliError(`wazo-websocketd closed the connection (${code} ${reason})`),
      });
    });
  });
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        resolve();
      },
      { once: true },
    );
  });
}

export async function followEvents(options: FollowOptions): Promise<void> {
  const backoff = options.backoff ?? BACKOFF;
  let attempt = 0;
  let followed = false;
  while (!options.signal.aborted) {
    const outcome = await connectOnce(options, await options.token(), followed);
    if (outcome.kind === 'stopped') return;
    if (outcome.kind === 'fatal') throw outcome.error;
    if (outcome.started) {
      attempt = 0;
      followed = true;
    }
    const delay = backoff[Math.min(attempt++, backoff.length - 1)]!;
    options.onNotice(`connection lost (${outcome.why}); reconnecting in ${delay / 1000} s`);
    await sleep(delay, options.signal);
  }
}
