/** A `{callpermission_id}` path value: Wazo's `<int:...>` routes, so anything but digits is its 404. */
import { idParams, intParam } from '../common/int-param.js';

export const callPermissionIdOf = (raw: string): number => intParam(raw, 'CallPermission');

export const CallPermissionIdParams = idParams('callpermission_id');
