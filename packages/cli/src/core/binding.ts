/**
 * A saved token goes only where it came from: the origins of the wazo-auth, wazo-confd and
 * wazo-websocketd URLs `wazo login` was given, and its refresh token only to that wazo-auth. A
 * command aimed elsewhere (--server, --auth-url, WAZO_SERVER...) is told it is not logged in
 * there, rather than handing another server the credentials of this one.
 */
import { CliError } from './errors.js';
import type { SavedSession } from './store.js';
import type { Targets } from './targets.js';

export type BoundService = 'auth' | 'confd' | 'websocketd' | 'dird';

const SCHEMES: Record<string, string> = { 'ws:': 'http:', 'wss:': 'https:' };

/** `scheme://host:port`, ws(s) counted as http(s): the same server either way. */
export function originOf(url: string): string {
  try {
    const parsed = new URL(url);
    return `${SCHEMES[parsed.protocol] ?? parsed.protocol}//${parsed.host}`;
  } catch {
    return url;
  }
}

/** What to run to get a token for that server, in the flag the user would have used. */
function loginHint(service: BoundService, url: string): string {
  if (service === 'confd') return `wazo login --confd-url ${url.replace(/\/1\.1$/, '')}`;
  if (service === 'websocketd') return `wazo login --websocketd-url ${url}`;
  if (service === 'dird') return `wazo login --dird-url ${url.replace(/\/0\.1$/, '')}`;
  const path = new URL(url).pathname;
  if (path === '/api/auth/0.1') return `wazo login --server ${originOf(url)}`;
  return `wazo login --auth-url ${originOf(url)}${path.replace(/\/0\.1$/, '')}`;
}

function notLoggedInTo(service: BoundService, url: string, saved: SavedSession): CliError {
  return new CliError(
    `not logged in to ${originOf(url)}: run \`${loginHint(service, url)}\`` +
      ` (the saved login is for ${originOf(saved.auth_url)} and is never sent elsewhere)`,
  );
}

/** Throws unless the saved token may be sent to `service` as the targets place it. */
export function assertBound(saved: SavedSession, targets: Targets, service: BoundService): void {
  // Every use of the token may renew it at wazo-auth: that origin must be the saved one.
  if (originOf(targets.auth) !== originOf(saved.auth_url)) throw notLoggedInTo('auth', targets.auth, saved);
  const url = service === 'auth' ? undefined : targets[service];
  if (url === undefined) return;
  const trusted = [saved.auth_url, saved.confd_url, saved.websocketd_url, saved.dird_url].flatMap((u) =>
    u ? [originOf(u)] : [],
  );
  if (!trusted.includes(originOf(url))) throw notLoggedInTo(service, url, saved);
}
