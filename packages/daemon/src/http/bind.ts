/**
 * Binds the daemon's listening socket before anything else runs, so a daemon started as root can
 * take its port and its TLS key (readable by root only, as with nginx) and then drop privileges.
 * Until the application is attached, requests get a 503 "starting" answer instead of hanging.
 */
import { readFile } from 'node:fs/promises';
import {
  createServer as createHttpServer,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { InvalidDataError } from '@wazo-ts/errors';
import { type Scheduler, systemScheduler } from '../auth/clock.js';
import type { RestApiConfig } from '../config/schema.js';

export type RequestListener = (request: IncomingMessage, response: ServerResponse) => void;

export interface BoundServer {
  server: Server;
  tls: boolean;
  address: AddressInfo;
  /** Routes requests to the application from now on. */
  attach(listener: RequestListener): void;
  /** Stops accepting, waits for in-flight requests up to `graceMs`, then cuts what remains. */
  close(graceMs: number): Promise<void>;
}

function notReady(_request: IncomingMessage, response: ServerResponse): void {
  response.writeHead(503, { 'content-type': 'application/json', 'retry-after': '1' });
  response.end(JSON.stringify({ message: 'Service starting', error_id: 'not-ready', details: {} }));
}

async function readPem(path: string, key: string): Promise<Buffer> {
  try {
    return await readFile(path);
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    throw new InvalidDataError(`rest_api.${key}: cannot read ${path}: ${reason}`, { details: { key, path } });
  }
}

export interface BindOptions {
  /** Times the grace period of close(); injected so a test can end it without waiting. */
  scheduler?: Scheduler;
}

export async function bindServer(restApi: RestApiConfig, options: BindOptions = {}): Promise<BoundServer> {
  let current: RequestListener = notReady;
  const dispatch: RequestListener = (request, response) => current(request, response);
  const tls = Boolean(restApi.certificate && restApi.private_key);
  if (Boolean(restApi.certificate) !== Boolean(restApi.private_key)) {
    throw new InvalidDataError('rest_api.certificate and rest_api.private_key must be set together');
  }
  const server = tls
    ? createHttpsServer(
        {
          cert: await readPem(restApi.certificate!, 'certificate'),
          key: await readPem(restApi.private_key!, 'private_key'),
        },
        dispatch,
      )
    : createHttpServer(dispatch);
  server.requestTimeout = restApi.request_timeout * 1000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(restApi.port, restApi.listen, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return {
    server,
    tls,
    address: server.address() as AddressInfo,
    attach: (listener) => {
      current = listener;
    },
    close: (graceMs) => closeServer(server, graceMs, options.scheduler ?? systemScheduler),
  };
}

async function closeServer(server: Server, graceMs: number, scheduler: Scheduler): Promise<void> {
  if (!server.listening) return;
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections();
  // The system scheduler unrefs its timer: a grace period never keeps a stopping process alive.
  const timer = scheduler.setTimeout(() => server.closeAllConnections(), graceMs);
  await closed;
  scheduler.clearTimeout(timer);
}
