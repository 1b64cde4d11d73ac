/**
 * `GET /backends/{wazo,conference}/sources/{source_uuid}/contacts`: every contact of one source,
 * listed by wazo-confd itself (its search, order and paging passed on), as Wazo's backend views
 * do. The source must be the tenant's and of that backend.
 */
import type { DaemonApi } from '@wazo-ts/daemon';
import { Nullable, type Static, Type } from '@wazo-ts/daemon/schema';
import { NotFoundError, UnavailableError, WazoError } from '@wazo-ts/errors';
import type { Kysely } from 'kysely';
import type { ConfdConference } from '../backends/conference/conference.backend.js';
import type { LookupDependencies } from '../backends/lookup-dependencies.js';
import type { DirdDatabase } from '../db/schema.js';
import { askerOf } from './lookup.routes.js';

const Params = Type.Object({ source_uuid: Type.String({ format: 'uuid' }) });
const ListQuery = Type.Object({
  search: Type.Optional(Type.String()),
  order: Type.Optional(Type.String()),
  direction: Type.Optional(Type.String({ enum: ['asc', 'desc'] })),
  limit: Type.Optional(Type.Integer({ minimum: 0 })),
  offset: Type.Optional(Type.Integer({ minimum: 0 })),
  recurse: Type.Optional(Type.Boolean({ default: false })),
  uuid: Type.Optional(Type.String({ description: 'Comma-separated user uuids (wazo).' })),
});

const WazoContact = Type.Object({
  id: Type.Integer(),
  uuid: Type.String(),
  firstname: Nullable(Type.String()),
  lastname: Nullable(Type.String()),
  email: Nullable(Type.String()),
  exten: Nullable(Type.String()),
  mobile_phone_number: Nullable(Type.String()),
  voicemail_number: Nullable(Type.String()),
});
const Extension = Type.Object({ context: Type.String(), exten: Type.String() });
const ConferenceContact = Type.Object({
  id: Type.Integer(),
  name: Nullable(Type.String()),
  extensions: Type.Array(Extension),
  incalls: Type.Array(Extension),
});
const listOf = <T extends Parameters<typeof Type.Array>[0]>(item: T) =>
  Type.Object({ total: Type.Integer(), filtered: Type.Integer(), items: Type.Array(item) });

function confdQuery(query: Static<typeof ListQuery>, extra: Record<string, string>) {
  const out: Record<string, string> = { ...extra, recurse: String(query.recurse ?? false) };
  for (const key of ['search', 'order', 'direction', 'limit', 'offset', 'uuid'] as const) {
    const value = query[key];
    if (value !== undefined) out[key] = String(value);
  }
  return out;
}

/** confd unreachable or refusing is dird's 503, not a 500. */
async function fromConfd<T>(read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (error instanceof WazoError) throw error;
    throw new UnavailableError('wazo-confd cannot be read', {
      details: { reason: error instanceof Error ? error.message : String(error) },
    });
  }
}

export function registerSourceContactsRoutes(
  api: DaemonApi,
  options: { db: Kysely<DirdDatabase>; dependencies: LookupDependencies },
) {
  async function sourceOf(tenantUuid: string, backend: string, uuid: string) {
    const source = await options.db
      .selectFrom('dird_source')
      .select(['uuid'])
      .where('tenant_uuid', '=', tenantUuid)
      .where('backend', '=', backend)
      .where('uuid', '=', uuid)
      .executeTakeFirst();
    if (!source)
      throw new NotFoundError(`No such source: ${uuid}`, { resource: 'sources', details: { uuid, backend } });
    return source;
  }

  api.get(
    '/backends/wazo/sources/:source_uuid/contacts',
    {
      config: { acl: 'dird.backends.wazo.sources.{source_uuid}.contacts.read' },
      schema: {
        summary: "A wazo source's users",
        tags: ['wazo'],
        params: Params,
        querystring: ListQuery,
        response: { 200: listOf(WazoContact) },
      },
    },
    async (request) => {
      const { tenantUuid } = askerOf(request);
      await sourceOf(tenantUuid, 'wazo', request.params.source_uuid); // 404 when not the tenant's
      const confd = options.dependencies.confd;
      const answer = await fromConfd(() =>
        confd.get<{ total: number; filtered?: number; items: Static<typeof WazoContact>[] }>(
          '/users',
          confdQuery(request.query, { view: 'directory' }),
          { tenantUuid },
        ),
      );
      return { total: answer.total, filtered: answer.filtered ?? answer.total, items: answer.items };
    },
  );

  api.get(
    '/backends/conference/sources/:source_uuid/contacts',
    {
      config: { acl: 'dird.backends.conference.sources.{source_uuid}.contacts.read' },
      schema: {
        summary: "A conference source's rooms",
        tags: ['conference'],
        params: Params,
        querystring: ListQuery,
        response: { 200: listOf(ConferenceContact) },
      },
    },
    async (request) => {
      const { tenantUuid } = askerOf(request);
      await sourceOf(tenantUuid, 'conference', request.params.source_uuid); // 404 when not the tenant's
      const confd = options.dependencies.confd;
      const answer = await fromConfd(() =>
        confd.get<{ total: number; filtered?: number; items: ConfdConference[] }>(
          '/conferences',
          confdQuery(request.query, {}),
          { tenantUuid },
        ),
      );
      return {
        total: answer.total,
        filtered: answer.filtered ?? answer.total,
        items: answer.items.map((conference) => ({
          id: conference.id,
          name: conference.name,
          extensions: conference.extensions ?? [],
          incalls: (conference.incalls ?? []).flatMap((incall) => incall.extensions ?? []),
        })),
      };
    },
  );
}
