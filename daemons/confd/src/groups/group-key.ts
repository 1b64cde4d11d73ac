/** A `{group_id}` path value as the Service API's GroupKey: digits are an id, anything else a uuid. */
import type { GroupKey } from '@wazo-ts/dao';
import { keyParams } from '../common/int-param.js';

export const groupKeyOf = (raw: string): GroupKey => (/^[0-9]+$/.test(raw) ? Number(raw) : raw);

export const GroupIdParams = keyParams('group_id');
