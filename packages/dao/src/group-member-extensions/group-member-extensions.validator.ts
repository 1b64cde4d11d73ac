/** Wazo's rule on extension members: each `exten@context` once. */
import { resourceError } from '../errors.js';
import type { GroupMemberExtensionInput } from './group-member-extensions.model.js';

export function createGroupMemberExtensionsValidator() {
  return {
    validate(members: GroupMemberExtensionInput[]): void {
      const keys = members.map((member) => JSON.stringify([member.exten, member.context]));
      if (new Set(keys).size !== keys.length)
        throw resourceError('Operation not permitted. Cannot associate same extensions more than once');
    },
  };
}

export type GroupMemberExtensionsValidator = ReturnType<typeof createGroupMemberExtensionsValidator>;
