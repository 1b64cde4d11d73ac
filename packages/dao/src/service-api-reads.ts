/**
 * Reads that span resources, as wazo-confd answers them: a user with the relations other
 * resources own (its lines, groups and schedules). The user, its groups' and schedule's summaries
 * and its line ids come from one statement (users/user-document.dao.ts: one round trip instead of
 * seven queries in three waves); each line is then read as `GET /lines/{id}` shows it, so a line
 * changed in between may show its newer state, as with confd's lazy relations.
 */
import type { LinesService } from './lines/index.js';
import type { TenantScope } from './search/search.js';
import type { UserGroupSummary, UserKey, UsersService, UserWithRelations } from './users/index.js';
import type { UserDocument } from './users/user-document.dao.js';

export type { UserGroupSummary, UserWithRelations };

export interface UserRelationsSources {
  /** Answers the 404 exactly as `GET /users/{id}` always has, when the document finds no user. */
  users: Pick<UsersService, 'get'>;
  lines: Pick<LinesService, 'get'>;
  /** The user with its relations' keys in one read, or undefined (users/user-document.dao.ts). */
  userDocument(scope: TenantScope, key: UserKey): Promise<UserDocument | undefined>;
}

export function createUserRelationsReader(sources: UserRelationsSources) {
  /** The user named by id or uuid among the scope's tenants, with its relations; 404 as `users.get`. */
  return async function getUserWithRelations(scope: TenantScope, key: UserKey): Promise<UserWithRelations> {
    let document = await sources.userDocument(scope, key);
    if (!document) {
      // The users service throws the 404 every user read answers. A user committed between the
      // two reads is the one case it does not: its document is there on a second read.
      await sources.users.get(scope, key);
      document = await sources.userDocument(scope, key);
      if (!document) throw new Error(`user ${String(key)} was found by the users service only`);
    }
    const { user, lineIds, groups, schedules, callPermissions, voicemail, agent, queues } = document;
    const lines = await Promise.all(lineIds.map((id) => sources.lines.get(scope, id)));
    const fallbacks = { ...user.fallbacks };
    for (const { event, destination } of document.fallbacks) fallbacks[`${event}_destination`] = destination;
    const { incalls } = document;
    return {
      ...user,
      lines,
      groups,
      schedules,
      call_permissions: callPermissions,
      voicemail,
      fallbacks,
      switchboards: document.switchboards,
      call_pickup_target_users: document.callPickupTargetUsers,
      incalls,
      agent,
      queues,
    };
  };
}

export type GetUserWithRelations = ReturnType<typeof createUserRelationsReader>;
