/**
 * The lookup plugin: the lookup, reverse and favorites services on dird's database, the loaded
 * sources (wazo-confd read with dird's service token, kept until confd's user and conference
 * events), the directories routes, and `user_deleted` taking the user's favorites away.
 */
import {
  conferenceCreated,
  conferenceDeleted,
  conferenceEdited,
  conferenceExtensionAssociated,
  conferenceExtensionDissociated,
  userCreated,
  userDeleted,
  userEdited,
} from '@wazo-ts/bus';
import type { DaemonPlugin } from '@wazo-ts/daemon';
import { createConfdClient } from '../backends/confd-client.js';
import { httpGetJson } from '../backends/http-get.js';
import type { LookupDependencies } from '../backends/lookup-dependencies.js';
import { BACKENDS } from '../backends/registry.js';
import { createRemoteList } from '../backends/remote-list.js';
import { contactsDao } from '../contacts/contacts.dao.js';
import type { DirdConfig } from '../definition.js';
import type { DirdResources } from '../resources.js';
import { createFavoritesService } from './favorites.service.js';
import { registerGraphqlRoutes } from './graphql.js';
import { registerLookupRoutes } from './lookup.routes.js';
import { createLookupService } from './lookup.service.js';
import { createProfileReader } from './profiles.js';
import { createSourceCache } from './source-cache.js';
import { registerSourceContactsRoutes } from './source-contacts.routes.js';

export const lookupPlugin: DaemonPlugin<DirdConfig, DirdResources> = {
  name: 'lookup',
  load({ api, config, logger, bus, lifecycle, serviceToken, resources, reportStatus, tokenVerifier }) {
    const serviceTokenOf = () => serviceToken?.current()?.token ?? null;
    const authUrl = `${config.auth.https ? 'https' : 'http'}://${config.auth.host}:${config.auth.port}${config.auth.prefix ?? ''}/0.1`;
    const dependencies: LookupDependencies = {
      logger,
      confd: createConfdClient(config.confd, serviceTokenOf),
      users: createRemoteList(),
      conferences: createRemoteList(),
      xivoUuid: config.uuid ?? null,
      async authExternalToken(userUuid, provider, token, signal) {
        const answer = await httpGetJson<{ access_token?: string }>(
          new URL(`${authUrl}/users/${encodeURIComponent(userUuid)}/external/${provider}`),
          {
            headers: { 'X-Auth-Token': token },
            timeoutMs: config.auth.timeout * 1000,
            signal,
            verifyCertificate: config.auth.verify_certificate,
          },
        );
        if (!answer.access_token) throw new Error(`no ${provider} token for user ${userUuid}`);
        return answer.access_token;
      },
    };
    const sources = createSourceCache({
      backends: BACKENDS,
      // personal and phonebook sources read dird's own tables.
      dependencies: { ...dependencies, db: resources.db },
      logger,
    });
    const profiles = createProfileReader(resources.db);
    const favorites = createFavoritesService({ uow: resources.uow, profiles, xivoUuid: config.uuid ?? '' });
    const lookup = createLookupService({
      profiles,
      sources,
      favoriteKeys: (userUuid) => favorites.keysOf(userUuid),
      favoriteIds: (userUuid) => favorites.idsBySource(userUuid),
      personalIds: (userUuid) => contactsDao.listIds(resources.db, { userUuid }),
      logger,
      defaultTimeouts: { lookup: 10, favorites: 10, reverse: 1 },
    });
    registerLookupRoutes(api, { lookup, favorites });
    registerSourceContactsRoutes(api, { db: resources.db, dependencies });
    registerGraphqlRoutes(api, { lookup, tokenVerifier });
    reportStatus(() => ({ status: 'ok', cached_user_lists: dependencies.users.size }));

    lifecycle.onStart(async () => {
      const usersChanged = async () => dependencies.users.invalidate();
      for (const event of [userCreated, userEdited]) await bus.consumer.subscribe(event, usersChanged);
      await bus.consumer.subscribe(userDeleted, async (event) => {
        dependencies.users.invalidate();
        const removed = await favorites.userDeleted(event.data.uuid);
        if (removed > 0)
          logger.info({ user_uuid: event.data.uuid, removed }, 'favorites of a deleted user removed');
      });
      const conferencesChanged = async () => dependencies.conferences.invalidate();
      for (const event of [conferenceCreated, conferenceEdited, conferenceDeleted])
        await bus.consumer.subscribe(event, conferencesChanged);
      for (const event of [conferenceExtensionAssociated, conferenceExtensionDissociated])
        await bus.consumer.subscribe(event, conferencesChanged);
    });
    lifecycle.onStop(() => sources.close());
  },
};
