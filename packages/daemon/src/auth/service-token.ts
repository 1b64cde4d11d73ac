/**
 * The daemon's own token, for its calls to other daemons: created with the service account, renewed
 * at 80% of its life, retried after 1, 2, 4, 8, 16 then every 32 s when wazo-auth fails (Wazo's
 * schedule; unlike Wazo, the schedule starts again at 1 s after a success).
 */
import type { AuthClientConfig } from '../config/schema.js';
import { maskToken } from '../logging/redact.js';
import type { ComponentStatus } from '../status/status.js';
import { type AuthTransport, createAuthTransport } from './auth-transport.js';
import { type Clock, type Scheduler, systemClock, systemScheduler } from './clock.js';
import type { AuthLogger } from './http-verifier.js';
import { loadServiceCredentials, type ServiceCredentials } from './service-credentials.js';
import { parseTokenDocument, parseWazoUtc } from './wazo-token.js';

export interface ServiceToken {
  token: string;
  expiresAt: number;
  /** The service account's tenant: the master tenant for Wazo's service accounts. */
  tenantUuid: string | null;
  /** wazo-auth's whole token document. */
  details: Record<string, unknown>;
}

export type ServiceTokenListener = (token: string, details: ServiceToken) => void;

export interface ServiceTokenRenewer {
  /** Creates the first token; resolves once the first attempt is over, whatever its outcome. */
  start(): Promise<void>;
  stop(): void;
  current(): ServiceToken | null;
  /** Called on every new token, at once with the current one if any; returns an unsubscribe. */
  onToken(listener: ServiceTokenListener): () => void;
  /** A /status provider: `ok` while an unexpired token is held, else `fail` with the reason. */
  status(): ComponentStatus;
}

export interface ServiceTokenRenewerOptions {
  config: AuthClientConfig;
  logger: AuthLogger;
  clock?: Clock;
  scheduler?: Scheduler;
  transport?: AuthTransport;
}

const BACKOFF_SECONDS = [1, 2, 4, 8, 16, 32];
const RENEW_AT = 0.8;

function toServiceToken(body: unknown): ServiceToken | Error {
  const info = parseTokenDocument(body);
  if (info instanceof Error) return info;
  const details = (body as { data: Record<string, unknown> }).data;
  return {
    token: info.token,
    expiresAt: info.expiresAt,
    tenantUuid: info.metadata.tenant_uuid ?? null,
    details,
  };
}

export function createServiceTokenRenewer(options: ServiceTokenRenewerOptions): ServiceTokenRenewer {
  const { config, logger } = options;
  const clock = options.clock ?? systemClock;
  const scheduler = options.scheduler ?? systemScheduler;
  const transport = options.transport ?? createAuthTransport(config);
  const listeners = new Set<ServiceTokenListener>();
  let credentials: ServiceCredentials | null = null;
  let current: ServiceToken | null = null;
  let lastError = 'not started';
  let failures = 0;
  let timer: unknown = null;
  let running = false;

  function schedule(ms: number): void {
    if (running) timer = scheduler.setTimeout(() => void renew(), ms);
  }

  // Wazo renews at 80% of the asked expiration; the server's own issued/expires pair gives the real
  // life (the server may cap it) without trusting our clock against the server's.
  function lifeOf(token: ServiceToken): number {
    const issued = parseWazoUtc(String(token.details.utc_issued_at ?? ''));
    const life = token.expiresAt - issued;
    return Number.isFinite(life) && life > 0 ? life : config.token_expiration * 1000;
  }

  async function createToken(creds: ServiceCredentials): Promise<ServiceToken> {
    const basic = Buffer.from(`${creds.username}:${creds.password}`).toString('base64');
    const response = await transport.request({
      method: 'POST',
      path: '/0.1/token',
      headers: { authorization: `Basic ${basic}`, 'content-type': 'application/json' },
      body: JSON.stringify({ expiration: config.token_expiration }),
    });
    if (response.status !== 200) throw new Error(`wazo-auth answered ${response.status}`);
    const token = toServiceToken(JSON.parse(response.body));
    if (token instanceof Error) throw token;
    return token;
  }

  function notify(token: ServiceToken, only?: ServiceTokenListener): void {
    for (const listener of only ? [only] : listeners) {
      try {
        listener(token.token, token);
      } catch (error) {
        logger.warn({ err: error }, 'service token listener failed');
      }
    }
  }

  async function renew(): Promise<void> {
    if (!running || credentials === null) return;
    try {
      const token = await createToken(credentials);
      if (!running) return;
      current = token;
      failures = 0;
      logger.debug({ token: maskToken(token.token) }, 'service token created');
      schedule(RENEW_AT * lifeOf(token));
      notify(token);
    } catch (error) {
      lastError = `cannot create the service token: ${(error as Error).message}`;
      const delay = BACKOFF_SECONDS[Math.min(failures, BACKOFF_SECONDS.length - 1)]!;
      failures += 1;
      logger.warn({ username: credentials.username }, `${lastError}; retrying in ${delay} s`);
      schedule(delay * 1000);
    }
  }

  async function start(): Promise<void> {
    if (running) return;
    running = true;
    const loaded = await loadServiceCredentials(config);
    if (loaded instanceof Error) {
      // Without credentials nothing can succeed until the config changes: report, do not retry.
      lastError = loaded.message;
      logger.error(lastError);
      return;
    }
    credentials = loaded;
    await renew();
  }

  return {
    start,
    stop() {
      running = false;
      if (timer !== null) scheduler.clearTimeout(timer);
      timer = null;
      transport.close();
    },
    current: () => current,
    onToken(listener) {
      listeners.add(listener);
      if (current) notify(current, listener);
      return () => void listeners.delete(listener);
    },
    status() {
      if (current && clock.now() < current.expiresAt) return { status: 'ok' };
      return { status: 'fail', reason: lastError };
    },
  };
}
