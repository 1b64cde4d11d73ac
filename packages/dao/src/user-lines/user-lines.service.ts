/**
 * The user-line association service. Associating twice is a no-op, as is dissociating what is not
 * associated (no event either time). The user's first line becomes its main line and the line's
 * first user its main user; when a main line is dissociated, the user's oldest other line becomes
 * main. A user that leaves (`leave`, the user being deleted) hands the main user role on.
 */
import type { Tx, UnitOfWork } from '../db/unit-of-work.js';
import { notFound, referenceNotFound, resourceError } from '../errors.js';
import type { LinesDao } from '../lines/lines.dao.js';
import type { Line } from '../lines/lines.model.js';
import type { TenantScope } from '../search/search.js';
import type { UserLinesDao } from './user-lines.dao.js';
import type { AssociatedUser, UserLine, UserMainLine } from './user-lines.model.js';
import type { UserLinesNotifier } from './user-lines.notifier.js';
import type { UserLinesValidator } from './user-lines.validator.js';

export interface UserLinesServiceDeps {
  uow: UnitOfWork;
  dao: UserLinesDao;
  validator: UserLinesValidator;
  notifier: UserLinesNotifier;
  lines: Pick<LinesDao, 'find'>;
}

/** A user by id (number or digits) or uuid. */
export type UserIdOrUuid = number | string;

