/**
 * The registrars' public API: search, get, create, edit (the fields given), delete, with their
 * events. A created registrar without an id gets a random one, as wazo-provd gives its configs.
 */
import type { UnitOfWork } from '../db/unit-of-work.js';
import { notFound } from '../errors.js';
import type { SearchParams, SearchResult } from '../search/search.js';
import type { RegistrarsDao } from './registrars.dao.js';
import type { Registrar, RegistrarCreate, RegistrarEdit } from './registrars.model.js';
import type { RegistrarsNotifier } from './registrars.notifier.js';
import type { RegistrarsValidator } from './registrars.validator.js';

export interface RegistrarsServiceDeps {
  uow: UnitOfWork;
  dao: RegistrarsDao;
  validator: RegistrarsValidator;
  notifier: RegistrarsNotifier;
  /** A fresh id (wazo-provd's: 32 hex digits). */
  newId?: () => string;
}

const EMPTY = {
  name: null,
  main_port: null,
  backup_host: null,
  backup_port: null,
  proxy_main_port: null,
  proxy_backup_host: null,
  proxy_backup_port: null,
  outbound_proxy_host: null,
  outbound_proxy_port: null,
};

export function createRegistrarsService({
  uow,
  dao,
  validator,
  notifier,
  newId = () => globalThis.crypto.randomUUID().replaceAll('-', ''),
}: RegistrarsServiceDeps) {
  const found = async (tx: Parameters<RegistrarsDao['get']>[0], id: string): Promise<Registrar> => {
    const registrar = await dao.get(tx, id);
    if (!registrar) throw notFound('Registrar', { id });
    return registrar;
  };

  return {
    search: (params: SearchParams = {}): Promise<SearchResult<Registrar>> =>
      uow.read((tx) => dao.search(tx, params)),

    get: (id: string): Promise<Registrar> => uow.read((tx) => found(tx, id)),

    create: (input: RegistrarCreate): Promise<Registrar> =>
      uow.run(async (tx) => {
        const registrar: Registrar = { ...EMPTY, deletable: true, ...input, id: input.id ?? newId() };
        await validator.validateCreate(tx, registrar.id);
        await dao.insert(tx, registrar);
        notifier.created(tx, registrar);
        return registrar;
      }),

    edit: (id: string, changes: RegistrarEdit): Promise<void> =>
      uow.run(async (tx) => {
        const registrar: Registrar = { ...(await found(tx, id)), ...changes };
        await dao.update(tx, registrar);
        notifier.edited(tx, registrar);
      }),

    delete: (id: string): Promise<void> =>
      uow.run(async (tx) => {
        const registrar = await found(tx, id);
        await dao.remove(tx, id);
        notifier.deleted(tx, registrar);
      }),
  };
}

export type RegistrarsService = ReturnType<typeof createRegistrarsService>;
