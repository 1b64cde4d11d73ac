/**
 * The whole platform on one machine, in the order a Wazo host comes up: data folder, database,
 * gateway socket (bound while still root), wazo-auth with its bootstrap, the service accounts,
 * then the daemons that need them. `stop()` undoes it in reverse: daemons last-started first,
 * the gateway, PostgreSQL.
 */
import type { EventEmitter } from 'node:events';
import { authDaemon } from '@wazo-ts/auth';
import { createMemoryTransport } from '@wazo-ts/bus';
import { confdDaemon } from '@wazo-ts/confd';
import { dirdDaemon } from '@wazo-ts/dird';
import { websocketdDaemon } from '@wazo-ts/websocketd';
import { type AdminPlan, planAdmin, saveAdminCredentials } from './bootstrap/admin.js';
import { createAuthApi } from './bootstrap/auth-api.js';
import {
  ensureServiceAccount,
  hasKeyFile,
  keyFileOf,
  SERVICE_ACCOUNTS,
  type ServiceAccountName,
} from './bootstrap/service-accounts.js';
import { ensureCertificate } from './certificate.js';
import {
  type DaemonContext,
  type DaemonPlan,
  PLATFORM_DAEMONS,
  startDaemon,
  writeDaemonConfig,
} from './daemons.js';
import { prepareDataDir } from './data-dir.js';
import { startDatabaseKeeper } from './database/keeper-client.js';
import { type Gateway, startGateway } from './gateway/gateway.js';
import { checkPortFree } from './gateway/listen.js';
import { platformRoutes } from './gateway/routes.js';
import type { PlatformOptions } from './options.js';
import { ensureRunUser, runningAsRoot } from './privileges.js';
import { platformProxySecret } from './proxy-secret.js';
import { createStopStack, type StopStack } from './stop-stack.js';
import { platformUuid } from './wazo-uuid.js';

export interface Platform {
  /** `https://127.0.0.1:8443`: the gateway. */
  url: string;
  /** Each daemon's own plain-HTTP root on 127.0.0.1. */
  daemons: { auth: string; confd: string; websocketd: string; dird: string };
  admin: { username: string; password: string; file: string; generated: boolean };
  /** The certificate the gateway serves (the file clients trust when it is self-signed). */
  certificate: { file: string; selfSigned: boolean; generated: boolean };
  dataDir: string;
  /** True when this start created the database cluster. */
  firstStart: boolean;
  /** The Wazo uuid (XIVO_UUID) every daemon shares, kept in `<data>/wazo-uuid`. */
  uuid: string;
  /** The PostgreSQL keeper process (it outlives privileges to stop the server). */
  keeperPid: number;
  stop(): Promise<void>;
}

export interface StartHooks {
  /** A line for the user while slow steps run. */
  onProgress?: (message: string) => void;
}

async function checkPorts(options: PlatformOptions): Promise<void> {
  await checkPortFree(options.httpsPort, options.httpsListen, 'gateway (WAZO_HTTPS_PORT)');
  for (const [name, port] of Object.entries(options.ports))
    await checkPortFree(port, '127.0.0.1', `wazo-${name} (WAZO_${name.toUpperCase()}_PORT)`);
}

async function ensureServiceAccounts(options: PlatformOptions, admin: AdminPlan, authUrl: string) {
  const names = Object.keys(SERVICE_ACCOUNTS) as ServiceAccountName[];
  const missing: ServiceAccountName[] = [];
  for (const name of names) if (!(await hasKeyFile(options.dataDir, name))) missing.push(name);
  if (missing.length === 0) return;
  const api = createAuthApi(authUrl);
  const token = await api.login(admin.username, admin.password);
  if (!token)
    throw new Error(
      `cannot create the service accounts (${missing.join(', ')}): wazo-auth refuses the admin credentials of ${admin.file}; ` +
        'set WAZO_ADMIN_USERNAME and WAZO_ADMIN_PASSWORD to reset them',
    );
  for (const name of missing)
    await ensureServiceAccount({ api, adminToken: token, dataDir: options.dataDir, name });
}

interface Front {
  certificate: Awaited<ReturnType<typeof ensureCertificate>>;
  gatewayUrl: string;
  gateway: Gateway;
  uris: Record<'auth' | 'confd' | 'dird', string>;
  keeperPid: number;
  firstStart: boolean;
  proxySecret: string;
}

/** Certificate, gateway and database; their stops go on `stack` (PostgreSQL stops last). */
async function startFront(options: PlatformOptions, stack: StopStack, progress: (line: string) => void) {
  const certificate = await ensureCertificate({
    dataDir: options.dataDir,
    certificate: options.tlsCertificate,
    privateKey: options.tlsPrivateKey,
  });
  if (certificate.generated) progress(`Generated a self-signed certificate: ${certificate.certificate}`);
  const proxySecret = await platformProxySecret(options.dataDir);
  // Bound first: while still root (port 443), and before PostgreSQL picks a free port that could
  // be this one. It answers 502 until the daemons are up.
  const gateway = await startGateway({
    routes: platformRoutes(options.ports),
    port: options.httpsPort,
    listen: options.httpsListen,
    certificate,
    proxySecret,
  });
  let firstStart = false;
  const database = await startDatabaseKeeper({
    dataDir: options.dataDir,
    onProgress: (stage) => {
      if (stage === 'initialising') {
        firstStart = true;
        progress('Creating the PostgreSQL database cluster (first start only, a few seconds)...');
      } else if (stage === 'starting') progress('Starting PostgreSQL...');
    },
  }).catch(async (error: unknown) => {
    await gateway.close();
    throw error;
  });
  stack.push(() => database.stop());
  stack.push(() => gateway.close());
  const front: Front = {
    certificate,
    gatewayUrl: gateway.url,
    gateway,
    uris: database.uris,
    keeperPid: database.pid,
    firstStart,
    proxySecret,
  };
  return front;
}

