/** wazo-auth's token endpoints as the CLI uses them: log in, renew with a refresh token, check, revoke. */
import { hostname } from 'node:os';
import { parseErrorBody } from './api-errors.js';
import { CliError } from './errors.js';
import { type HttpResponse, send, type TlsOptions } from './http.js';

export interface IssuedToken {
  token: string;
  expires_at: string;
  refresh_token?: string | null | undefined;
  tenant_uuid?: string | undefined;
}

interface TokenData {
  token: string;
  utc_expires_at?: string;
  refresh_token?: string | null;
  metadata?: { tenant_uuid?: string };
}

/** One refresh token per user and client_id: one per machine the CLI runs on. */
export function defaultClientId(): string {
  return `wazo-cli-${hostname()}`.slice(0, 1024);
}

function issued(response: HttpResponse, expiration: number): IssuedToken {
  const data = (JSON.parse(response.text) as { data: TokenData }).data;
  // utc_expires_at has no zone designator; it is UTC.
  const parsed = data.utc_expires_at ? Date.parse(`${data.utc_expires_at}Z`) : Number.NaN;
  const expiresAt = Number.isNaN(parsed) ? Date.now() + expiration * 1000 : parsed;
  return {
    token: data.token,
    expires_at: new Date(expiresAt).toISOString(),
    refresh_token: data.refresh_token ?? undefined,
    tenant_uuid: data.metadata?.tenant_uuid,
  };
}

function failure(response: HttpResponse, what: string): CliError {
  const said = parseErrorBody(response.text).messages.join('; ') || `HTTP ${response.status}`;
  if (response.status >= 500)
    return new CliError(`wazo-auth failed (HTTP ${response.status}) ${what}: ${said}`);
  return new CliError(`${what} was refused (HTTP ${response.status}): ${said}`);
}

export interface LoginRequest {
  authUrl: string;
  tls: TlsOptions;
  username: string;
  password: string;
  expiration: number;
  clientId: string;
}

export async function createToken(req: LoginRequest): Promise<IssuedToken> {
  const basic = Buffer.from(`${req.username}:${req.password}`).toString('base64');
  const response = await send({
    url: `${req.authUrl}/token`,
    method: 'POST',
    headers: { authorization: `Basic ${basic}` },
    body: { expiration: req.expiration, access_type: 'offline', client_id: req.clientId },
    tls: req.tls,
    service: 'wazo-auth',
    base: req.authUrl,
  });
  if (response.status === 401)
    throw new CliError(
      `login failed: wrong username or password for ${req.username} (or the user is disabled)`,
    );
  if (response.status !== 200) throw failure(response, 'the login');
  return issued(response, req.expiration);
}

export async function renewToken(
  authUrl: string,
  tls: TlsOptions,
  refreshToken: string,
  clientId: string,
  expiration: number,
): Promise<IssuedToken | null> {
  const response = await send({
    url: `${authUrl}/token`,
    method: 'POST',
    body: { expiration, refresh_token: refreshToken, client_id: clientId },
    tls,
    service: 'wazo-auth',
    base: authUrl,
  });
  if (response.status === 401) return null;
  if (response.status !== 200) throw failure(response, 'renewing the token');
  return issued(response, expiration);
}

/** Whether wazo-auth still knows the token (HEAD /token/{t}: 204 or 404). */
export async function tokenIsValid(authUrl: string, tls: TlsOptions, token: string): Promise<boolean> {
  const response = await send({
    url: `${authUrl}/token/${encodeURIComponent(token)}`,
    method: 'HEAD',
    tls,
    service: 'wazo-auth',
    base: authUrl,
  });
  return response.status >= 200 && response.status < 300;
}

export async function revokeToken(authUrl: string, tls: TlsOptions, token: string): Promise<void> {
  const response = await send({
    url: `${authUrl}/token/${encodeURIComponent(token)}`,
    method: 'DELETE',
    tls,
    service: 'wazo-auth',
    base: authUrl,
  });
  if (response.status >= 400 && response.status !== 404) throw failure(response, 'revoking the token');
}
