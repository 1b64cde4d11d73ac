/**
 * What the google and office365 backends share: the user's token for the provider, asked to
 * wazo-auth with the request's token (`/users/{uuid}/external/{provider}`), then the provider's
 * contacts over HTTPS. Anything failing (no user, no external token, the provider unreachable)
 * is logged and answers no entries, as Wazo does.
 */
import type { LoadedSource, LookupContext, SourceConfig, SourceEntry } from './backend.js';
import type { LookupDependencies } from './lookup-dependencies.js';
import { firstMatchOf, indexEntry, listByIds, searchEntries } from './matching.js';

export interface ExternalProvider {
  /** wazo-auth's external auth name: google, microsoft. */
  provider: string;
  /** The user's contacts matching `term` (or all, term null), as entries. */
  contacts(accessToken: string, term: string | null, context: LookupContext): Promise<SourceEntry[]>;
}

export function externalSource(
  config: SourceConfig,
  deps: LookupDependencies,
  provider: ExternalProvider,
): LoadedSource {
  async function entries(term: string | null, context: LookupContext): Promise<SourceEntry[]> {
    if (!context.userUuid) return [];
    try {
      const accessToken = await deps.authExternalToken(
        context.userUuid,
        provider.provider,
        context.token,
        context.signal,
      );
      return await provider.contacts(accessToken, term, context);
    } catch (error) {
      deps.logger.info(
        { err: error, source: config.name, user_uuid: context.userUuid },
        `${provider.provider} contacts unavailable: no results`,
      );
      return [];
    }
  }
  return {
    config,
    async search(term, context) {
      const found = await entries(term, context);
      return searchEntries(found.map(indexEntry), config.searchedColumns, term);
    },
    async firstMatch(exten, context) {
      return firstMatchOf(await entries(exten, context), config.firstMatchedColumns, exten);
    },
    async list(ids, context) {
      return ids.length === 0 ? [] : listByIds(await entries(null, context), ids);
    },
  };
}
