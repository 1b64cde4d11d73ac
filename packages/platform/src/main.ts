#!/usr/bin/env node
/**
 * `npm start`: the whole platform on this machine. Configured by the environment (see
 * docs/platform.md); prints progress, then the banner; SIGINT/SIGTERM stop it and exit 0.
 */
import { banner } from './banner.js';
import { optionsFromEnv } from './options.js';
import { type Platform, startPlatform } from './platform.js';

const USAGE = `usage: wazo-platform   (npm start)

Runs wazo-auth, wazo-confd, wazo-websocketd and wazo-dird with an embedded PostgreSQL behind one HTTPS gateway.
Environment:
  WAZO_DATA_DIR        data folder (default ./data)
  WAZO_HTTPS_PORT      gateway port (default 8443)
  WAZO_HTTPS_LISTEN    gateway address (default 127.0.0.1; 0.0.0.0 for every interface)
  WAZO_TLS_CERT, WAZO_TLS_KEY   serve this certificate instead of a generated self-signed one
  WAZO_ADMIN_USERNAME, WAZO_ADMIN_PASSWORD   the initial admin (default: admin, generated password)
  WAZO_AUTH_PORT, WAZO_CONFD_PORT, WAZO_WEBSOCKETD_PORT   daemon ports on 127.0.0.1 (9497, 9486, 9502)
  WAZO_DIRD_PORT       wazo-dird's port on 127.0.0.1 (9489)
  WAZO_USER            account the platform runs as when started as root (default wazo)
  WAZO_<DAEMON>__<KEY> any daemon config key, e.g. WAZO_CONFD__LOG_LEVEL=debug
`;

const say = (line: string) => process.stdout.write(`${line}\n`);

function fail(error: unknown): never {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`wazo-platform: cannot start: ${message}\n`);
  process.exit(1);
}

function stopOnSignals(platform: Platform): void {
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    say(`\n${signal}: stopping...`);
    platform.stop().then(
      () => {
        say('Stopped.');
        process.exit(0);
      },
      (error: unknown) => {
        process.stderr.write(`wazo-platform: error while stopping: ${String(error)}\n`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
}

if (process.argv.includes('--help') || process.argv.includes('-h')) {
  process.stdout.write(USAGE);
  process.exit(0);
}

let platform: Platform;
try {
  const options = optionsFromEnv(process.env);
  say(`Starting the Wazo platform (data in ${options.dataDir})...`);
  platform = await startPlatform(options, { onProgress: (line) => say(`  ${line}`) });
} catch (error) {
  fail(error);
}
stopOnSignals(platform);
say(banner(platform));