type DaemonPlans = Record<DaemonPlan['name'], DaemonPlan>;

function planDaemons(options: PlatformOptions, uris: Front['uris'], admin: AdminPlan): DaemonPlans {
  return {
    auth: {
      name: 'auth',
      port: options.ports.auth,
      config: { db_uri: uris.auth },
      env: admin.bootstrap
        ? {
            WAZO_AUTH__BOOTSTRAP_USER_ON_STARTUP: 'true',
            WAZO_AUTH__BOOTSTRAP_USER_USERNAME: JSON.stringify(admin.username),
            WAZO_AUTH__BOOTSTRAP_USER_PASSWORD: JSON.stringify(admin.password),
          }
        : {},
    },
    confd: {
      name: 'confd',
      port: options.ports.confd,
      config: { db_uri: uris.confd },
      keyFile: keyFileOf(options.dataDir, 'wazo-confd'),
    },
    websocketd: {
      name: 'websocketd',
      port: options.ports.websocketd,
      keyFile: keyFileOf(options.dataDir, 'wazo-websocketd'),
    },
    dird: {
      name: 'dird',
      port: options.ports.dird,
      config: { db_uri: uris.dird, confd: { host: '127.0.0.1', port: options.ports.confd, https: false } },
      keyFile: keyFileOf(options.dataDir, 'wazo-dird'),
    },
  };
}

/**
 * The gateway hands a daemon's HTTP requests to it in this process rather than over a loopback
 * socket (a second HTTP exchange cost most of a proxied token check); detached before it stops.
 */
function serveInProcess<T extends { app: { server: EventEmitter } }>(
  gateway: Gateway,
  stack: StopStack,
  service: string,
  daemon: T,
): T {
  const { server } = daemon.app;
  const detach = gateway.serveInProcess(service, (req, res) => server.emit('request', req, res));
  stack.push(async () => detach());
  return daemon;
}

function startServiceDaemons(plans: DaemonPlans, context: DaemonContext, stack: StopStack, gateway: Gateway) {
  return Promise.all([
    startDaemon(confdDaemon, plans.confd, context)
      .then(stack.track)
      .then((d) => serveInProcess(gateway, stack, 'confd', d)),
    startDaemon(websocketdDaemon, plans.websocketd, context)
      .then(stack.track)
      .then((d) => serveInProcess(gateway, stack, 'websocketd', d)),
    startDaemon(dirdDaemon, plans.dird, context)
      .then(stack.track)
      .then((d) => serveInProcess(gateway, stack, 'dird', d)),
  ]);
}

export async function startPlatform(options: PlatformOptions, hooks: StartHooks = {}): Promise<Platform> {
  const progress = hooks.onProgress ?? (() => {});
  await checkPorts(options);
  const runUser = runningAsRoot() ? await ensureRunUser(options.runAs) : null;
  await prepareDataDir(options.dataDir, runUser, PLATFORM_DAEMONS);
  const stack = createStopStack();
  try {
    const front = await startFront(options, stack, progress);
    const admin = await planAdmin(options.dataDir, options.env);
    const uuid = await platformUuid(options.dataDir, options.env);
    const context: DaemonContext = {
      dataDir: options.dataDir,
      user: runUser,
      authPort: options.ports.auth,
      proxySecret: front.proxySecret,
      transport: createMemoryTransport(),
      // One Wazo uuid for every daemon: events' origin_uuid, tokens' xivo_uuid.
      env: { ...options.env, XIVO_UUID: uuid },
    };
    const plans = planDaemons(options, front.uris, admin);
    // All of them now, while still root: wazo-auth drops privileges as it starts.
    for (const plan of Object.values(plans)) await writeDaemonConfig(plan, context);
    progress('Starting wazo-auth...');
    const auth = stack.track(await startDaemon(authDaemon, plans.auth, context));
    serveInProcess(front.gateway, stack, 'auth', auth);
    if (admin.bootstrap) await saveAdminCredentials(admin);
    await ensureServiceAccounts(options, admin, auth.url);
    progress('Starting wazo-confd, wazo-websocketd and wazo-dird...');
    const [confd, websocketd, dird] = await startServiceDaemons(plans, context, stack, front.gateway);
    const { certificate } = front;
    return {
      url: front.gatewayUrl,
      daemons: { auth: auth.url, confd: confd.url, websocketd: websocketd.url, dird: dird.url },
      admin: {
        username: admin.username,
        password: admin.password,
        file: admin.file,
        generated: admin.generated,
      },
      certificate: {
        file: certificate.certificate,
        selfSigned: certificate.selfSigned,
        generated: certificate.generated,
      },
      dataDir: options.dataDir,
      uuid,
      firstStart: front.firstStart,
      keeperPid: front.keeperPid,
      stop: () => stack.unwind(),
    };
  } catch (error) {
    await stack.unwind().catch(() => undefined);
    throw error;
  }
}
