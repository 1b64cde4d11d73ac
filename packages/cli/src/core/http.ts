/**
 * One HTTP(S) exchange with a Wazo service, with the TLS trust the user chose (a CA file or
 * none at all), and every network failure turned into a one-line message naming the URL.
 */
import { readFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { CliError } from './errors.js';

export interface TlsOptions {
  /** A PEM file whose certificates are trusted (a self-signed gateway's certificate). */
  caCert?: string | undefined;
  /** Do not check certificates at all. */
  insecure?: boolean | undefined;
}

export interface HttpRequest {
  url: string;
  method: string;
  headers?: Record<string, string>;
  body?: unknown;
  /** A body sent as is with its media type, instead of `body` as JSON (a users CSV). */
  raw?: { text: string; contentType: string };
  tls: TlsOptions;
  /** Who answers, for messages: `wazo-auth`, `wazo-confd`. */
  service: string;
  /** The service's base URL, named in messages (never the full URL: it may hold a token). */
  base: string;
}

export interface HttpResponse {
  status: number;
  text: string;
}

const TIMEOUT_MS = 30_000;

/** Options for node's https and for `ws`: the CA file read once, or no check when insecure. */
export function tlsConnectOptions(tls: TlsOptions): { ca?: Buffer; rejectUnauthorized?: boolean } {
  if (tls.insecure) return { rejectUnauthorized: false };
  if (!tls.caCert) return {};
  try {
    return { ca: readFileSync(tls.caCert) };
  } catch (error) {
    throw new CliError(`cannot read the CA certificate ${tls.caCert}: ${(error as Error).message}`);
  }
}

export function send(req: HttpRequest): Promise<HttpResponse> {
  const target = new URL(req.url);
  const tls = target.protocol === 'https:';
  const request = tls ? httpsRequest : httpRequest;
  const payload = req.raw ? req.raw.text : req.body === undefined ? undefined : JSON.stringify(req.body);
  const headers: Record<string, string> = { accept: 'application/json', ...req.headers };
  if (payload !== undefined) headers['content-type'] = req.raw?.contentType ?? 'application/json';
  const options = {
    method: req.method,
    headers,
    timeout: TIMEOUT_MS,
    ...(tls ? tlsConnectOptions(req.tls) : {}),
  };
  return new Promise((resolve, reject) => {
    const outgoing = request(target, options, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
      res.on('error', (error) => reject(networkError(req, error)));
    });
    outgoing.on('timeout', () =>
      outgoing.destroy(Object.assign(new Error('timeout'), { code: 'ETIMEDOUT' })),
    );
    outgoing.on('error', (error) => reject(networkError(req, error)));
    outgoing.end(payload);
  });
}

const UNTRUSTED = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'CERT_UNTRUSTED',
]);

const REASONS: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ENOTFOUND: 'host not found',
  EAI_AGAIN: 'host name lookup failed',
  ETIMEDOUT: `no answer within ${TIMEOUT_MS / 1000} s`,
  ECONNRESET: 'connection reset',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  EPROTO: 'TLS handshake failed (is it an http:// URL?)',
  ERR_SSL_WRONG_VERSION_NUMBER: 'the server does not speak HTTPS (use an http:// URL)',
};

/** The message for a failure below HTTP: connecting, TLS, or the connection dropping. */
export function networkError(req: { url: string; base: string; service: string }, error: Error): CliError {
  if (error instanceof CliError) return error;
  const code = (error as NodeJS.ErrnoException).code ?? '';
  const origin = new URL(req.url).origin;
  if (UNTRUSTED.has(code))
    return new CliError(
      `the TLS certificate of ${origin} is not trusted (${error.message}): ` +
        'pass --ca-cert FILE with its certificate (or its CA), or --insecure to skip the check',
    );
  const reason = REASONS[code] ?? error.message;
  return new CliError(`cannot connect to ${req.service} at ${req.base}: ${reason}`);
}
