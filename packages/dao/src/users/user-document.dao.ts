/**
 * `GET /users/{id}` in one statement: the user with the keys of what other resources link to it
 * (its line ids, main line first then oldest, as the user-lines dao orders them; its groups'
 * its schedule's and its voicemail's summaries, by id, as their link daos list them), each relation aggregated
 * by PostgreSQL as JSON. Read-only and the one users read that spans tables: it answers with the
 * same rows, in the same order, as the per-resource reads it replaces, within the same tenants.
 * Hand-written SQL rather than Kysely's builder: a constant text, sent as a named prepared
 * statement (see @wazo-ts/db's prepared.ts), so neither Kysely nor PostgreSQL's planner rebuild it
 * per request.
 */
import { type PreparedStatement, preparedStatement } from '@wazo-ts/db';
import type { Tx } from '../db/unit-of-work.js';
import type { IncallRelation } from '../incalls/incalls.model.js';
import type { Destination } from '../schedules/destination.js';
import { nameDestinations } from '../schedules/destination-names.js';
import type { TenantScope } from '../search/search.js';
import { parseUserKey } from './user-key.js';
import { type UserRow, userFromRow } from './users.mapping.js';
import type { User, UserKey } from './users.model.js';

export interface UserDocument {
  user: User;
  /** The ids of the user's lines among the scope's tenants, main line first, then oldest. */
  lineIds: number[];
  groups: { id: number; uuid: string; name: string }[];
  schedules: { id: number; name: string | null }[];
  callPermissions: { id: number; name: string }[];
  voicemail: { id: number; name: string } | null;
  /** The stored fallbacks by event (`noanswer`...), events without one absent. */
  fallbacks: { event: string; destination: Destination }[];
  /** The switchboards the user operates, by name. */
  switchboards: { uuid: string; name: string }[];
  /** The users whose calls the user may pick up (see RELATIONS), each once, by id. */
  callPickupTargetUsers: { uuid: string; firstname: string; lastname: string | null }[];
  /** The incalls whose destination is the user, by id, each with its extensions. */
  incalls: IncallRelation[];
  /** The user's agent (id, number), or null. */
  agent: { id: number; number: string } | null;
  /** The queues the user is a member of (id, name, label), by id. */
  queues: { id: number; name: string; label: string | null }[];
}

/**
 * Each relation of the document: a query over the rows linked to `users` (the outer row), within
 * the scope's tenants (`$1`, an array), in the order its own reads list them. PostgreSQL
 * aggregates each into a JSON array column of the same name. A new relation is one more entry.
 */
const RELATIONS = {
  document_lines: `SELECT user_line.line_id FROM user_line
    WHERE user_line.user_id = users.id
      AND user_line.line_id IN (SELECT line.id FROM line JOIN context ON context.id = line.context_id
        WHERE context.tenant_uuid = ANY($1::uuid[]))
    ORDER BY user_line.main_line DESC, user_line.line_id`,
  document_groups: `SELECT g.id, g.uuid, g.name FROM group_member_users m JOIN groups g ON g.id = m.group_id
    WHERE m.user_uuid = users.uuid AND g.tenant_uuid = ANY($1::uuid[])
    ORDER BY g.id`,
  document_schedules: `SELECT side.id, side.name FROM user_schedules link JOIN schedules side ON side.id = link.schedule_id
    WHERE link.user_uuid = users.uuid AND side.tenant_uuid = ANY($1::uuid[])
    ORDER BY side.id`,
  document_call_permissions: `SELECT side.id, side.name FROM user_call_permissions link
      JOIN call_permissions side ON side.id = link.call_permission_id
    WHERE link.user_uuid = users.uuid AND side.tenant_uuid = ANY($1::uuid[])
    ORDER BY side.id`,
  document_voicemail: `SELECT side.id, side.name FROM user_voicemail link JOIN voicemail side ON side.id = link.voicemail_id
    WHERE link.user_uuid = users.uuid AND side.tenant_uuid = ANY($1::uuid[])`,
  document_fallbacks: `SELECT f.event, f.destination FROM user_fallback f WHERE f.user_id = users.id`,
  document_switchboards: `SELECT s.uuid, s.name FROM switchboard_member_user m JOIN switchboard s ON s.uuid = m.switchboard_uuid
    WHERE m.user_uuid = users.uuid AND s.tenant_uuid = ANY($1::uuid[])
    ORDER BY s.name, s.uuid`,
  // Wazo's flattened targets: the users targeted, directly or as members of a targeted group, by
  // every pickup the user intercepts for, directly or as a member of an intercepting group. Two
  // lookups by key joined by UNION (a join on "user OR member of the group" read every user).
  document_call_pickup_targets: `WITH intercepted AS (
      SELECT i.pickup_id FROM pickup_member i JOIN pickup p ON p.id = i.pickup_id
      WHERE i.role = 'interceptor' AND p.tenant_uuid = ANY($1::uuid[])
        AND (i.user_id = users.id
          OR i.group_id IN (SELECT gi.group_id FROM group_member_users gi WHERE gi.user_uuid = users.uuid)))
    SELECT t.uuid, t.firstname, t.lastname FROM users t WHERE t.id IN (
      SELECT tm.user_id FROM pickup_member tm
      WHERE tm.role = 'target' AND tm.pickup_id IN (SELECT pickup_id FROM intercepted)
      UNION
      SELECT member.id FROM pickup_member tm
        JOIN group_member_users gm ON gm.group_id = tm.group_id
        JOIN users member ON member.uuid = gm.user_uuid
      WHERE tm.role = 'target' AND tm.pickup_id IN (SELECT pickup_id FROM intercepted))
    ORDER BY t.id`,
  document_incalls: `SELECT i.id, coalesce((SELECT json_agg(json_build_object('id', e.id, 'exten', e.exten, 'context', c.name)
        ORDER BY e.id) FROM incall_extension ie JOIN extension e ON e.id = ie.extension_id
        JOIN context c ON c.id = e.context_id WHERE ie.incall_id = i.id), '[]') AS extensions
    FROM incall_destination d JOIN incall i ON i.id = d.incall_id
    WHERE d.destination ->> 'type' = 'user' AND d.destination ->> 'user_id' = users.id::text
      AND i.tenant_uuid = ANY($1::uuid[])
    ORDER BY i.id`,
  document_agent: `SELECT side.id, side.number FROM user_agent link JOIN agent side ON side.id = link.agent_id
    WHERE link.user_id = users.id AND side.tenant_uuid = ANY($1::uuid[])`,
  document_queues: `SELECT side.id, side.name, side.label FROM queue_member_user link JOIN queue side ON side.id = link.queue_id
    WHERE link.user_id = users.id AND side.tenant_uuid = ANY($1::uuid[])
    ORDER BY side.id`,
};

