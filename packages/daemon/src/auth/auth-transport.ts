/**
 * The HTTP calls to wazo-auth. Built on node:http(s) rather than fetch: `verify_certificate` may
 * name a CA file, which Node 20's fetch accepts only through the undici package's Agent, a second
 * copy of undici to keep in step with Node's. A keep-alive agent saves a TCP (and TLS) handshake
 * per token lookup.
 */
import { readFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import { UnavailableError } from '@wazo-ts/errors';
import type { AuthClientConfig } from '../config/schema.js';
import { type Scheduler, systemScheduler } from './clock.js';

export interface AuthHttpRequest {
  method: 'GET' | 'HEAD' | 'POST' | 'PUT' | 'DELETE';
  /** Path below the configured prefix, e.g. `/0.1/token/<t>`. */
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

export interface AuthHttpResponse {
  status: number;
  body: string;
}

export interface AuthTransport {
  request(req: AuthHttpRequest): Promise<AuthHttpResponse>;
  /** Closes idle keep-alive connections. */
  close(): void;
}

// A token document is a few kB; a larger answer is not wazo-auth's and must not fill memory.
const MAX_BODY_BYTES = 1024 * 1024;

function tlsOptions(config: AuthClientConfig): https.AgentOptions {
  if (config.verify_certificate === false) return { rejectUnauthorized: false };
  if (typeof config.verify_certificate === 'string') return { ca: readFileSync(config.verify_certificate) };
  return {};
}

/** Wazo's 503 for any failure to get a usable answer from wazo-auth. */
export function authServerUnreachable(config: AuthClientConfig, error: unknown): UnavailableError {
  return new UnavailableError('Authentication server unreachable', {
    errorId: 'authentication-server-unreachable',
    details: {
      auth_server_host: config.host,
      auth_server_port: config.port,
      original_error: error instanceof Error ? error.message : String(error),
    },
    cause: error,
  });
}

/** `scheduler` times each call's deadline (`timeout`); tests pass a fake clock. */
export function createAuthTransport(
  config: AuthClientConfig,
  scheduler: Scheduler = systemScheduler,
): AuthTransport {
  const secure = config.https;
  const agent = secure
    ? new https.Agent({ keepAlive: true, ...tlsOptions(config) })
    : new http.Agent({ keepAlive: true });
  const client = secure ? https : http;
  const prefix = (config.prefix ?? '').replace(/\/+$/, '');
  const timeoutMs = config.timeout * 1000;

  function request(req: AuthHttpRequest): Promise<AuthHttpResponse> {
    return new Promise((resolve, reject) => {
      const headers: Record<string, string> = { accept: 'application/json', ...req.headers };
      if (req.body !== undefined) headers['content-length'] = String(Buffer.byteLength(req.body));
      const options = {
        agent,
        host: config.host,
        port: config.port,
        method: req.method,
        path: prefix + req.path,
        headers,
      };
      const outgoing = client.request(options, (response) => {
        const chunks: Buffer[] = [];
        let size = 0;
        response.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > MAX_BODY_BYTES) outgoing.destroy(new Error('wazo-auth response too large'));
          else chunks.push(chunk);
        });
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
        );
        response.on('error', reject);
      });
      // One deadline for the whole exchange, as the Python client's `timeout`.
      const timer = scheduler.setTimeout(
        () => outgoing.destroy(new Error(`timed out after ${config.timeout}s`)),
        timeoutMs,
      );
      outgoing.on('close', () => scheduler.clearTimeout(timer));
      outgoing.on('error', reject);
      outgoing.end(req.body);
    });
  }

  return { request, close: () => agent.destroy() };
}
