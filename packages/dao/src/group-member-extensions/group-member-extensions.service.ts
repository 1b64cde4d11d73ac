/**
 * A group's extension members: replaced all at once, a missing priority being the member's index.
 * The group is looked up among the caller's tenants (Wazo looks in every tenant).
 */
import type { UnitOfWork } from '../db/unit-of-work.js';
import { notFound } from '../errors.js';
import type { GroupKey, GroupsDao } from '../groups/groups.dao.js';
import type { TenantScope } from '../search/search.js';
import type { GroupMemberExtensionsDao } from './group-member-extensions.dao.js';
import type { GroupMemberExtensionInput } from './group-member-extensions.model.js';
import type { GroupMemberExtensionsNotifier } from './group-member-extensions.notifier.js';
import type { GroupMemberExtensionsValidator } from './group-member-extensions.validator.js';

export interface GroupMemberExtensionsServiceDeps {
  uow: UnitOfWork;
  dao: GroupMemberExtensionsDao;
  groups: Pick<GroupsDao, 'find'>;
  validator: GroupMemberExtensionsValidator;
  notifier: GroupMemberExtensionsNotifier;
}

const keyCriteria = (key: GroupKey) => (typeof key === 'number' ? { id: key } : { uuid: key });

export function createGroupMemberExtensionsService(deps: GroupMemberExtensionsServiceDeps) {
  const { uow, dao, groups, validator, notifier } = deps;
  return {
    associate(scope: TenantScope, groupKey: GroupKey, input: GroupMemberExtensionInput[]): Promise<void> {
      return uow.run(async (tx) => {
        const group = await groups.find(tx, scope, groupKey);
        if (!group) throw notFound('Group', keyCriteria(groupKey));
        validator.validate(input);
        const members = input.map((m, i) => ({
          exten: m.exten,
          context: m.context,
          priority: m.priority ?? i,
        }));
        await dao.replace(tx, group.id, members);
        notifier.associated(tx, group, members);
      });
    },
  };
}

export type GroupMemberExtensionsService = ReturnType<typeof createGroupMemberExtensionsService>;
