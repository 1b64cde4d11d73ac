/**
 * Where each service answers. Two layouts: the all-in-one gateway (`--server host:port`, Wazo's
 * nginx paths under one HTTPS origin) and a distributed stack (one URL per service). A service's
 * own URL beats the server it would be derived from; flags beat environment beat the saved login.
 * The saved login fills the gaps only for the server it was made on: naming another wazo-auth
 * starts from nothing (its URLs, its TLS trust), so nothing of one server leaks to another.
 */
import { resolve } from 'node:path';
import { originOf } from './binding.js';
import { usageError } from './errors.js';
import type { TlsOptions } from './http.js';
import type { SavedSession } from './store.js';

export interface Targets {
  auth: string;
  confd?: string | undefined;
  websocketd?: string | undefined;
  dird?: string | undefined;
  tls: TlsOptions;
}

export interface TargetFlags {
  server?: string;
  authUrl?: string;
  confdUrl?: string;
  websocketdUrl?: string;
  dirdUrl?: string;
  caCert?: string;
  insecure?: boolean;
}

/** `host:port`, `https://host:port` or a URL with a path: the gateway's origin. */
function gatewayOrigin(server: string): string {
  const withScheme = /^[a-z]+:\/\//i.test(server) ? server : `https://${server}`;
  try {
    return new URL(withScheme).origin;
  } catch {
    throw usageError(`--server ${server}: not a host:port or URL`);
  }
}

export function gatewayUrls(server: string) {
  const origin = gatewayOrigin(server);
  return {
    auth: `${origin}/api/auth/0.1`,
    confd: `${origin}/api/confd/1.1`,
    websocketd: `${origin.replace(/^http/, 'ws')}/api/websocketd/`,
    dird: `${origin}/api/dird/0.1`,
  };
}

/** A service URL with its API version as the last path segment (added when missing). */
export function versioned(url: string, version: string, flag: string): string {
  let parsed: URL;
  try {
    parsed = new URL(/^[a-z]+:\/\//i.test(url) ? url : `http://${url}`);
  } catch {
    throw usageError(`${flag} ${url}: not a URL`);
  }
  const path = parsed.pathname.replace(/\/+$/, '');
  const withVersion = path.endsWith(`/${version}`) ? path : `${path}/${version}`;
  return `${parsed.origin}${withVersion}`;
}

function websocketUrl(url: string): string {
  const withScheme = /^[a-z]+:\/\//i.test(url) ? url : `ws://${url}`;
  return withScheme.replace(/^http/, 'ws');
}

function layer(
  server: string | undefined,
  own: Partial<Record<'auth' | 'confd' | 'websocketd' | 'dird', string>>,
) {
  const fromServer = server ? gatewayUrls(server) : undefined;
  return {
    auth: own.auth ? versioned(own.auth, '0.1', '--auth-url') : fromServer?.auth,
    confd: own.confd ? versioned(own.confd, '1.1', '--confd-url') : fromServer?.confd,
    websocketd: own.websocketd ? websocketUrl(own.websocketd) : fromServer?.websocketd,
    dird: own.dird ? versioned(own.dird, '0.1', '--dird-url') : fromServer?.dird,
  };
}

function envFlag(value: string | undefined): boolean | undefined {
  if (value === undefined || value === '') return undefined;
  return !['0', 'false', 'no'].includes(value.toLowerCase());
}

export function resolveTargets(
  flags: TargetFlags,
  env: NodeJS.ProcessEnv,
  saved: SavedSession | null,
): Targets {
  const fromFlags = layer(flags.server, {
    auth: flags.authUrl,
    confd: flags.confdUrl,
    websocketd: flags.websocketdUrl,
    dird: flags.dirdUrl,
  });
  const fromEnv = layer(env.WAZO_SERVER, {
    auth: env.WAZO_AUTH_URL,
    confd: env.WAZO_CONFD_URL,
    websocketd: env.WAZO_WEBSOCKETD_URL,
    dird: env.WAZO_DIRD_URL,
  });
  const named = fromFlags.auth ?? fromEnv.auth;
  const base = saved && (!named || originOf(named) === originOf(saved.auth_url)) ? saved : null;
  const auth = named ?? base?.auth_url;
  if (!auth) throw usageError('no server: run `wazo login --server HOST:PORT` (or pass --auth-url)');
  // Relative to where the command runs: saved absolute, so later commands work from anywhere.
  const caCert = flags.caCert ?? (env.WAZO_CA_CERT || undefined);
  return {
    auth,
    confd: fromFlags.confd ?? fromEnv.confd ?? base?.confd_url,
    websocketd: fromFlags.websocketd ?? fromEnv.websocketd ?? base?.websocketd_url,
    dird: fromFlags.dird ?? fromEnv.dird ?? base?.dird_url,
    tls: {
      caCert: caCert ? resolve(caCert) : base?.ca_cert,
      insecure: flags.insecure ?? envFlag(env.WAZO_INSECURE) ?? base?.insecure ?? false,
    },
  };
}
