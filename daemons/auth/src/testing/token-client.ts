/**
 * POST /token as a client does it (HTTP Basic, JSON body), over HTTP or HTTPS. `insecure` skips
 * the certificate check, for a daemon on 127.0.0.1 whose self-signed certificate the caller does
 * not hold (the conformance suite only hands over the URL).
 */
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';

export interface IssuedToken {
  token: string;
  session_uuid: string;
  refresh_token?: string | null;
  acl: string[];
  metadata: Record<string, unknown>;
  [key: string]: unknown;
}

export interface TokenRequestOptions {
  body?: Record<string, unknown>;
  headers?: Record<string, string>;
  insecure?: boolean;
}

export async function postToken(
  api: string,
  login: string,
  password: string,
  options: TokenRequestOptions = {},
): Promise<IssuedToken> {
  const basic = Buffer.from(`${login}:${password}`).toString('base64');
  const { status, text } = await send(`${api}/token`, {
    method: 'POST',
    headers: { authorization: `Basic ${basic}`, 'content-type': 'application/json', ...options.headers },
    body: JSON.stringify(options.body ?? { expiration: 3600 }),
    insecure: options.insecure ?? false,
  });
  if (status !== 200) throw new Error(`POST /token answered ${status}: ${text}`);
  return (JSON.parse(text) as { data: IssuedToken }).data;
}

interface RawRequest {
  method: string;
  headers: Record<string, string>;
  body?: string;
  insecure: boolean;
}

function send(url: string, raw: RawRequest): Promise<{ status: number; text: string }> {
  const target = new URL(url);
  const tls = target.protocol === 'https:';
  const request = tls ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = request(
      target,
      {
        method: raw.method,
        headers: raw.headers,
        ...(tls && raw.insecure ? { rejectUnauthorized: false } : {}),
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
      },
    );
    req.on('error', reject);
    req.end(raw.body);
  });
}
