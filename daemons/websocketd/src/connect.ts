/**
 * A websocket connection from upgrade to session, checked in Wazo's order: protocol version
 * (4004), token (4001), token validity and ACL (4002), then the bus (1011), then the room left
 * for the token and its user (4002 "too many sessions"). Any path is accepted;
 * only the query (`token`, `version`) and the `X-Auth-Token` header are read. Frames a client
 * sends while its token is being checked are kept (up to 16 frames and 64 KiB, else 4004) and
 * handled once the session opens.
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { ProxyTrust } from '@wazo-ts/daemon';
import type { Logger } from 'pino';
import { WebSocket, type WebSocketServer } from 'ws';
import { CloseCode, type ProtocolVersion, parseVersion } from './protocol.js';
import { type Authenticate, type Grant, openSession } from './session.js';
import type { SessionRegistry } from './sessions.js';
import type { TokenCheckConfig } from './token-check.js';

export interface ConnectOptions {
  wss: WebSocketServer;
  registry: SessionRegistry;
  authenticate: Authenticate;
  /** False while the daemon starts or stops: upgrades then get a plain 503. */
  accepting(): boolean;
  /** False while the bus is lost: connections are closed with 1011. */
  busReady(): boolean;
  check: TokenCheckConfig;
  maxBufferedBytes: number;
  /** Which peers' X-Forwarded-For names the logged client address: the kit's REST rule. */
  proxyTrust: ProxyTrust;
  logger: Logger;
}

const MAX_EARLY_FRAMES = 16;
const MAX_EARLY_BYTES = 64 * 1024;

export type UpgradeListener = (request: IncomingMessage, socket: Duplex, head: Buffer) => void;

function refuse(socket: Duplex): void {
  socket.end(
    'HTTP/1.1 503 Service Unavailable\r\nRetry-After: 1\r\nContent-Length: 0\r\nConnection: close\r\n\r\n',
  );
}

/**
 * The query of the request target, whatever its path: targets such as `//` or `/\` are not
 * URLs a parser accepts, and the path means nothing here anyway.
 */
function queryOf(request: IncomingMessage): URLSearchParams {
  const target = request.url ?? '';
  const start = target.indexOf('?');
  return new URLSearchParams(start < 0 ? '' : target.slice(start + 1));
}

/**
 * The first non-empty value of `name`: Wazo reads the query with Python's `parse_qsl`, which
 * drops blank values, so `?version=&version=2` is version 2 and `?token=&token=t` is token `t`.
 */
function queryValue(query: URLSearchParams, name: string): string | null {
  return query.getAll(name).find((value) => value !== '') ?? null;
}

function tokenOf(request: IncomingMessage, query: URLSearchParams): string | null {
  const fromQuery = queryValue(query, 'token');
  if (fromQuery) return fromQuery;
  const header = request.headers['x-auth-token'];
  return (Array.isArray(header) ? header[0] : header) || null;
}

/**
 * Keeps what a client sends while its token is checked, within what a client following the
 * protocol sends (a few subscribes, a start); beyond that `overflow` is called, once.
 */
function keepEarlyFrames(ws: WebSocket, overflow: () => void) {
  const frames: [Buffer, boolean][] = [];
  let bytes = 0;
  const keep = (data: Buffer, isBinary: boolean) => {
    frames.push([data, isBinary]);
    bytes += data.length;
    if (frames.length <= MAX_EARLY_FRAMES && bytes <= MAX_EARLY_BYTES) return;
    ws.off('message', keep);
    overflow();
  };
  ws.on('message', keep);
  return { frames, stop: () => void ws.off('message', keep) };
}

export function createUpgradeListener(options: ConnectOptions): UpgradeListener {
  return (request, socket, head) => {
    if (!options.accepting()) return refuse(socket);
    const logger = options.logger.child({ remote: options.proxyTrust.clientAddress(request) });
    options.wss.handleUpgrade(request, socket, head, (ws) =>
      accept({ ...options, logger }, ws, request).catch((err: unknown) => {
        // A bug on one connection must not take the process (and, all-in-one, every daemon) down.
        logger.error({ err }, 'websocket connection failed');
        if (ws.readyState === WebSocket.OPEN) ws.close(CloseCode.protocolError);
        else ws.terminate();
      }),
    );
  };
}

async function accept(options: ConnectOptions, ws: WebSocket, request: IncomingMessage): Promise<void> {
  const { logger } = options;
  const refusal = (code: number, reason?: string) => {
    logger.info({ code, reason }, 'websocket connection refused');
    ws.close(code, reason);
  };
  const early = keepEarlyFrames(ws, () => refusal(CloseCode.protocolError));
  ws.on('error', (err) => logger.debug({ err }, 'websocket error'));
  const query = queryOf(request);
  let version: ProtocolVersion;
  try {
    version = parseVersion(queryValue(query, 'version'));
  } catch {
    return refusal(CloseCode.protocolError);
  }
  const tokenId = tokenOf(request, query);
  if (tokenId === null) return refusal(CloseCode.noToken, 'no token');
  let grant: Grant;
  try {
    grant = await options.authenticate(tokenId);
  } catch (error) {
    logger.info({ reason: (error as Error).message }, 'websocket authentication failed');
    return refusal(CloseCode.authFailed, 'authentication failed');
  }
  if (ws.readyState !== WebSocket.OPEN) return;
  if (!options.accepting()) return refusal(CloseCode.goingAway, 'server shutdown');
  if (!options.busReady()) return refusal(CloseCode.busError, 'bus connection error');
  // Checked and counted in the same turn: two upgrades of one token cannot both take the last room.
  const owner = { tokenId, userUuid: grant.audience.userUuid };
  if (!options.registry.hasRoom(owner)) return refusal(CloseCode.authFailed, 'too many sessions');
  early.stop();
  const session = openSession({ ws, version, grant, ...pick(options), logger });
  options.registry.add(session, owner);
  ws.on('close', () => options.registry.remove(session));
  logger.info(
    { user: grant.audience.userUuid, tenant: grant.audience.tenantUuid, version },
    'websocket session opened',
  );
  for (const [data, isBinary] of early.frames) session.receive(data, isBinary);
}

function pick({ authenticate, check, maxBufferedBytes }: ConnectOptions) {
  return { authenticate, check, maxBufferedBytes };
}
