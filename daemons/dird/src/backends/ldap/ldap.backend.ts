/**
 * The ldap backend (ldapts): each lookup binds (with `ldap_username`/`ldap_password` when
 * given), searches under `ldap_base_dn` with an escaped filter, bounded in entries (sizeLimit),
 * in server time (`ldap_timeout`) and on the wire (`ldap_network_timeout` to connect,
 * `ldap_timeout` per operation), then unbinds. An entry's fields are each attribute's first
 * value; its id is `unique_column`, read as a UUID from bytes when `unique_column_format` is
 * `binary_uuid` (Active Directory's objectGUID).
 */
import { Client, type Entry } from 'ldapts';
import type { Backend, LoadedSource, LookupContext, SourceConfig, SourceEntry } from '../backend.js';
import { lookupDependencies } from '../lookup-dependencies.js';
import { plainRelations } from '../matching.js';
import { ldapSourceSchema } from '../schemas.js';
import { bytesLeToUuid, exactFilter, idsFilter, searchFilter } from './ldap-filters.js';

/** Entries one search may return: a directory of 100,000 people never comes back whole. */
export const LDAP_SIZE_LIMIT = 1000;

const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : null);
const seconds = (value: unknown, fallback: number) =>
  typeof value === 'number' && value > 0 ? value : fallback;

export const ldapBackend: Backend = {
  name: 'ldap',
  schema: ldapSourceSchema.fields,
  load(config: SourceConfig, dependencies: Record<string, unknown>): LoadedSource {
    const { logger } = lookupDependencies(dependencies);
    const x = config.extern;
    const uri = text(x.ldap_uri) ?? 'ldap://localhost';
    const baseDn = String(x.ldap_base_dn ?? '');
    const custom = text(x.ldap_custom_filter);
    const unique = text(x.unique_column);
    const binary = x.unique_column_format === 'binary_uuid';
    const networkTimeout = seconds(x.ldap_network_timeout, 0.3);
    const timeout = seconds(x.ldap_timeout, 1);

    function entryOf(raw: Entry): SourceEntry {
      const fields: Record<string, unknown> = { dn: raw.dn };
      for (const [name, value] of Object.entries(raw)) {
        if (name === 'dn') continue;
        const first = Array.isArray(value) ? value[0] : value;
        fields[name] = Buffer.isBuffer(first)
          ? binary && name === unique
            ? bytesLeToUuid(first)
            : first.toString('utf8')
          : first;
      }
      const id = unique ? fields[unique] : null;
      return { fields, relations: plainRelations(id === null || id === undefined ? null : String(id)) };
    }

    async function search(
      filter: string | null,
      context: LookupContext,
      sizeLimit = LDAP_SIZE_LIMIT,
    ): Promise<SourceEntry[]> {
      if (!filter) return [];
      const client = new Client({ url: uri, connectTimeout: networkTimeout * 1000, timeout: timeout * 1000 });
      const abort = () => void client.unbind().catch(() => undefined);
      context.signal.addEventListener('abort', abort, { once: true });
      try {
        const username = text(x.ldap_username);
        if (username) await client.bind(username, String(x.ldap_password ?? ''));
        const { searchEntries } = await client.search(baseDn, {
          scope: 'sub',
          filter,
          sizeLimit,
          timeLimit: Math.max(1, Math.ceil(timeout)),
          ...(binary && unique ? { explicitBufferAttributes: [unique] } : {}),
        });
        return searchEntries.map(entryOf);
      } finally {
        context.signal.removeEventListener('abort', abort);
        await client
          .unbind()
          .catch((error: unknown) => logger.debug({ err: error, source: config.name }, 'ldap unbind failed'));
      }
    }

    return {
      config,
      search: (term, context) => search(searchFilter(config.searchedColumns, term, custom), context),
      async firstMatch(exten, context) {
        const [first] = await search(exactFilter(config.firstMatchedColumns, exten, custom), context);
        return first ?? null;
      },
      list: (ids, context) =>
        ids.length === 0 || !unique ? Promise.resolve([]) : search(idsFilter(unique, ids, binary), context),
    };
  },
};
