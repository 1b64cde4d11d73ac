/**
 * The user members of a group: the replace-all input of `PUT /groups/{id}/members/users` and of
 * `PUT /users/{id}/groups`, what is read back, and the JSON Schemas of both bodies.
 */
import type { GroupMemberUser } from '../groups/groups.model.js';
import { type Static, Type } from '../schema.js';

export type { GroupMemberUser };

/** One member as given; `priority` defaults to its index in the list. */
const memberInputSchema = Type.Object({
  uuid: Type.String(),
  priority: Type.Optional(Type.Integer({ minimum: 0 })),
});
export type GroupMemberUserInput = Static<typeof memberInputSchema>;

/** A group named by id or uuid, in a user's list of groups. */
const groupRefObject = Type.Object(
  { id: Type.Optional(Type.Integer()), uuid: Type.Optional(Type.String({ format: 'uuid' })) },
  { anyOf: [{ required: ['id'] }, { required: ['uuid'] }] },
);
/** The schema's type, with its `anyOf` (one of the two keys at least) kept. */
export type GroupRefInput = Static<typeof groupRefObject> & ({ id: number } | { uuid: string });
const groupRefSchema = Type.Unsafe<GroupRefInput>(groupRefObject);

/** A group a user belongs to, as the user's `groups` shows it. */
export interface UserGroup {
  id: number;
  uuid: string;
  name: string;
  label: string;
}

/** A stored membership: the priority resolved, the position the member had in the list. */
export interface GroupMemberRow {
  user_uuid: string;
  priority: number;
}

/** Body of `PUT /groups/{id}/members/users`. */
export const groupMemberUsersSchema = Type.Object({ users: Type.Array(memberInputSchema) });

/** Body of `PUT /users/{id}/groups`: each group by id or uuid. */
export const userGroupsSchema = Type.Object({ groups: Type.Array(groupRefSchema) });
