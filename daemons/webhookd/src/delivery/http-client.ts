/**
 * One webhook request as Wazo's (python-requests) makes it: redirects followed, connect timeout
 * 5 s and read timeout 15 s, `verify_certificate` "true" | "false" | a CA bundle path. Every
 * connection goes through the target guard's lookup, and literal addresses are checked before, so
 * nothing connects to an address that was not checked. The response body is read up to a cap.
 */
import { readFile } from 'node:fs/promises';
import http from 'node:http';
import https from 'node:https';
import { isIP } from 'node:net';
import type { TargetGuard } from './target-guard.js';

export interface HttpClientOptions {
  guard: TargetGuard;
  connectTimeoutMs: number;
  readTimeoutMs: number;
  /** Bytes of a response body kept (for the logs); the rest is not read. */
  maxResponseBytes: number;
  maxRedirects: number;
  userAgent?: string;
}

export interface HttpRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: Buffer | null;
  /** "true" (default), "false", or the path of a CA bundle. */
  verifyCertificate: string;
  /** A user's subscription: loopback is refused too. */
  userOwned: boolean;
  signal?: AbortSignal;
}

export interface HttpResponse {
  method: string;
  url: string;
  requestHeaders: Record<string, string>;
  statusCode: number;
  headers: Record<string, string>;
  body: Buffer;
  truncated: boolean;
}

/** The target did not answer in time, refused, or redirected too often: worth another attempt. */
export class HttpTransportError extends Error {
  override name = 'HttpTransportError';
}

export interface HttpClient {
  send(request: HttpRequest): Promise<HttpResponse>;
  close(): void;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

function pairs(raw: string[]): Record<string, string> {
  const headers: Record<string, string> = {};
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const key = raw[i]!;
    headers[key] = key in headers ? `${headers[key]}, ${raw[i + 1]}` : raw[i + 1]!;
  }
  return headers;
}

/** A header of a response whose names keep their case (as python-requests reports them). */
export function headerValue(headers: Record<string, string>, name: string): string | undefined {
  const key = Object.keys(headers).find((k) => k.toLowerCase() === name);
  return key === undefined ? undefined : headers[key];
}

export function createHttpClient(options: HttpClientOptions): HttpClient {
  const { guard } = options;
  // No connection pool: every attempt resolves the name again and checks the address it connects
  // to (a kept-alive socket would skip both), and no socket is shared between subscriptions.
  const sockets = new Set<import('node:net').Socket>();
  const caCache = new Map<string, Promise<Buffer>>();

  async function tls(verify: string): Promise<https.RequestOptions> {
    if (verify === 'false') return { rejectUnauthorized: false };
    if (verify === 'true' || verify === '') return { rejectUnauthorized: true };
    let ca = caCache.get(verify);
    if (!ca) {
      ca = readFile(verify);
      caCache.set(verify, ca);
      ca.catch(() => caCache.delete(verify));
    }
    try {
      return { rejectUnauthorized: true, ca: await ca };
    } catch (err) {
      throw new HttpTransportError(`could not read the CA bundle ${verify}: ${(err as Error).message}`);
    }
  }

  async function once(request: HttpRequest, url: URL): Promise<HttpResponse> {
    const secure = url.protocol === 'https:';
    if (!secure && url.protocol !== 'http:')
      throw new HttpTransportError(`unsupported URL scheme ${url.protocol}`);
    const port = Number(url.port || (secure ? 443 : 80));
    const host = url.hostname.replace(/^\[|\]$/g, '');
    if (isIP(host)) guard.check(host, port, request.userOwned);
    const headers: Record<string, string> = {
      ...request.headers,
      'User-Agent': options.userAgent ?? 'wazo-webhookd',
    };
    if (request.body) headers['Content-Length'] = String(request.body.length);
    const requestOptions: https.RequestOptions = {
      method: request.method.toUpperCase(),
      headers,
      agent: false,
      lookup: guard.lookup(port, request.userOwned),
      ...(request.signal ? { signal: request.signal } : {}),
      ...(secure ? await tls(request.verifyCertificate) : {}),
    };
    return new Promise<HttpResponse>((resolve, reject) => {
      const req = (secure ? https : http).request(url, requestOptions, (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        let truncated = false;
        const done = () =>
          resolve({
            method: requestOptions.method!,
            url: url.href,
            requestHeaders: headers,
            statusCode: res.statusCode ?? 0,
            headers: pairs(res.rawHeaders),
            body: Buffer.concat(chunks),
            truncated,
          });
        res.on('data', (chunk: Buffer) => {
          if (truncated) return;
          const room = options.maxResponseBytes - size;
          if (chunk.length > room) {
            chunks.push(chunk.subarray(0, room));
            truncated = true;
            res.destroy();
            done();
            return;
          }
          chunks.push(chunk);
          size += chunk.length;
        });
        res.on('end', done);
        res.on('error', (err) => (truncated ? undefined : reject(new HttpTransportError(err.message))));
      });
      req.on('socket', (socket) => {
        sockets.add(socket);
        socket.once('close', () => sockets.delete(socket));
        const timer = setTimeout(
          () => req.destroy(new HttpTransportError(`connect timeout after ${options.connectTimeoutMs} ms`)),
          options.connectTimeoutMs,
        );
        socket.once('connect', () => clearTimeout(timer));
        socket.once('close', () => clearTimeout(timer));
      });
      req.setTimeout(options.readTimeoutMs, () =>
        req.destroy(new HttpTransportError(`read timeout after ${options.readTimeoutMs} ms`)),
      );
      req.on('error', (err) => reject(err));
      req.end(request.body ?? undefined);
    });
  }

  return {
    async send(request) {
      let current = request;
      let url = new URL(request.url);
      for (let hop = 0; ; hop += 1) {
        const response = await once(current, url);
        const location = headerValue(response.headers, 'location');
        if (!REDIRECTS.has(response.statusCode) || !location) return response;
        if (hop >= options.maxRedirects)
          throw new HttpTransportError(`more than ${options.maxRedirects} redirects`);
        url = new URL(location, url);
        const toGet =
          (response.statusCode === 303 && current.method.toLowerCase() !== 'head') ||
          ([301, 302].includes(response.statusCode) && current.method.toLowerCase() === 'post');
        if (toGet) {
          const { 'Content-Type': _type, ...headers } = current.headers;
          current = { ...current, method: 'get', body: null, headers };
        }
      }
    },
    close() {
      for (const socket of sockets) socket.destroy();
    },
  };
}
