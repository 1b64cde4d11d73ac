/**
 * The IAX endpoints' public API: search, get, create (Wazo's defaults: a random unused name,
 * `friend`, `dynamic`), edit (the fields given; `options` replaces every option), delete.
 */
import type { Tx, UnitOfWork } from '../db/unit-of-work.js';
import { notFound } from '../errors.js';
import type { SearchParams, SearchResult, TenantScope } from '../search/search.js';
import type { EndpointIaxDao, IaxRecord } from './endpoint-iax.dao.js';
import type { IaxEndpoint, IaxEndpointBody } from './endpoint-iax.model.js';
import type { EndpointIaxNotifier } from './endpoint-iax.notifier.js';
import type { EndpointIaxValidator } from './endpoint-iax.validator.js';
import { storedOptions } from './iax-options.js';

export interface EndpointIaxServiceDeps {
  uow: UnitOfWork;
  dao: EndpointIaxDao;
  validator: EndpointIaxValidator;
  notifier: EndpointIaxNotifier;
  /** Uniform in [0, 1); Math.random by default. */
  random?: () => number;
}

const ALPHANUMERIC = 'abcdefghijklmnopqrstuvwxyz0123456789';

export function createEndpointIaxService({ uow, dao, validator, notifier, ...deps }: EndpointIaxServiceDeps) {
  const random = deps.random ?? Math.random;

  async function existing(tx: Tx, scope: TenantScope, id: number): Promise<IaxEndpoint> {
    const iax = await dao.find(tx, scope, id);
    if (!iax) throw notFound('IAXEndpoint', { id });
    return iax;
  }

  async function unusedName(tx: Tx): Promise<string> {
    for (;;) {
      const name = Array.from({ length: 8 }, () => ALPHANUMERIC[Math.floor(random() * 36)]).join('');
      if ((await dao.idOfName(tx, name)) === null) return name;
    }
  }

  return {
    search: (scope: TenantScope, params: SearchParams): Promise<SearchResult<IaxEndpoint>> =>
      uow.read((tx) => dao.search(tx, scope, params)),

    get: (scope: TenantScope, id: number): Promise<IaxEndpoint> => uow.read((tx) => existing(tx, scope, id)),

    create: (tenantUuid: string, body: IaxEndpointBody): Promise<IaxEndpoint> =>
      uow.run(async (tx) => {
        await validator.validateName(tx, body.name);
        const record: IaxRecord = {
          name: body.name ?? (await unusedName(tx)),
          type: body.type ?? 'friend',
          host: body.host ?? 'dynamic',
          options: storedOptions(body.options ?? []),
        };
        const iax = await dao.create(tx, tenantUuid, record);
        notifier.created(tx, iax);
        return iax;
      }),

    edit: (scope: TenantScope, id: number, body: IaxEndpointBody): Promise<void> =>
      uow.run(async (tx) => {
        const current = await existing(tx, scope, id);
        await validator.validateName(tx, body.name, id);
        const record: IaxRecord = {
          name: body.name ?? current.name,
          type: body.type ?? current.type,
          host: body.host ?? current.host,
          options: body.options ? storedOptions(body.options) : await dao.storedOptions(tx, id),
        };
        notifier.edited(tx, await dao.update(tx, id, record));
      }),

    delete: (scope: TenantScope, id: number): Promise<void> =>
      uow.run(async (tx) => {
        const iax = await existing(tx, scope, id);
        await dao.delete(tx, id);
        notifier.deleted(tx, iax);
      }),
  };
}

export type EndpointIaxService = ReturnType<typeof createEndpointIaxService>;
