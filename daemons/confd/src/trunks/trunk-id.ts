/** `{trunk_id}` and `{outcall_id}` path values: Wazo's `<int:...>` routes, so anything but digits is its 404. */
import { intParam } from '../common/int-param.js';

export const trunkIdOf = (raw: string): number => intParam(raw, 'Trunk');
export const outcallIdOf = (raw: string): number => intParam(raw, 'Outcall');
