/**
 * Reads that span resources, as wazo-confd answers them: a user with the relations other
 * resources own (its lines, groups and schedules), asked of those resources' services. Each part
 * is its own read, so a change committed in between may show in one part and not another, as
 * with confd's lazy relations.
 */
import type { GroupMembersService } from './group-members/index.js';
import type { LinesService } from './lines/index.js';
import type { TenantScope } from './search/search.js';
import type { UserLinesService } from './user-lines/index.js';
import type { UserSchedulesService } from './user-schedules/index.js';
import type { UserGroupSummary, UserKey, UsersService, UserWithRelations } from './users/index.js';

export type { UserGroupSummary, UserWithRelations };

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
