/**
 * The HTTPS front door of a Wazo stack, as Wazo's nginx: `/api/<svc>/...` goes to the daemon's
 * root with `X-Script-Name: /api/<svc>`, websocket upgrades included. Websocket traffic is piped
 * as it comes (never buffered), an unknown prefix answers a Wazo-style 404 and a daemon that does
 * not answer a 502, both JSON.
 */
import { readFile } from 'node:fs/promises';
import { Agent, type ClientRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer, type Server } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { createProxyServer } from 'http-proxy-3';
import { errorBody, rejectUpgrade, sendJson } from './answers.js';
import { countedBody, DEFAULT_MAX_BODY_SIZE, declaredTooLarge, refuseTooLarge } from './body-limit.js';
import { listenOn } from './listen.js';
import { compileRoutes, type GatewayRoutes } from './routes.js';

export interface GatewayCertificate {
  /** PEM certificate file (the chain, if any, after the server certificate). */
  certificate: string;
  /** PEM private key file; read before privileges are dropped. */
  privateKey: string;
}

export interface GatewayOptions {
  /** Public prefix (`/api/auth/`) → daemon root URL (`http://127.0.0.1:9497`). */
  routes: GatewayRoutes;
  port: number;
  /** Address to bind; 127.0.0.1 unless told otherwise. */
  listen?: string;
  certificate: GatewayCertificate;
  /** Largest request body, bytes (the daemons' `rest_api.max_body_size`); 1 MiB by default. */
  maxBodySize?: number;
  /** Sent to the daemons as X-Wazo-Proxy-Secret: the proof that makes them believe X-Forwarded-*. */
  proxySecret?: string;
  /** Called for each proxying failure (the client already got its 502). */
  onError?: (error: Error, url: string) => void;
}

/** A daemon's HTTP request listener (its server's `'request'` handler). */
export type RequestListener = (req: IncomingMessage, res: ServerResponse) => void;

export interface Gateway {
  /** `https://<listen>:<port>` */
  url: string;
  port: number;
  server: Server;
  /**
   * Hands the HTTP requests of `service` (`auth` for `/api/auth/`) to `listener` in this process
   * instead of proxying them over a socket: for daemons running in the gateway's own process.
   * Rewritten and with the same forwarding headers as a proxied request. Returns the detach, after
   * which the service is proxied again (a 502 once its port is closed). Websockets stay proxied.
   */
  serveInProcess(service: string, listener: RequestListener): () => void;
  close(): Promise<void>;
}

const PROXY_SECRET_HEADER = 'x-wazo-proxy-secret';
const IDLE_CONNECTION_MS = 4_000;

/**
 * The forwarding headers the daemons believe (from the gateway only, proven by the secret): this
 * hop's own, replacing whatever the client sent, or any client could pick the address the login
 * guard counts and the host and scheme of the links the daemons answer with.
 */
function forwardedHeaders(req: IncomingMessage, secret: string | undefined): Record<string, string> {
  for (const name of Object.keys(req.headers))
    if (name.startsWith('x-forwarded-') || ['forwarded', 'x-real-ip', PROXY_SECRET_HEADER].includes(name))
      delete req.headers[name];
  const headers: Record<string, string> = {
    'x-forwarded-for': req.socket.remoteAddress ?? '',
    'x-forwarded-proto': 'https',
    'x-forwarded-port': String(req.socket.localPort ?? ''),
  };
  if (req.headers.host) headers['x-forwarded-host'] = req.headers.host;
  if (secret) headers[PROXY_SECRET_HEADER] = secret;
  return headers;
}

