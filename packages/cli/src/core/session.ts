/**
 * Calls to wazo-auth and wazo-confd with the saved login: the token renewed with the refresh token
 * when it expired, `Wazo-Tenant` from --tenant, and every error answer turned into one line.
 * A 401 is told apart by asking wazo-auth about the token: unknown means logged out or expired,
 * known means the token lacks the ACL (or may not see the tenant). The token and refresh token
 * are only ever sent to the server they were issued for (binding.ts).
 */
import { describeHttpError, type ParsedError, parseErrorBody } from './api-errors.js';
import { assertBound, type BoundService } from './binding.js';
import { CliError } from './errors.js';
import { type HttpResponse, send } from './http.js';
import { loadSession, type SavedSession, saveSession } from './store.js';
import { resolveTargets, type TargetFlags, type Targets } from './targets.js';
import { renewToken, tokenIsValid } from './tokens.js';

export type Service = 'auth' | 'confd' | 'dird';
export type Query = Record<string, string | number | boolean | undefined>;

export interface CallOptions {
  query?: Query;
  body?: unknown;
  /** A CSV body (`text/csv; charset=utf-8`) instead of `body`. */
  csv?: string;
  /** Answer the response's text as is instead of parsing JSON (a CSV export). */
  text?: boolean;
}

export interface Session {
  targets: Targets;
  saved: SavedSession | null;
  call(service: Service, method: string, path: string, options?: CallOptions): Promise<unknown>;
  /** A token valid now for that service, renewed first if it expired. */
  token(service: BoundService): Promise<string>;
  /** Throws "not logged in to ..." unless the saved token may go to that service's target. */
  check(service: BoundService): void;
}

export interface SessionFlags extends TargetFlags {
  tenant?: string;
}

const NAMES: Record<Service, string> = { auth: 'wazo-auth', confd: 'wazo-confd', dird: 'wazo-dird' };
const RENEW_MARGIN_MS = 30_000;
const RENEWED_LIFETIME = 3600;
const NOT_LOGGED_IN = 'not logged in: run `wazo login`';
const EXPIRED = 'your session expired and could not be renewed: run `wazo login`';

function baseOf(targets: Targets, service: Service): string {
  if (service === 'dird') {
    if (!targets.dird)
      throw new CliError('no wazo-dird URL: pass --server or --dird-url (or log in with one)');
    return targets.dird;
  }
  const base = service === 'auth' ? targets.auth : targets.confd;
  if (!base) throw new CliError('no wazo-confd URL: pass --server or --confd-url (or log in with one)');
  return base;
}

function urlOf(base: string, path: string, query: Query = {}): string {
  const url = new URL(`${base}${path}`);
  for (const [key, value] of Object.entries(query))
    if (value !== undefined) url.searchParams.set(key, String(value));
  return url.toString();
}

function permissionMessage(method: string, path: string, parsed: ParsedError, tenant?: string): string {
  const tenantRefused =
    parsed.errorId === 'unauthorized-tenant' || parsed.messages.includes('Unauthorized tenant');
  if (tenantRefused) return `permission denied: tenant ${tenant ?? '(given)'} is not visible to your token`;
  const required = parsed.details?.required_access;
  const needs = typeof required === 'string' ? ` (needs ${required})` : '';
  return `permission denied: your token lacks the ACL for ${method} ${path}${needs}`;
}

export async function openSession(env: NodeJS.ProcessEnv, flags: SessionFlags): Promise<Session> {
  let saved = await loadSession(env);
  const targets = resolveTargets(flags, env, saved);
  const tenant = flags.tenant ?? (env.WAZO_TENANT || undefined);

  async function renew(): Promise<string | null> {
    if (!saved?.refresh_token || !saved.client_id) return null;
    assertBound(saved, targets, 'auth');
    const fresh = await renewToken(
      targets.auth,
      targets.tls,
      saved.refresh_token,
      saved.client_id,
      RENEWED_LIFETIME,
    );
    if (!fresh) return null;
    saved = { ...saved, token: fresh.token, expires_at: fresh.expires_at };
    await saveSession(env, saved);
    return fresh.token;
  }

  /** The saved token, if it may be sent to that service as targeted (and renewed at wazo-auth). */
  function bound(service: BoundService): { token: string; expires_at?: string | undefined } {
    if (!saved?.token) throw new CliError(NOT_LOGGED_IN);
    assertBound(saved, targets, service);
    return { token: saved.token, expires_at: saved.expires_at };
  }

  async function token(service: BoundService): Promise<string> {
    const current = bound(service);
    const expiresAt = current.expires_at ? Date.parse(current.expires_at) : Number.POSITIVE_INFINITY;
    if (expiresAt - RENEW_MARGIN_MS > Date.now()) return current.token;
    const renewed = await renew();
    if (!renewed) throw new CliError(EXPIRED);
    return renewed;
  }

  function exchange(service: Service, method: string, path: string, options: CallOptions, tok: string) {
    const headers: Record<string, string> = { 'x-auth-token': tok };
    if (tenant) headers['wazo-tenant'] = tenant;
    const base = baseOf(targets, service);
    const url = urlOf(base, path, options.query);
    return send({
      url,
      method,
      headers,
      body: options.body,
      ...(options.csv === undefined
        ? {}
        : { raw: { text: options.csv, contentType: 'text/csv; charset=utf-8' } }),
      tls: targets.tls,
      service: NAMES[service],
      base,
    });
  }

  async function unauthorized(tok: string, response: HttpResponse, method: string, path: string) {
    if (await tokenIsValid(targets.auth, targets.tls, tok))
      return new CliError(permissionMessage(method, path, parseErrorBody(response.text), tenant));
    return null;
  }

  async function call(service: Service, method: string, path: string, options: CallOptions = {}) {
    let tok = await token(service);
    let response = await exchange(service, method, path, options, tok);
    if (response.status === 401) {
      const denied = await unauthorized(tok, response, method, path);
      if (denied) throw denied;
      // wazo-auth forgot the token before its time (revoked, restarted): renew once.
      const renewed = await renew();
      if (!renewed) throw new CliError(EXPIRED);
      tok = renewed;
      response = await exchange(service, method, path, options, tok);
      if (response.status === 401)
        throw (await unauthorized(tok, response, method, path)) ?? new CliError(EXPIRED);
    }
    if (response.status >= 400)
      throw new CliError(describeHttpError(NAMES[service], response.status, parseErrorBody(response.text)));
    if (options.text) return response.text;
    if (response.status === 204 || response.text === '') return null;
    try {
      return JSON.parse(response.text) as unknown;
    } catch {
      throw new CliError(
        `${NAMES[service]} answered something that is not JSON (is ${baseOf(targets, service)} right?)`,
      );
    }
  }

  return { targets, saved, call, token, check: (service) => void bound(service) };
}