export function createUserLinesService(deps: UserLinesServiceDeps) {
  const { uow, dao, validator, notifier, lines } = deps;

  async function userIn(tx: Tx, scope: TenantScope, key: UserIdOrUuid): Promise<AssociatedUser> {
    const user = await dao.findUser(tx, scope, key);
    if (!user)
      throw notFound('User', typeof key === 'string' && !/^\d+$/.test(key) ? { uuid: key } : { id: key });
    return user;
  }

  async function lineIn(tx: Tx, scope: TenantScope, id: number): Promise<Line> {
    const line = await lines.find(tx, scope, id);
    if (!line) throw notFound('Line', { id });
    return line;
  }

  async function dissociateIn(tx: Tx, scope: TenantScope, user: AssociatedUser, line: Line): Promise<void> {
    const link = await dao.find(tx, scope, user.id, line.id);
    if (!link) return;
    await validator.validateDissociation(tx, scope, link, line);
    notifier.dissociated(tx, user, line, link);
    if (!(await dao.dissociate(tx, scope, user.id, line.id))) throw notFound('Line', { id: line.id });
    if (link.main_line) {
      const [oldest] = await dao.listByUser(tx, scope, user.id);
      if (oldest) await dao.setMainLine(tx, scope, user.id, oldest.line_id);
    }
  }

  return {
    associate: (scope: TenantScope, userKey: UserIdOrUuid, lineId: number): Promise<UserLine> =>
      uow.run(async (tx) => {
        const user = await userIn(tx, scope, userKey);
        const line = await lineIn(tx, scope, lineId);
        const existing = await dao.find(tx, scope, user.id, line.id);
        if (existing) return existing;
        await validator.validateAssociation(tx, scope, user, line);
        const link: UserLine = {
          user_id: user.id,
          user_uuid: user.uuid,
          line_id: line.id,
          main_user: (await dao.listByLine(tx, scope, line.id)).length === 0,
          main_line: (await dao.listByUser(tx, scope, user.id)).length === 0,
        };
        const { user_uuid: _, ...row } = link;
        if (!(await dao.associate(tx, scope, row))) throw notFound('Line', { id: line.id });
        notifier.associated(tx, user, line, link);
        return link;
      }),

    /**
     * `PUT /users/{id}/lines`: the user ends with exactly these lines, the first as main line.
     * Lines left out are dissociated (their events first), then every listed line gets its
     * `user_line_associated`, as Wazo sends it for each line of the new list.
     */
    replaceLines: (scope: TenantScope, userKey: UserIdOrUuid, lineIds: number[]): Promise<UserLine[]> =>
      uow.run(async (tx) => {
        const user = await userIn(tx, scope, userKey);
        if (new Set(lineIds).size !== lineIds.length)
          throw resourceError('Operation not permitted. Cannot associate same line more than once');
        const wanted: Line[] = [];
        for (const id of lineIds) {
          const line = await lines.find(tx, scope, id);
          if (!line) throw referenceNotFound('lines', 'Line', { id });
          wanted.push(line);
        }
        for (const link of await dao.listByUser(tx, scope, user.id)) {
          if (!lineIds.includes(link.line_id))
            await dissociateIn(tx, scope, user, await lineIn(tx, scope, link.line_id));
        }
        for (const line of wanted) {
          if (await dao.find(tx, scope, user.id, line.id)) continue;
          await validator.validateAssociation(tx, scope, user, line);
          const mainUser = (await dao.listByLine(tx, scope, line.id)).length === 0;
          const row = { user_id: user.id, line_id: line.id, main_user: mainUser, main_line: false };
          if (!(await dao.associate(tx, scope, row))) throw notFound('Line', { id: line.id });
        }
        if (wanted[0]) await dao.setMainLine(tx, scope, user.id, wanted[0].id);
        const links = await dao.listByUser(tx, scope, user.id);
        for (const link of links)
          notifier.associated(tx, user, wanted.find((l) => l.id === link.line_id)!, link);
        return links;
      }),

    dissociate: (scope: TenantScope, userKey: UserIdOrUuid, lineId: number): Promise<void> =>
      uow.run(async (tx) => {
        const user = await userIn(tx, scope, userKey);
        await dissociateIn(tx, scope, user, await lineIn(tx, scope, lineId));
      }),

    /**
     * The user leaves the line, as when the user itself is deleted: as `dissociate`, except that a
     * main user with secondary users hands the main role to the oldest of them rather than being
     * refused. Resolves with the users left on the line, main user first.
     */
    leave: (scope: TenantScope, userKey: UserIdOrUuid, lineId: number): Promise<UserLine[]> =>
      uow.run(async (tx) => {
        const user = await userIn(tx, scope, userKey);
        const line = await lineIn(tx, scope, lineId);
        const [heir] = (await dao.listByLine(tx, scope, line.id)).filter((l) => l.user_id !== user.id);
        const link = await dao.find(tx, scope, user.id, line.id);
        if (link?.main_user && heir) await dao.setMainUser(tx, scope, line.id, heir.user_id);
        await dissociateIn(tx, scope, user, line);
        return dao.listByLine(tx, scope, line.id);
      }),

    /** The user's lines, main line first. */
    linesOfUser: (scope: TenantScope, userKey: UserIdOrUuid): Promise<UserLine[]> =>
      uow.read(async (tx) => dao.listByUser(tx, scope, (await userIn(tx, scope, userKey)).id)),

    /** The main line of each of these users (by id) that has one, in one read (list views). */
    mainLinesOfUsers: (scope: TenantScope, userIds: number[]): Promise<UserMainLine[]> =>
      uow.read((tx) => dao.mainLinesOf(tx, scope, userIds)),

    /** The line's users, main user first. */
    usersOfLine: (scope: TenantScope, lineId: number): Promise<UserLine[]> =>
      uow.read(async (tx) => dao.listByLine(tx, scope, (await lineIn(tx, scope, lineId)).id)),

    /** Whether the user (among the scope's tenants) has a line, inside the caller's transaction (groups' member rule). */
    hasLine: (tx: Tx, scope: TenantScope, userUuid: string): Promise<boolean> =>
      dao.hasLine(tx, scope, userUuid),

    /** Dissociates every user of a line, main user first, inside the caller's transaction. */
    async dissociateAllFromLine(tx: Tx, scope: TenantScope, line: Line): Promise<void> {
      const links = await dao.listByLine(tx, scope, line.id);
      const users = await dao.usersByIds(
        tx,
        scope,
        links.map((link) => link.user_id),
      );
      for (const link of links) {
        await dissociateIn(tx, scope, users.find((u) => u.id === link.user_id)!, line);
      }
    },
  };
}

export type UserLinesService = ReturnType<typeof createUserLinesService>;
