/** What the platform is told through its environment, with the defaults a first user gets. */
import { resolve } from 'node:path';

export interface PlatformPorts {
  auth: number;
  confd: number;
  websocketd: number;
  dird: number;
}

export interface PlatformOptions {
  /** Everything the platform keeps: database, logs, keys, certificate, admin credentials. */
  dataDir: string;
  httpsPort: number;
  /** Address of the gateway; the daemons always listen on 127.0.0.1. */
  httpsListen: string;
  /** A certificate to serve instead of the generated self-signed one. */
  tlsCertificate?: string | undefined;
  tlsPrivateKey?: string | undefined;
  ports: PlatformPorts;
  /** Account the daemons and the gateway run as when started as root. */
  runAs: string;
  /** WAZO_ADMIN_*, WAZO_<DAEMON>__* and XIVO_UUID are read from here. */
  env: NodeJS.ProcessEnv;
}

/** Wazo's ports (the daemons) and the gateway's 8443 (443 needs root). */
export const DEFAULT_PORTS: PlatformPorts = { auth: 9497, confd: 9486, websocketd: 9502, dird: 9489 };

function port(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > 65535)
    throw new Error(`${name}: "${raw}" is not a port number (1-65535)`);
  return value;
}

export function optionsFromEnv(env: NodeJS.ProcessEnv, cwd = process.cwd()): PlatformOptions {
  return {
    dataDir: resolve(cwd, env.WAZO_DATA_DIR || 'data'),
    httpsPort: port(env, 'WAZO_HTTPS_PORT', 8443),
    httpsListen: env.WAZO_HTTPS_LISTEN || '127.0.0.1',
    tlsCertificate: env.WAZO_TLS_CERT || undefined,
    tlsPrivateKey: env.WAZO_TLS_KEY || undefined,
    ports: {
      auth: port(env, 'WAZO_AUTH_PORT', DEFAULT_PORTS.auth),
      confd: port(env, 'WAZO_CONFD_PORT', DEFAULT_PORTS.confd),
      websocketd: port(env, 'WAZO_WEBSOCKETD_PORT', DEFAULT_PORTS.websocketd),
      dird: port(env, 'WAZO_DIRD_PORT', DEFAULT_PORTS.dird),
    },
    runAs: env.WAZO_USER || 'wazo',
    env,
  };
}
