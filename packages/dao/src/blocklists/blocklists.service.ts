/**
 * The blocklists' public API. A user manages its own numbers (the `Own` calls, named by the
 * token's user uuid: another user's number is not found); an administrator lists and reads the
 * numbers of the users of its tenants, and asks whether a user blocks a number (`lookup`). A
 * user's blocklist is made with its first number, in the user's tenant.
 */
import { isUuid } from '@wazo-ts/db';
import type { Tx, UnitOfWork } from '../db/unit-of-work.js';
import { notFound } from '../errors.js';
import type { SearchParams, SearchResult, TenantScope } from '../search/search.js';
import type { BlocklistsDao } from './blocklists.dao.js';
import type {
  BlocklistNumber,
  BlocklistNumberCreate,
  BlocklistNumberEdit,
  BlocklistNumberRow,
  UserBlocklistNumber,
} from './blocklists.model.js';
import type { BlocklistsNotifier } from './blocklists.notifier.js';
import type { BlocklistsValidator } from './blocklists.validator.js';

export interface BlocklistsServiceDeps {
  uow: UnitOfWork;
  dao: BlocklistsDao;
  validator: BlocklistsValidator;
  notifier: BlocklistsNotifier;
}

const ownView = ({ uuid, number, label }: BlocklistNumberRow): UserBlocklistNumber => ({
  uuid,
  number,
  label,
});
const adminView = ({ blocklist_uuid: _, ...row }: BlocklistNumberRow): BlocklistNumber => row;

export function createBlocklistsService({ uow, dao, validator, notifier }: BlocklistsServiceDeps) {
  const own = async (tx: Tx, userUuid: string, uuid: string): Promise<BlocklistNumberRow> => {
    const row = isUuid(uuid) ? await dao.find(tx, { userUuid, uuid }) : undefined;
    if (!row) throw notFound('BlocklistNumber', { uuid, user_uuid: userUuid });
    return row;
  };

  const blocklistOf = async (tx: Tx, userUuid: string) => {
    const existing = await dao.findBlocklist(tx, userUuid);
    if (existing) return existing;
    const user = isUuid(userUuid) ? await dao.findUser(tx, userUuid) : undefined;
    if (!user) throw notFound('User', { uuid: userUuid });
    return dao.createBlocklist(tx, user.tenant_uuid, user.uuid);
  };

  return {
    searchOwn: (userUuid: string, params: SearchParams = {}): Promise<SearchResult<UserBlocklistNumber>> =>
      uow.read(async (tx) => {
        const page = await dao.search(tx, { userUuid }, params);
        return { total: page.total, items: page.items.map(ownView) };
      }),

    getOwn: (userUuid: string, uuid: string): Promise<UserBlocklistNumber> =>
      uow.read(async (tx) => ownView(await own(tx, userUuid, uuid))),

    createOwn: (userUuid: string, input: BlocklistNumberCreate): Promise<UserBlocklistNumber> =>
      uow.run(async (tx) => {
        validator.checkNumber(input.number);
        const blocklist = await blocklistOf(tx, userUuid);
        await validator.validateUnique(tx, blocklist, input.number);
        const { uuid } = await dao.insert(tx, blocklist.uuid, {
          number: input.number,
          label: input.label ?? null,
        });
        const row = (await dao.find(tx, { uuid }))!;
        notifier.created(tx, row);
        return ownView(row);
      }),

    editOwn: (userUuid: string, uuid: string, changes: BlocklistNumberEdit): Promise<void> =>
      uow.run(async (tx) => {
        const row = await own(tx, userUuid, uuid);
        if (changes.number !== undefined) validator.checkNumber(changes.number);
        const edited = { ...row, ...changes };
        const blocklist = { uuid: row.blocklist_uuid, user_uuid: row.user_uuid };
        await validator.validateUnique(tx, blocklist, edited.number, row.uuid);
        await dao.update(tx, row.uuid, { number: edited.number, label: edited.label });
        notifier.edited(tx, edited);
      }),

    deleteOwn: (userUuid: string, uuid: string): Promise<void> =>
      uow.run(async (tx) => {
        const row = await own(tx, userUuid, uuid);
        await dao.remove(tx, row.uuid);
        notifier.deleted(tx, row);
      }),

    /** The numbers of the scope's users (of one user when `userUuid` is given). */
    search: (
      scope: TenantScope,
      params: SearchParams = {},
      userUuid?: string,
    ): Promise<SearchResult<BlocklistNumber>> =>
      uow.read(async (tx) => {
        if (userUuid !== undefined && !isUuid(userUuid)) return { total: 0, items: [] };
        const page = await dao.search(tx, { scope, userUuid }, params);
        return { total: page.total, items: page.items.map(adminView) };
      }),

    get: (scope: TenantScope, uuid: string): Promise<BlocklistNumber> =>
      uow.read(async (tx) => {
        const row = isUuid(uuid) ? await dao.find(tx, { scope, uuid }) : undefined;
        if (!row) throw notFound('BlocklistNumber', { uuid });
        return adminView(row);
      }),

    /** The user's blocklisted number equal to `number`, if any (Wazo's `HEAD` lookup). */
    lookup: (scope: TenantScope, userUuid: string, number: string): Promise<BlocklistNumber | null> =>
      uow.read(async (tx) => {
        if (!isUuid(userUuid)) return null;
        const row = await dao.find(tx, { scope, userUuid, number });
        return row ? adminView(row) : null;
      }),
  };
}

export type BlocklistsService = ReturnType<typeof createBlocklistsService>;
