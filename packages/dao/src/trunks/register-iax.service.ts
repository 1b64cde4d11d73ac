/**
 * The IAX registrations' public API: search, get, create, edit, delete, platform-wide, with
 * `register_iax_created|edited|deleted {id}` (service events). A PUT is merged into the current
 * registration and the whole is checked again, as Wazo reloads its dump with the changes.
 */
import type { Tx, UnitOfWork } from '../db/unit-of-work.js';
import { inputError, notFound } from '../errors.js';
import type { SearchParams, SearchResult } from '../search/search.js';
import type { RegisterIaxDao } from './register-iax.dao.js';
import type {
  RegisterIax,
  RegisterIaxCreate,
  RegisterIaxEdit,
  RegisterIaxRecord,
} from './register-iax.model.js';
import type { RegisterIaxNotifier } from './register-iax.notifier.js';

export interface RegisterIaxServiceDeps {
  uow: UnitOfWork;
  dao: RegisterIaxDao;
  notifier: RegisterIaxNotifier;
}

const missing = (id: number) => notFound('IAXRegister', { id });
const present = (value: string | null | undefined) => (value ? value : null);

/** Wazo's schema checks on the whole registration, and its register string's parts kept. */
function recordOf(input: RegisterIaxCreate): RegisterIaxRecord {
  const record: RegisterIaxRecord = {
    auth_username: present(input.auth_username),
    auth_password: present(input.auth_password),
    remote_host: input.remote_host,
    remote_port: input.remote_port ? input.remote_port : null,
    callback_extension: present(input.callback_extension),
    callback_context: present(input.callback_context),
    enabled: input.enabled ?? true,
  };
  if (record.auth_username && !record.auth_password)
    throw inputError(
      `auth_username: ['Cannot set field "auth_username" if the field "auth_password" is not set']`,
      {
        field: 'auth_username',
      },
    );
  if (record.callback_context && !record.callback_extension)
    throw inputError(
      `callback_context: ['Cannot set field "callback_context" if the field "callback_extension" is not set']`,
      { field: 'callback_context' },
    );
  const auth = record.auth_username || record.auth_password;
  const text = [
    record.auth_username ?? '',
    record.auth_password ? `:${record.auth_password}` : '',
    auth ? '@' : '',
    record.remote_host,
    record.remote_port ? `:${record.remote_port}` : '',
    record.callback_extension ? `/${record.callback_extension}` : '',
    record.callback_context ? `?${record.callback_context}` : '',
  ].join('');
  if (text.length > 255)
    throw inputError("_schema: ['The sum of all fields is longer than maximum length 255']");
  return record;
}

export function createRegisterIaxService({ uow, dao, notifier }: RegisterIaxServiceDeps) {
  async function existing(tx: Tx, id: number): Promise<RegisterIax> {
    const register = await dao.find(tx, id);
    if (!register) throw missing(id);
    return register;
  }
  return {
    search: (params: SearchParams): Promise<SearchResult<RegisterIax>> =>
      uow.read((tx) => dao.search(tx, params)),
    get: (id: number): Promise<RegisterIax> => uow.read((tx) => existing(tx, id)),
    /** The registration in a caller's transaction, or null. */
    findIn: (tx: Tx, id: number): Promise<RegisterIax | null> => dao.find(tx, id),
    create: (input: RegisterIaxCreate): Promise<RegisterIax> =>
      uow.run(async (tx) => {
        const id = await dao.create(tx, recordOf(input));
        notifier.created(tx, id);
        return existing(tx, id);
      }),
    edit: (id: number, changes: RegisterIaxEdit): Promise<void> =>
      uow.run(async (tx) => {
        const { id: _id, trunk: _trunk, links: _links, ...current } = await existing(tx, id);
        await dao.update(tx, id, recordOf({ ...current, ...changes }));
        notifier.edited(tx, id);
      }),
    delete: (id: number): Promise<void> =>
      uow.run(async (tx) => {
        await existing(tx, id);
        await dao.delete(tx, id);
        notifier.deleted(tx, id);
      }),
  };
}

export type RegisterIaxService = ReturnType<typeof createRegisterIaxService>;
