/** A `{group_id}` path value as the Service API's GroupKey: digits are an id, anything else a uuid. */
import type { GroupKey } from '@wazo-ts/dao';

export const groupKeyOf = (raw: string): GroupKey => (/^[0-9]+$/.test(raw) ? Number(raw) : raw);

export const GroupIdParams = {
  type: 'object',
  properties: { group_id: { type: 'string', description: 'The group id or uuid' } },
  required: ['group_id'],
} as const;
