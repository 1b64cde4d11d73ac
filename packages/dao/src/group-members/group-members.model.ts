/**
 * The user members of a group: the replace-all input of `PUT /groups/{id}/members/users` and of
 * `PUT /users/{id}/groups`, what is read back, and the JSON Schemas of both bodies.
 */
import type { GroupMemberUser } from '../groups/groups.model.js';

export type { GroupMemberUser };

/** One member as given; `priority` defaults to its index in the list. */
export interface GroupMemberUserInput {
  uuid: string;
  priority?: number;
}

/** A group named by id or uuid, in a user's list of groups. */
export type GroupRefInput = { id: number; uuid?: string } | { uuid: string; id?: number };

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
export const groupMemberUsersSchema = {
  type: 'object',
  required: ['users'],
  properties: {
    users: {
      type: 'array',
      items: {
        type: 'object',
        required: ['uuid'],
        properties: { uuid: { type: 'string' }, priority: { type: 'integer', minimum: 0 } },
      },
    },
  },
} as const;

/** Body of `PUT /users/{id}/groups`: each group by id or uuid. */
export const userGroupsSchema = {
  type: 'object',
  required: ['groups'],
  properties: {
    groups: {
      type: 'array',
      items: {
        type: 'object',
        properties: { id: { type: 'integer' }, uuid: { type: 'string', format: 'uuid' } },
        anyOf: [{ required: ['id'] }, { required: ['uuid'] }],
      },
    },
  },
} as const;
