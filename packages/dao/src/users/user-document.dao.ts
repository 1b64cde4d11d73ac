/**
 * `GET /users/{id}` in one statement: the user with the keys of what other resources link to it
 * (its line ids, main line first then oldest, as the user-lines dao orders them; its groups'
 * and its schedule's summaries, by id, as their link daos list them), each relation aggregated
 * by PostgreSQL as JSON. Read-only and the one users read that spans tables: it answers with the
 * same rows, in the same order, as the per-resource reads it replaces, within the same tenants.
 */
import { inTenants } from '@wazo-ts/db';
import { sql } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import type { Tx } from '../db/unit-of-work.js';
import type { Destination } from '../schedules/destination.js';
import { nameDestinations } from '../schedules/destination-names.js';
import type { TenantScope } from '../search/search.js';
import { parseUserKey } from './user-key.js';
import { scopedUsers } from './users.dao.js';
import { userFromRow } from './users.mapping.js';
import type { User, UserKey } from './users.model.js';

export interface UserDocument {
  user: User;
  /** The ids of the user's lines among the scope's tenants, main line first, then oldest. */
  lineIds: number[];
  groups: { id: number; uuid: string; name: string }[];
  schedules: { id: number; name: string | null }[];
  /** The stored fallbacks by event (`noanswer`...), events without one absent. */
  fallbacks: { event: string; destination: Destination }[];
}

/** The scoped user named by `key` with its relations' keys, or undefined. */
export async function findUserDocument(
  tx: Tx,
  scope: TenantScope,
  key: UserKey,
): Promise<UserDocument | undefined> {
  const parsed = parseUserKey(key);
  if (!parsed) return undefined;
  const users = scopedUsers(tx, scope);
  const query =
    'id' in parsed ? users.where('users.id', '=', parsed.id) : users.where('users.uuid', '=', parsed.uuid);
  const row = await query
    .select((eb) => [
      jsonArrayFrom(
        eb
          .selectFrom('user_line')
          .select('user_line.line_id')
          .whereRef('user_line.user_id', '=', 'users.id')
          .where('user_line.line_id', 'in', (sub) =>
            sub
              .selectFrom('line')
              .innerJoin('context', 'context.id', 'line.context_id')
              .select('line.id')
              .where(inTenants('context.tenant_uuid', scope.tenantUuids)),
          )
          .orderBy('user_line.main_line', 'desc')
          .orderBy('user_line.line_id'),
      ).as('document_lines'),
      jsonArrayFrom(
        eb
          .selectFrom('group_member_users as m')
          .innerJoin('groups as g', 'g.id', 'm.group_id')
          .select(['g.id', 'g.uuid', 'g.name'])
          .whereRef('m.user_uuid', '=', 'users.uuid')
          .where(inTenants('g.tenant_uuid', scope.tenantUuids))
          .orderBy('g.id'),
      ).as('document_groups'),
      jsonArrayFrom(
        eb
          .selectFrom('user_schedules as link')
          .innerJoin('schedules as side', 'side.id', 'link.schedule_id')
          .select(['side.id', 'side.name'])
          .whereRef('link.user_uuid', '=', 'users.uuid')
          .where(inTenants('side.tenant_uuid', scope.tenantUuids))
          .orderBy('side.id'),
      ).as('document_schedules'),
      sql<UserDocument['fallbacks']>`(
        SELECT coalesce(json_agg(json_build_object('event', f.event, 'destination', f.destination)), '[]')
        FROM user_fallback f WHERE f.user_id = users.id)`.as('document_fallbacks'),
    ])
    .executeTakeFirst();
  if (!row) return undefined;
  const named = await nameDestinations(
    tx,
    row.document_fallbacks.map((f) => f.destination),
  );
  return {
    user: userFromRow(row),
    lineIds: row.document_lines.map((link) => link.line_id),
    groups: row.document_groups as UserDocument['groups'],
    schedules: row.document_schedules as UserDocument['schedules'],
    fallbacks: row.document_fallbacks.map((f, i) => ({ event: f.event, destination: named[i]! })),
  };
}
