/** An `{incall_id}` path value: Wazo's `<int:...>` routes, so anything but digits is its 404. */
import { idParams, intParam } from '../common/int-param.js';

export const incallIdOf = (raw: string): number => intParam(raw, 'Incall');
export const IncallIdParams = idParams('incall_id');
