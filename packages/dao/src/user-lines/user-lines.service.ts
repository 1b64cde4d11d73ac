/**
 * The user-line association service. Associating twice is a no-op, as is dissociating what is not
 * associated (no event either time). The user's first line becomes its main line and the line's
 * first user its main user; when a main line is dissociated, the user's oldest other line becomes
 * main.
 */
import type { Tx, UnitOfWork } from '../db/unit-of-work.js';
import { notFound } from '../errors.js';
import type { LinesDao } from '../lines/lines.dao.js';
import type { Line } from '../lines/lines.model.js';
import type { TenantScope } from '../search/search.js';
import type { UserLinesDao } from './user-lines.dao.js';
import type { AssociatedUser, UserLine } from './user-lines.model.js';
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

  async function dissociateIn(tx: Tx, user: AssociatedUser, line: Line): Promise<void> {
    const link = await dao.find(tx, user.id, line.id);
    if (!link) return;
    await validator.validateDissociation(tx, link, line);
    notifier.dissociated(tx, user, line, link);
    await dao.dissociate(tx, user.id, line.id);
    if (link.main_line) {
      const [oldest] = await dao.listByUser(tx, user.id);
      if (oldest) await dao.setMainLine(tx, user.id, oldest.line_id);
    }
  }

  return {
    associate: (scope: TenantScope, userKey: UserIdOrUuid, lineId: number): Promise<UserLine> =>
      uow.run(async (tx) => {
        const user = await userIn(tx, scope, userKey);
        const line = await lineIn(tx, scope, lineId);
        const existing = await dao.find(tx, user.id, line.id);
        if (existing) return existing;
        await validator.validateAssociation(tx, user, line);
        const link: UserLine = {
          user_id: user.id,
          user_uuid: user.uuid,
          line_id: line.id,
          main_user: (await dao.listByLine(tx, line.id)).length === 0,
          main_line: (await dao.listByUser(tx, user.id)).length === 0,
        };
        await dao.associate(tx, {
          user_id: link.user_id,
          line_id: link.line_id,
          main_user: link.main_user,
          main_line: link.main_line,
        });
        notifier.associated(tx, user, line, link);
        return link;
      }),

    dissociate: (scope: TenantScope, userKey: UserIdOrUuid, lineId: number): Promise<void> =>
      uow.run(async (tx) => {
        const user = await userIn(tx, scope, userKey);
        await dissociateIn(tx, user, await lineIn(tx, scope, lineId));
      }),

    /** The user's lines, main line first. */
    linesOfUser: (scope: TenantScope, userKey: UserIdOrUuid): Promise<UserLine[]> =>
      uow.read(async (tx) => dao.listByUser(tx, (await userIn(tx, scope, userKey)).id)),

    /** The line's users, main user first. */
    usersOfLine: (scope: TenantScope, lineId: number): Promise<UserLine[]> =>
      uow.read(async (tx) => dao.listByLine(tx, (await lineIn(tx, scope, lineId)).id)),

    /** Whether the user has a line, inside the caller's transaction (groups' member rule). */
    hasLine: (tx: Tx, userUuid: string): Promise<boolean> => dao.hasLine(tx, userUuid),

    /** Dissociates every user of a line, main user first, inside the caller's transaction. */
    async dissociateAllFromLine(tx: Tx, line: Line): Promise<void> {
      const links = await dao.listByLine(tx, line.id);
      const users = await dao.usersByIds(
        tx,
        links.map((link) => link.user_id),
      );
      for (const link of links) {
        await dissociateIn(tx, users.find((u) => u.id === link.user_id)!, line);
      }
    },
  };
}

export type UserLinesService = ReturnType<typeof createUserLinesService>;
