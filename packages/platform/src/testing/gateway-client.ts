/** HTTPS calls to the platform's gateway, trusting its own certificate. */
import { readFile } from 'node:fs/promises';
import { request } from 'node:https';

export interface GatewayAnswer {
  status: number;
  body: unknown;
  headers: Record<string, string | string[] | undefined>;
}

export async function gatewayCall(
  base: string,
  certificate: string,
  method: string,
  path: string,
  options: { token?: string; basic?: [string, string]; body?: unknown } = {},
): Promise<GatewayAnswer> {
  const ca = await readFile(certificate);
  const headers: Record<string, string> = {};
  if (options.token) headers['x-auth-token'] = options.token;
  if (options.basic)
    headers.authorization = `Basic ${Buffer.from(options.basic.join(':')).toString('base64')}`;
  const payload = options.body === undefined ? undefined : JSON.stringify(options.body);
  if (payload) headers['content-type'] = 'application/json';
  return new Promise((resolve, reject) => {
    const req = request(`${base}${path}`, { method, headers, ca }, (res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString()));
      res.on('end', () => {
        let body: unknown = text;
        try {
          body = text ? JSON.parse(text) : null;
        } catch {
          // Not JSON: kept as text for the assertion message.
        }
        resolve({ status: res.statusCode ?? 0, body, headers: res.headers });
      });
    });
    req.on('error', reject);
    req.end(payload);
  });
}

export async function adminToken(
  base: string,
  certificate: string,
  admin: { username: string; password: string },
) {
  const answer = await gatewayCall(base, certificate, 'POST', '/api/auth/0.1/token', {
    basic: [admin.username, admin.password],
    body: { expiration: 600 },
  });
  if (answer.status !== 200) throw new Error(`admin login: ${answer.status} ${JSON.stringify(answer.body)}`);
  return (answer.body as { data: { token: string; metadata: { tenant_uuid: string } } }).data;
}
