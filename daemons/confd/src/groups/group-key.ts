/** A `{group_id}` path value as the Service API's GroupKey: digits are an id, anything else a uuid. */
import type { GroupKey } from '@wazo-ts/dao';
import { keyParams } from '../common/int-param.js';
import type { LinkRouteSide } from '../common/link-routes.js';

export const groupKeyOf = (raw: string): GroupKey => (/^[0-9]+$/.test(raw) ? Number(raw) : raw);

export const GroupIdParams = keyParams('group_id');

/**
 * A group as a link's owner, named by id or uuid. The path parameter is the one Wazo's ACL names
 * for that link (`group_uuid` for call permissions, `group_id` for schedules).
 */
export const groupOwner = (param: 'group_id' | 'group_uuid'): LinkRouteSide<GroupKey> => ({
  collection: 'groups',
  param,
  description: 'The id or uuid',
  word: 'group',
  keyOf: groupKeyOf,
});
