/**
 * The few Consul HTTP API calls we make, over node:http(s). We do not use fetch because the
 * `consul.verify` key may be false or a CA file, and Node's fetch takes neither per request
 * without importing undici; nor the `consul` npm package, which would be a dependency for five
 * endpoints whose answers we map ourselves anyway.
 */
import { readFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import { UnavailableError } from '@wazo-ts/errors';
import type { ConsulConfig } from '../config/schema.js';

export interface ConsulResponse {
  status: number;
  text: string;
  json: unknown;
}

export interface ConsulRequest {
  body?: unknown;
  signal?: AbortSignal;
}

/** Sends one request to the Consul agent; rejects only when no HTTP answer came back. */
export type ConsulHttp = (
  method: 'GET' | 'PUT',
  path: string,
  request?: ConsulRequest,
) => Promise<ConsulResponse>;

/** A Consul call that failed or answered an error; retryable, as Consul usually comes back. */
export class ConsulError extends UnavailableError {
  constructor(message: string, details: Record<string, unknown> = {}, cause?: unknown) {
    super(message, { errorId: 'consul-unavailable', details, cause });
  }
}

export interface ConsulHttpOptions {
  /** Per-request limit, ms; a hung agent must not stall registration or shutdown. */
  timeoutMs?: number;
}

function tlsOptions(config: ConsulConfig): https.RequestOptions {
  if (config.verify === false) return { rejectUnauthorized: false };
  if (typeof config.verify === 'string') return { ca: readFileSync(config.verify) };
  return {};
}

function parse(text: string): unknown {
  try {
    return text ? JSON.parse(text) : null;
  } catch {
    return null;
  }
}

export function createConsulHttp(config: ConsulConfig, options: ConsulHttpOptions = {}): ConsulHttp {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const transport = config.scheme === 'https' ? https : http;
  const tls = config.scheme === 'https' ? tlsOptions(config) : {};
  const baseHeaders: Record<string, string> = config.token ? { 'X-Consul-Token': config.token } : {};
  return (method, path, request = {}) =>
    new Promise((resolve, reject) => {
      const payload = request.body === undefined ? undefined : JSON.stringify(request.body);
      const headers = payload ? { ...baseHeaders, 'Content-Type': 'application/json' } : baseHeaders;
      const signals = [AbortSignal.timeout(timeoutMs), ...(request.signal ? [request.signal] : [])];
      const req = transport.request(
        {
          ...tls,
          host: config.host,
          port: config.port,
          method,
          path,
          headers,
          signal: AbortSignal.any(signals),
        },
        (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => {
            text += chunk;
          });
          res.on('end', () => resolve({ status: res.statusCode ?? 0, text, json: parse(text) }));
          res.on('error', reject);
        },
      );
      req.on('error', (err) =>
        reject(
          new ConsulError(
            `consul ${method} ${path}: ${err.message}`,
            { host: config.host, port: config.port },
            err,
          ),
        ),
      );
      req.end(payload);
    });
}
