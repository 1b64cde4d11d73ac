/**
 * Sets up what the conformance suite needs: a certificate, a fake wazo-auth (unless the daemon
 * issues tokens itself), a config folder with a main file and a conf.d layer, an environment
 * layer, a command-line layer, and the daemon as a child process running as `nobody` when the
 * tests run as root.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { type FakeWazoAuth, startFakeWazoAuth } from '../auth/testing/fake-wazo-auth.js';
import { envPrefix } from '../config/env.js';
import { type CertificateFiles, createSelfSignedCertificate } from './certificates.js';
import { type ConsulAgentDouble, startConsulAgentDouble } from './consul-agent-double.js';
import { type DaemonProcess, startDaemonProcess } from './daemon-process.js';

export interface ConformanceOptions {
  /** Short name: `auth`, `confd`... */
  name: string;
  apiVersion: string;
  /** Path of the daemon's entry module (its main.ts). */
  entry: string;
  /** Config keys the daemon needs to start (e.g. `db_uri`), written in the main file. */
  config?: Record<string, unknown>;
  /**
   * Issues a token holding `acl`, for daemons that verify tokens themselves (wazo-auth). By
   * default a fake wazo-auth issues them and the daemon is pointed at it.
   */
  tokenFor?: (daemonUrl: string, acl: string[]) => Promise<string>;
}

export interface LogLine {
  level: number;
  daemon?: string;
  msg?: string;
  [key: string]: unknown;
}

export interface ConformanceContext {
  daemon: DaemonProcess;
  certificate: CertificateFiles;
  operations: { path: string; method: string; acl: string | undefined }[];
  unprivilegedUid: number;
  lastToken: string;
  tokenFor(acl: string[]): Promise<string>;
  logText(): Promise<string>;
  logLines(): Promise<LogLine[]>;
  processUids(): Promise<number[]>;
  /** Writes a variant of the main config file (top-level keys replaced) and returns its path. */
  writeConfig(name: string, overrides: Record<string, unknown>): Promise<string>;
  /** The folder holding the config files; a place for extra log files. */
  dir: string;
  /** The Consul agent the daemon registers with. */
  consul: ConsulAgentDouble;
  /** The `rest_api` section of the main config file. */
  restApi: Record<string, unknown>;
  close(): Promise<void>;
}

const NOBODY_UID = 65534;

async function writeConfigFolder(
  options: ConformanceOptions,
  dir: string,
  certificate: CertificateFiles,
  auth: FakeWazoAuth | undefined,
  consul: ConsulAgentDouble,
) {
  const logFile = join(dir, 'log', `wazo-${options.name}.log`);
  const main = {
    ...options.config,
    log_filename: logFile,
    log_level: 'error',
    log_stdout: true,
    user: process.getuid?.() === 0 ? 'nobody' : null,
    rest_api: {
      listen: '127.0.0.1',
      port: 0,
      certificate: certificate.certificate,
      private_key: certificate.privateKey,
      request_timeout: 30,
    },
    consul: { scheme: 'http', host: '127.0.0.1', port: consul.port },
    service_discovery: {
      enabled: true,
      advertise_address: '127.0.0.1',
      refresh_interval: 1,
      retry_interval: 0.2,
      advertise_address_interface: 'from-main-file',
      extra_tags: ['from-main-file'],
    },
    ...(auth
      ? {
          auth: {
            host: '127.0.0.1',
            port: auth.port,
            https: false,
            prefix: null,
            key_file: null,
            // A service account the fake accepts, so a daemon whose service token is required is healthy.
            username: CONFORMANCE_SERVICE.username,
            password: CONFORMANCE_SERVICE.password,
          },
        }
      : {}),
  };
  await mkdir(join(dir, 'conf.d'), { recursive: true });
  await mkdir(join(dir, 'log'), { recursive: true });
  await writeFile(join(dir, 'config.yml'), stringify({ ...main, extra_config_files: join(dir, 'conf.d') }));
  await writeFile(
    join(dir, 'conf.d', '50-conformance.yml'),
    stringify({ service_discovery: { advertise_address_interface: 'from-conf-d' } }),
  );
  return { configFile: join(dir, 'config.yml'), logFile, main };
}

const CONFORMANCE_SERVICE = { username: 'conformance-service', password: 'conformance-secret' };

export async function startConformanceContext(options: ConformanceOptions): Promise<ConformanceContext> {
  const dir = await mkdtemp(join(tmpdir(), `wazo-${options.name}-conformance-`));
  const certificate = await createSelfSignedCertificate(dir);
  const auth = options.tokenFor ? undefined : await startFakeWazoAuth();
  auth?.setCredentials(CONFORMANCE_SERVICE.username, CONFORMANCE_SERVICE.password);
  const consul = await startConsulAgentDouble();
  const { configFile, logFile, main } = await writeConfigFolder(options, dir, certificate, auth, consul);
  // The kit's own prefix rule: a daemon named foo-bar reads WAZO_FOO_BAR__...
  const envName = `${envPrefix(options.name)}REST_API__MAX_BODY_SIZE`;
  const daemon = await startDaemonProcess({
    entry: options.entry,
    args: ['-c', configFile, '-d'],
    env: { [envName]: '2000000' },
  });
  const context: ConformanceContext = {
    daemon,
    certificate,
    operations: [],
    unprivilegedUid: NOBODY_UID,
    lastToken: '',
    async tokenFor(acl) {
      const token = options.tokenFor
        ? await options.tokenFor(daemon.url, acl)
        : auth!.addToken({ acl }).token;
      context.lastToken = token;
      return token;
    },
    logText: () => readFile(logFile, 'utf8'),
    async logLines() {
      const text = await readFile(logFile, 'utf8');
      return text
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as LogLine);
    },
    async processUids() {
      const status = await readFile(`/proc/${daemon.pid}/status`, 'utf8');
      const uidLine = status.split('\n').find((l) => l.startsWith('Uid:')) ?? '';
      return uidLine.split(/\s+/).slice(1).filter(Boolean).map(Number);
    },
    dir,
    consul,
    restApi: main.rest_api,
    async writeConfig(name, overrides) {
      const path = join(dir, name);
      await writeFile(path, stringify({ ...main, ...overrides }));
      return path;
    },
    async close() {
      await daemon.stop('SIGKILL');
      await auth?.close();
      await consul.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
  return context;
}
