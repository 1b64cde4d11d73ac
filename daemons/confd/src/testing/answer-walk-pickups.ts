/**
 * The switchboards' and call pickups' part of the answer walk: a switchboard with every field,
 * its operators and fallback (to a user, and another's to it, so destinations name a
 * switchboard), a call pickup with members on each side, each read back in every form, the users
 * showing both relations, then edited and deleted.
 */
import type { Method } from './route-calls.js';

type Call = (method: Method, url: string, body?: unknown) => Promise<unknown>;
type Owner = { id: number; uuid: string };

export async function walkSwitchboards(call: Call, operator: Owner): Promise<void> {
  const switchboard = (await call('POST', '/switchboards', {
    name: 'reception',
    timeout: 30,
    queue_music_on_hold: 'default',
    waiting_room_music_on_hold: null,
  })) as { uuid: string };
  const overflow = (await call('POST', '/switchboards', { name: 'overflow' })) as { uuid: string };
  const url = `/switchboards/${switchboard.uuid}`;
  await call('PUT', `${url}/members/users`, { users: [{ uuid: operator.uuid }] });
  await call('PUT', `${url}/fallbacks`, { noanswer_destination: { type: 'user', user_id: operator.id } });
  await call('PUT', `/switchboards/${overflow.uuid}/fallbacks`, {
    noanswer_destination: { type: 'switchboard', switchboard_uuid: switchboard.uuid, ring_time: 5 },
  });
  await call('PUT', url, { timeout: null });
  for (const path of ['/switchboards', url, `${url}/fallbacks`, `/switchboards/${overflow.uuid}`])
    await call('GET', path);
  await call('GET', `/users/${operator.uuid}`);
  await call('DELETE', url);
  await call('DELETE', `/switchboards/${overflow.uuid}`);
}

/**
 * A pickup is read before its members are set: Wazo shows its members' users and groups without
 * links, which the walk's link check would take for missing ones.
 */
export async function walkCallPickups(call: Call, interceptor: Owner, target: Owner, group: Owner) {
  const pickup = (await call('POST', '/callpickups', { name: 'office', description: 'desks' })) as Owner;
  const url = `/callpickups/${pickup.id}`;
  for (const path of ['/callpickups', url]) await call('GET', path);
  await call('PUT', url, { enabled: false });
  await call('PUT', `${url}/interceptors/users`, { users: [{ uuid: interceptor.uuid }] });
  await call('PUT', `${url}/interceptors/groups`, { groups: [{ id: group.id }] });
  await call('PUT', `${url}/targets/users`, { users: [{ uuid: target.uuid }] });
  await call('PUT', `${url}/targets/groups`, { groups: [{ id: group.id }] });
  await call('GET', `/users/${interceptor.uuid}`);
  await call('DELETE', url);
}

/**
 * A switchboard and a call pickup left in place, each write route taken once (for the
 * writable-fields walk, which needs a body each route accepted and the ids to fill its paths).
 */
export async function seedPickups(call: Call, user: Owner, group: Owner) {
  const switchboard = (await call('POST', '/switchboards', { name: 'desk', timeout: 20 })) as {
    uuid: string;
  };
  const url = `/switchboards/${switchboard.uuid}`;
  await call('PUT', url, { name: 'front desk' });
  await call('PUT', `${url}/members/users`, { users: [{ uuid: user.uuid }] });
  await call('PUT', `${url}/fallbacks`, { noanswer_destination: { type: 'none' } });
  const pickup = (await call('POST', '/callpickups', { name: 'desks', description: 'floor 1' })) as Owner;
  const pickupUrl = `/callpickups/${pickup.id}`;
  await call('PUT', pickupUrl, { enabled: true });
  for (const side of ['interceptors', 'targets']) {
    await call('PUT', `${pickupUrl}/${side}/users`, { users: [{ uuid: user.uuid }] });
    await call('PUT', `${pickupUrl}/${side}/groups`, { groups: [{ id: group.id }] });
  }
  return { switchboard, pickup };
}
