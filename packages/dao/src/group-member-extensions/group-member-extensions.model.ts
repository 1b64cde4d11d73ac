/** The extension members of a group: the replace-all body of `PUT /groups/{id}/members/extensions`. */
import { type Static, Type } from '../schema.js';

/** One member as given; `priority` defaults to its index in the list. */
const memberInputSchema = Type.Object({
  exten: Type.String(),
  context: Type.String(),
  priority: Type.Optional(Type.Integer({ minimum: 0 })),
});
export type GroupMemberExtensionInput = Static<typeof memberInputSchema>;

/** A stored member, as the group's `members.extensions` shows it. */
export interface GroupMemberExtension {
  exten: string;
  context: string;
  priority: number;
}

/** Body of `PUT /groups/{id}/members/extensions`. */
export const groupMemberExtensionsSchema = Type.Object({ extensions: Type.Array(memberInputSchema) });