export async function startGateway(options: GatewayOptions): Promise<Gateway> {
  const [cert, key] = await Promise.all([
    readFile(options.certificate.certificate),
    readFile(options.certificate.privateKey),
  ]);
  // No xfwd: it appends to (or keeps) the client's own X-Forwarded-*; forwardedHeaders() sets them.
  const proxy = createProxyServer({ ws: true });
  // Kept-alive connections to the daemons: without an agent the proxy opens (and closes, with
  // `Connection: close`) one TCP connection per request, which cost 15x the daemons' own time
  // on a token check (bench/stack.bench.ts). Websocket upgrades keep their own connections.
  // An idle connection is dropped by the gateway before the daemon's server drops it (Node's
  // 5 s keep-alive timeout), so a request is never sent on a socket the daemon is closing.
  const daemons = new Agent({ keepAlive: true, timeout: IDLE_CONNECTION_MS });
  const notFound = (req: IncomingMessage) =>
    errorBody(`No such resource: ${req.method} ${req.url}`, 'not-found', {});
  const badGateway = (service: string) =>
    errorBody(`${service} is not answering`, 'bad-gateway', { service });

  // Per call, so the message names the daemon (req.url is already rewritten by then).
  const failed =
    (service: string) =>
    (error: Error, req: IncomingMessage, res: ServerResponse | Socket): void => {
      options.onError?.(error, req.url ?? '');
      if ('writeHead' in res) sendJson(res, 502, badGateway(service));
      else if (!res.destroyed) rejectUpgrade(res, 502, 'Bad Gateway', badGateway(service));
    };

  // Errors outside a call's callback (a client resetting a proxied websocket) would otherwise be
  // thrown by the library and end the process: the socket is simply closed.
  proxy.on('error', (error, req, res) => {
    options.onError?.(error, req.url ?? '');
    if ('writeHead' in res) sendJson(res, 502, badGateway('the service'));
    else res.destroy();
  });

  const findRoute = compileRoutes(options.routes);
  const limit = options.maxBodySize ?? DEFAULT_MAX_BODY_SIZE;
  // Requests whose body went over the limit after being forwarded: their daemon call is cut.
  const cut = new WeakSet<IncomingMessage>();
  const upstream = new WeakMap<IncomingMessage, ClientRequest>();
  proxy.on('proxyReq', (proxyReq, req) => {
    if (cut.has(req)) proxyReq.destroy();
    else upstream.set(req, proxyReq);
  });
  /**
   * A chunked body, whose size nobody declared, is counted on its way to the daemon and cut at the
   * limit. Any other request has a Content-Length within the limit (checked before) that the HTTP
   * parser holds it to, or no body at all: it is piped as it is, without a stream of its own.
   */
  const counted = (req: IncomingMessage, res: ServerResponse) => {
    if (req.headers['transfer-encoding'] === undefined) return undefined;
    const body = countedBody(limit, () => {
      cut.add(req);
      req.unpipe(body);
      upstream.get(req)?.destroy();
      refuseTooLarge(req, res, limit);
    });
    return req.pipe(body);
  };
  const inProcess = new Map<string, RequestListener>();
  const forward = (req: IncomingMessage, res: ServerResponse) => {
    const route = findRoute(req.url ?? '/');
    if (!route) return sendJson(res, 404, notFound(req));
    if (declaredTooLarge(req, limit)) return refuseTooLarge(req, res, limit);
    req.url = route.path;
    const local = inProcess.get(route.service);
    if (local) {
      // No second HTTP exchange: the daemon reads this request and writes this response. Its own
      // body limit (the same `max_body_size`) cuts a chunked body.
      Object.assign(req.headers, forwardedHeaders(req, options.proxySecret), {
        'x-script-name': route.scriptName,
      });
      return local(req, res);
    }
    const body = counted(req, res);
    const headers = { ...forwardedHeaders(req, options.proxySecret), 'x-script-name': route.scriptName };
    proxy.web(
      req,
      res,
      { target: route.target, headers, agent: daemons, ...(body ? { buffer: body } : {}) },
      (error, req, res) => {
        if (!cut.has(req as IncomingMessage)) failed(route.service)(error, req, res);
      },
    );
  };
  const server = createServer({ cert, key }, forward);
  // `Expect: 100-continue`: a body declared too large is refused before the client sends it.
  server.on('checkContinue', (req: IncomingMessage, res: ServerResponse) => {
    if (declaredTooLarge(req, limit) && findRoute(req.url ?? '/')) return refuseTooLarge(req, res, limit);
    res.writeContinue();
    // Answered here: the daemon must not wait for a body it will not be asked for.
    delete req.headers.expect;
    forward(req, res);
  });
  // Upgraded sockets leave the HTTP server's bookkeeping: kept here so close() can end them.
  const upgraded = new Set<Socket>();
  server.on('upgrade', (req: IncomingMessage, socket: Socket, head: Buffer) => {
    upgraded.add(socket);
    socket.once('close', () => upgraded.delete(socket));
    socket.on('error', () => socket.destroy());
    const route = findRoute(req.url ?? '/');
    if (!route) {
      rejectUpgrade(socket, 404, 'Not Found', notFound(req));
      return;
    }
    req.url = route.path;
    // Every frame is forwarded as soon as it arrives: the sockets are piped, no buffering.
    socket.setNoDelay(true);
    proxy.ws(
      req,
      socket,
      head,
      {
        target: route.target,
        headers: { ...forwardedHeaders(req, options.proxySecret), 'x-script-name': route.scriptName },
      },
      failed(route.service),
    );
  });

  await listenOn(server, options.port, options.listen ?? '127.0.0.1');
  const { port } = server.address() as AddressInfo;
  const host = options.listen && options.listen !== '0.0.0.0' ? options.listen : '127.0.0.1';
  let closing: Promise<void> | undefined;
  return {
    url: `https://${host.includes(':') ? `[${host}]` : host}:${port}`,
    port,
    server,
    serveInProcess(service, listener) {
      inProcess.set(service, listener);
      return () => {
        if (inProcess.get(service) === listener) inProcess.delete(service);
      };
    },
    close() {
      closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Websockets and keep-alive connections would hold close() open forever.
        server.closeAllConnections();
        for (const socket of upgraded) socket.destroy();
        proxy.close();
        daemons.destroy();
      });
      return closing;
    },
  };
}
