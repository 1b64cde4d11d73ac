/** Data access for PJSIP transports; they belong to no tenant. */
import { isUuid } from '@wazo-ts/db';
import type { Tx } from '../db/unit-of-work.js';
import { runSearch, type SearchConfig } from '../search/apply.js';
import type { SearchParams, SearchResult } from '../search/search.js';
import type { SipTransport } from './sip-transports.model.js';

export const sipTransportSearchConfig: SearchConfig = {
  columns: { name: 'pjsip_transport.name' },
  search: ['name'],
  defaultSort: 'name',
  key: 'pjsip_transport.uuid',
};

export function createSipTransportsDao() {
  const base = (tx: Tx) => tx.db.selectFrom('pjsip_transport').selectAll('pjsip_transport');
  return {
    search: (tx: Tx, params: SearchParams): Promise<SearchResult<SipTransport>> =>
      runSearch(base(tx), sipTransportSearchConfig, params),

    async find(tx: Tx, uuid: string): Promise<SipTransport | null> {
      if (!isUuid(uuid)) return null;
      return (await base(tx).where('uuid', '=', uuid).executeTakeFirst()) ?? null;
    },

    async findNamed(tx: Tx, name: string): Promise<string | null> {
      const row = await tx.db
        .selectFrom('pjsip_transport')
        .select('uuid')
        .where('name', '=', name)
        .executeTakeFirst();
      return row?.uuid ?? null;
    },

    /** The uuid of an endpoint or template using the transport, or null. */
    async firstUser(tx: Tx, uuid: string): Promise<string | null> {
      const row = await tx.db
        .selectFrom('endpoint_sip')
        .select('uuid')
        .where('transport_uuid', '=', uuid)
        .executeTakeFirst();
      return row?.uuid ?? null;
    },

    async create(tx: Tx, transport: SipTransport): Promise<void> {
      await tx.db
        .insertInto('pjsip_transport')
        .values({ ...transport, options: JSON.stringify(transport.options) })
        .execute();
    },

    async update(tx: Tx, transport: SipTransport): Promise<void> {
      await tx.db
        .updateTable('pjsip_transport')
        .set({ name: transport.name, options: JSON.stringify(transport.options) })
        .where('uuid', '=', transport.uuid)
        .execute();
    },

    /** Moves the endpoints using it to `fallback` (or none), then deletes it. */
    async delete(tx: Tx, uuid: string, fallback: string | null): Promise<void> {
      await tx.db
        .updateTable('endpoint_sip')
        .set({ transport_uuid: fallback })
        .where('transport_uuid', '=', uuid)
        .execute();
      await tx.db.deleteFrom('pjsip_transport').where('uuid', '=', uuid).execute();
    },
  };
}

export type SipTransportsDao = ReturnType<typeof createSipTransportsDao>;
