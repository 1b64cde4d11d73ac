/**
 * PJSIP transports' public API, with Wazo's checks: a name used by no transport, endpoint or
 * template (on create Wazo words the clash as `name already exists`), and a transport still used
 * by an endpoint deleted only with a `fallback` transport that takes its endpoints over.
 */
import { sipTransportCreated, sipTransportDeleted, sipTransportEdited } from '@wazo-ts/bus';
import type { Tx, UnitOfWork } from '../db/unit-of-work.js';
import { notFound, resourceAssociated, resourceExists } from '../errors.js';
import type { SearchParams, SearchResult } from '../search/search.js';
import type { SipTransportsDao } from './sip-transports.dao.js';
import type { SipTransport, SipTransportCreate, SipTransportEdit } from './sip-transports.model.js';

export interface SipTransportsServiceDeps {
  uow: UnitOfWork;
  dao: SipTransportsDao;
  /** The uuid of the SIP endpoint (`template` false) or template named so, or null. */
  sipNamed(tx: Tx, name: string, template: boolean): Promise<string | null>;
  newUuid?: () => string;
}

export function createSipTransportsService(deps: SipTransportsServiceDeps) {
  const { uow, dao, sipNamed } = deps;
  const newUuid = deps.newUuid ?? (() => globalThis.crypto.randomUUID());

  async function existing(tx: Tx, uuid: string): Promise<SipTransport> {
    const transport = await dao.find(tx, uuid);
    if (!transport) throw notFound('Transport', { uuid });
    return transport;
  }

  /** `resources` names each clash as Wazo's validators do (transport, endpoint, template). */
  async function checkName(tx: Tx, name: string, self: string | null, resources: [string, string, string]) {
    const owners = [
      await dao.findNamed(tx, name),
      await sipNamed(tx, name, false),
      await sipNamed(tx, name, true),
    ];
    owners.forEach((uuid, i) => {
      if (uuid !== null && uuid !== self) throw resourceExists(resources[i]!, { name });
    });
  }

  return {
    search: (params: SearchParams): Promise<SearchResult<SipTransport>> =>
      uow.read((tx) => dao.search(tx, params)),

    get: (uuid: string): Promise<SipTransport> => uow.read((tx) => existing(tx, uuid)),

    create: (input: SipTransportCreate): Promise<SipTransport> =>
      uow.run(async (tx) => {
        await checkName(tx, input.name, null, ['name', 'name', 'name']);
        const transport = { uuid: newUuid(), name: input.name, options: input.options ?? [] };
        await dao.create(tx, transport);
        tx.events.add(sipTransportCreated.build(transport));
        return transport;
      }),

    edit: (uuid: string, input: SipTransportEdit): Promise<void> =>
      uow.run(async (tx) => {
        const current = await existing(tx, uuid);
        if (input.name !== undefined && input.name !== current.name) {
          await checkName(tx, input.name, uuid, ['Transport', 'SIPEndpoint', 'SIPEndpointTemplate']);
        }
        const transport = { ...current, ...input, options: input.options ?? current.options };
        await dao.update(tx, transport);
        tx.events.add(sipTransportEdited.build(transport));
      }),

    delete: (uuid: string, fallbackUuid: string | null): Promise<void> =>
      uow.run(async (tx) => {
        const transport = await existing(tx, uuid);
        const fallback = fallbackUuid === null ? null : await existing(tx, fallbackUuid);
        const user = fallback ? null : await dao.firstUser(tx, uuid);
        if (user) {
          throw resourceAssociated('Transport', 'EndpointSIP', {
            transport_uuid: uuid,
            endpoint_sip_uuid: user,
          });
        }
        await dao.delete(tx, uuid, fallback?.uuid ?? null);
        tx.events.add(sipTransportDeleted.build(transport));
      }),
  };
}

export type SipTransportsService = ReturnType<typeof createSipTransportsService>;