type DocumentRow = UserRow & {
  document_lines: { line_id: number }[];
  document_groups: UserDocument['groups'];
  document_schedules: UserDocument['schedules'];
  document_call_permissions: UserDocument['callPermissions'];
  document_voicemail: NonNullable<UserDocument['voicemail']>[];
  document_fallbacks: UserDocument['fallbacks'];
  document_switchboards: UserDocument['switchboards'];
  document_call_pickup_targets: UserDocument['callPickupTargetUsers'];
  document_incalls: UserDocument['incalls'];
  document_agent: NonNullable<UserDocument['agent']>[];
  document_queues: UserDocument['queues'];
};

/** The statement, by the column naming the user; constant texts, so prepared once per connection. */
function documentStatement(name: string, column: 'id' | 'uuid'): PreparedStatement {
  const relations = Object.entries(RELATIONS).map(
    ([key, query]) => `(SELECT coalesce(json_agg(r), '[]') FROM (${query}) r) AS ${key}`,
  );
  return preparedStatement(
    name,
    `SELECT users.*, ${relations.join(', ')} FROM users
    WHERE users.tenant_uuid = ANY($1::uuid[]) AND users.${column} = $2`,
  );
}

const BY_ID = documentStatement('wazo_user_document_by_id', 'id');
const BY_UUID = documentStatement('wazo_user_document_by_uuid', 'uuid');

/** The scoped user named by `key` with its relations' keys, or undefined. */
export async function findUserDocument(
  tx: Tx,
  scope: TenantScope,
  key: UserKey,
): Promise<UserDocument | undefined> {
  const parsed = parseUserKey(key);
  if (!parsed) return undefined;
  const query =
    'id' in parsed
      ? BY_ID.compile([scope.tenantUuids, parsed.id])
      : BY_UUID.compile([scope.tenantUuids, parsed.uuid]);
  const { rows } = await tx.db.executeQuery<DocumentRow>(query);
  const row = rows[0];
  if (!row) return undefined;
  const named = await nameDestinations(
    tx,
    row.document_fallbacks.map((f) => f.destination),
  );
  return {
    user: userFromRow(row),
    lineIds: row.document_lines.map((link) => link.line_id),
    groups: row.document_groups,
    schedules: row.document_schedules,
    callPermissions: row.document_call_permissions,
    voicemail: row.document_voicemail[0] ?? null,
    fallbacks: row.document_fallbacks.map((f, i) => ({ event: f.event, destination: named[i]! })),
    switchboards: row.document_switchboards,
    callPickupTargetUsers: row.document_call_pickup_targets,
    incalls: row.document_incalls,
    agent: row.document_agent[0] ?? null,
    queues: row.document_queues,
  };
}
