/**
 * Reads that span resources, as wazo-confd answers them: a user with the relations other
 * resources own (its lines, groups and schedules), asked of those resources' services. Each part
 * is its own read, so a change committed in between may show in one part and not another, as
 * with confd's lazy relations.
 */
import type { GroupMembersService } from './group-members/index.js';
import type { Line, LinesService } from './lines/index.js';
import type { TenantScope } from './search/search.js';
import type { UserLinesService } from './user-lines/index.js';
import type { ScheduleSummary, UserSchedulesService } from './user-schedules/index.js';
import type { User, UserKey, UsersService } from './users/index.js';

/** A group as a user shows it (`GET /users/{id}` → `groups[]`). */
export interface UserGroupSummary {
  id: number;
  uuid: string;
  name: string;
}

/**
 * `GET /users/{id}`: the user with `lines` (each as `GET /lines/{id}` shows it: id, name,
 * protocol, context, extensions, endpoint_sip or endpoint_custom..., main line first), `groups`
 * and `schedules` filled; `services` and `forwards` come with the user.
 */
export type UserWithRelations = Omit<User, 'lines' | 'groups' | 'schedules'> & {
  lines: Line[];
  groups: UserGroupSummary[];
  schedules: ScheduleSummary[];
};

export interface UserRelationsSources {
  users: Pick<UsersService, 'get'>;
  lines: Pick<LinesService, 'get'>;
  userLines: Pick<UserLinesService, 'linesOfUser'>;
  groupMembers: Pick<GroupMembersService, 'listGroups'>;
  userSchedules: Pick<UserSchedulesService, 'resourcesOf'>;
}

export function createUserRelationsReader(sources: UserRelationsSources) {
  /** The user named by id or uuid among the scope's tenants, with its relations; 404 as `users.get`. */
  return async function getUserWithRelations(scope: TenantScope, key: UserKey): Promise<UserWithRelations> {
    const user = await sources.users.get(scope, key);
    const [links, groups, schedules] = await Promise.all([
      sources.userLines.linesOfUser(scope, user.uuid),
      sources.groupMembers.listGroups(scope, user.uuid),
      sources.userSchedules.resourcesOf(scope, user.uuid),
    ]);
    const lines = await Promise.all(links.map((link) => sources.lines.get(scope, link.line_id)));
    return {
      ...user,
      lines,
      groups: groups.map(({ id, uuid, name }) => ({ id, uuid, name })),
      schedules,
    };
  };
}

export type GetUserWithRelations = ReturnType<typeof createUserRelationsReader>;
