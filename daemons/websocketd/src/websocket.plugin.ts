/**
 * The websocket server of wazo-websocketd, on the daemon's own port beside its REST API (status,
 * config, api.yml). Upgrades are answered 503 until the daemon has started and once it stops;
 * sessions are closed with 1001 before the server drains, and cut if they do not answer in time.
 */
import { createProxyTrust, type DaemonPlugin } from '@wazo-ts/daemon';
import { WebSocketServer } from 'ws';
import { createAuthenticator } from './authenticate.js';
import { createBusFeed } from './bus-feed.js';
import { createUpgradeListener } from './connect.js';
import type { WebsocketdConfig } from './definition.js';
import { CloseCode } from './protocol.js';
import { createSessionRegistry } from './sessions.js';

// Clients send small ops; anything bigger is not the protocol (ws closes with 1009).
const MAX_CLIENT_FRAME_BYTES = 64 * 1024;
const NO_ORIGIN = '00000000-0000-0000-0000-000000000000';
// Time clients get to answer the close frame before they are cut; ws alone waits 30 s for each.
const CLOSE_GRACE_MS = 1_500;

/** Closes the server once every client is gone, cutting those that ignore the close frame. */
async function closeServer(wss: WebSocketServer): Promise<void> {
  const closed = new Promise<void>((resolve) => wss.close(() => resolve()));
  let timer: NodeJS.Timeout | undefined;
  const grace = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, CLOSE_GRACE_MS);
  });
  await Promise.race([closed, grace]);
  clearTimeout(timer);
  for (const client of wss.clients) client.terminate();
  await closed;
}

export const websocketPlugin: DaemonPlugin<WebsocketdConfig> = {
  name: 'websocket',
  load({ config, logger, server, tokenVerifier, serviceToken, bus, lifecycle, reportStatus }) {
    if (!server || !tokenVerifier) throw new Error('websocketd needs the daemon server and token verifier');
    let masterTenantUuid: string | null = null;
    serviceToken?.onToken((_token, details) => {
      masterTenantUuid = details.tenantUuid ?? masterTenantUuid;
    });
    const registry = createSessionRegistry(logger, {
      perToken: config.websocket.max_sessions_per_token,
      perUser: config.websocket.max_sessions_per_user,
    });
    const feed = createBusFeed({
      transport: bus.transport,
      originUuid: config.uuid ?? NO_ORIGIN,
      registry,
      logger,
    });
    const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_CLIENT_FRAME_BYTES });
    let accepting = false;
    let heartbeat: NodeJS.Timeout | undefined;
    const onUpgrade = createUpgradeListener({
      wss,
      registry,
      authenticate: createAuthenticator({
        verifier: tokenVerifier,
        masterTenantUuid: () => masterTenantUuid,
      }),
      accepting: () => accepting,
      busReady: feed.ready,
      check: config,
      maxBufferedBytes: config.websocket.max_buffered_bytes,
      proxyTrust: createProxyTrust(config.rest_api),
      logger,
    });
    server.on('upgrade', onUpgrade);
    reportStatus(() => ({
      status: feed.ready() ? 'ok' : 'fail',
      sessions: registry.size,
      session_holders: registry.holders(),
      bus: feed.status(),
      master_tenant_known: masterTenantUuid !== null,
    }));

    lifecycle.onStart(async () => {
      await feed.start();
      if (config.websocket.ping_interval > 0)
        heartbeat = setInterval(() => registry.heartbeat(), config.websocket.ping_interval * 1000);
      accepting = true;
    });
    let drained: Promise<void> | undefined;
    const drain = () => {
      drained ??= (async () => {
        accepting = false;
        clearInterval(heartbeat);
        registry.closeAll(CloseCode.goingAway, 'server shutdown');
        await closeServer(wss);
        server.off('upgrade', onUpgrade);
        await feed.stop();
      })();
      return drained;
    };
    lifecycle.onDrain?.(drain);
    lifecycle.onStop(drain);
  },
};
