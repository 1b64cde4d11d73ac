/**
 * Presences wired into the daemon: the routes, the other daemons' events, and the start-up
 * synchronization with wazo-auth and wazo-confd once the service token is there (its outcome in
 * `/status` as `presence_initialization`).
 */
import type { ComponentStatus, DaemonPlugin } from '@wazo-ts/daemon';
import { createAuthSource } from '../clients/auth-source.js';
import { createConfdSource } from '../clients/confd-source.js';
import { createRestClient } from '../clients/rest-client.js';
import type { ChatdConfig } from '../definition.js';
import type { ChatdResources } from '../resources.js';
import { createInitialization } from './initialization.js';
import { createPresenceSources } from './presence-sources.service.js';
import { subscribePresenceSources } from './presences.consumer.js';
import { presencesNotifier } from './presences.notifier.js';
import { reconcile } from './presences.reconcile.js';
import { presenceRoutes } from './presences.routes.js';
import { createPresencesService } from './presences.service.js';
import { createTenantsOf } from './tenants-of.js';

export const presencesPlugin: DaemonPlugin<ChatdConfig, ChatdResources> = {
  name: 'presences',
  load({ api, config, logger, bus, lifecycle, serviceToken, resources, status }) {
    const { uow } = resources;
    const authClient = createRestClient('wazo-auth', config.auth);
    const confdClient = createRestClient('wazo-confd', config.confd);
    const auth = createAuthSource(authClient);
    const service = createPresencesService({ uow, notifier: presencesNotifier });
    const sources = createPresenceSources({ uow, notifier: presencesNotifier });

    let state: ComponentStatus = { status: config.initialization.enabled ? 'fail' : 'ok' };
    status.add('presence_initialization', () => state);
    const initialization = createInitialization({
      enabled: config.initialization.enabled,
      auth,
      confd: createConfdSource(confdClient),
      reconcile: (snapshot) => reconcile(uow, presencesNotifier, snapshot),
      onDone(outcome) {
        state = { status: 'ok', ...outcome };
        logger.info(outcome, 'presences synchronized with wazo-auth and wazo-confd');
      },
      onFailure(error, retryInMs) {
        state = { status: 'fail', last_error: error instanceof Error ? error.message : String(error) };
        logger.warn({ err: error, retry_in_ms: retryInMs }, 'presence synchronization failed');
      },
      onEventFailure: (error) =>
        logger.error({ err: error }, 'an event held during the synchronization failed'),
    });

    presenceRoutes(api, {
      service,
      isReady: () => initialization.ready,
      tenantsOf: createTenantsOf({ visibleTenants: auth.visibleTenants }),
    });

    let unsubscribe: (() => void) | undefined;
    lifecycle.onStart(async () => {
      // Subscribed first: what happens during the synchronization waits for it, nothing is missed.
      await subscribePresenceSources(bus.consumer, sources, initialization);
      if (initialization.ready) return;
      if (!serviceToken) {
        state = { status: 'fail', last_error: 'no service credentials (auth.key_file): cannot synchronize' };
        return;
      }
      // Called at once with the current token if any; until the first success, each new token
      // (the first one, a renewal) starts the synchronization again.
      unsubscribe = serviceToken.onToken((token) => {
        if (!initialization.ready) void initialization.start(token);
      });
    });
    lifecycle.onStop(() => {
      unsubscribe?.();
      initialization.stop();
      authClient.close();
      confdClient.close();
    });
  },
};
