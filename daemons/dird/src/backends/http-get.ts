/**
 * One HTTP(S) GET for the backends that read a remote service (wazo-confd, a CSV web service,
 * Google, Microsoft Graph): bounded by a timeout and the caller's signal, the certificate checked
 * or not, or checked against a CA file, as the source says (`verify_certificate`).
 */
import { readFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';

export interface HttpGetOptions {
  headers?: Record<string, string>;
  timeoutMs: number;
  signal?: AbortSignal;
  /** true, false, or the path of a CA bundle. */
  verifyCertificate?: boolean | string;
  /** Largest body read, in bytes (a misconfigured URL must not fill memory). */
  maxBytes?: number;
}

export interface HttpAnswer {
  status: number;
  contentType: string;
  body: Buffer;
}

export class HttpGetError extends Error {
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
  }
}

export function httpGet(url: URL, options: HttpGetOptions): Promise<HttpAnswer> {
  const client = url.protocol === 'https:' ? https : http;
  const verify = options.verifyCertificate ?? true;
  const tls =
    url.protocol === 'https:'
      ? typeof verify === 'string'
        ? { ca: readFileSync(verify) }
        : { rejectUnauthorized: verify }
      : {};
  const limit = options.maxBytes ?? 64 * 1024 * 1024;
  return new Promise((resolve, reject) => {
    const signals = [AbortSignal.timeout(options.timeoutMs), ...(options.signal ? [options.signal] : [])];
    const request = client.get(
      url,
      { headers: options.headers, signal: AbortSignal.any(signals), ...tls },
      (response) => {
        const chunks: Buffer[] = [];
        let size = 0;
        response.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > limit)
            request.destroy(new HttpGetError(`${url.host} answered more than ${limit} bytes`));
          else chunks.push(chunk);
        });
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            contentType: String(response.headers['content-type'] ?? ''),
            body: Buffer.concat(chunks),
          }),
        );
        response.on('error', reject);
      },
    );
    request.on('error', reject);
  });
}

/** GET answering JSON with a 2xx, or an HttpGetError naming the status. */
export async function httpGetJson<T>(url: URL, options: HttpGetOptions): Promise<T> {
  const answer = await httpGet(url, {
    ...options,
    headers: { Accept: 'application/json', ...options.headers },
  });
  if (answer.status < 200 || answer.status >= 300)
    throw new HttpGetError(`GET ${url.origin}${url.pathname} answered ${answer.status}`, answer.status);
  return JSON.parse(answer.body.toString('utf8')) as T;
}
