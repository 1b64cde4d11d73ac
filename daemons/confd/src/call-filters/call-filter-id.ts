/** A `{callfilter_id}` path value: Wazo's `<int:...>` routes, so anything but digits is its 404. */
import { idParams, intParam } from '../common/int-param.js';

export const callFilterIdOf = (raw: string): number => intParam(raw, 'CallFilter');
export const CallFilterIdParams = idParams('callfilter_id');
