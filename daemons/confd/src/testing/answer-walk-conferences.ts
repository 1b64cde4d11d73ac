/**
 * The answer walk of conferences, pagings and parking lots: each created with every field, given
 * an extension (conference, parking lot) or users (paging), pointed at by a fallback and function
 * keys, read in every form, edited, dissociated and deleted with what it made.
 */
type Call = (method: Method, url: string, body?: unknown) => Promise<unknown>;
type Owner = { id: number; uuid: string };

import type { Method } from './route-calls.js';

export async function walkConferences(call: Call, context: string, alice: Owner, bob: Owner): Promise<void> {
  const conference = (await call('POST', '/conferences', {
    name: 'standup',
    preprocess_subroutine: 'sub',
    max_users: 10,
    record: true,
    pin: '1234',
    admin_pin: '4321',
    music_on_hold: 'default',
  })) as { id: number };
  const room = (await call('POST', '/extensions', { exten: '4005', context })) as { id: number };
  const url = `/conferences/${conference.id}`;
  await call('PUT', `${url}/extensions/${room.id}`);
  await call('PUT', `/users/${alice.uuid}/fallbacks`, {
    busy_destination: { type: 'conference', conference_id: conference.id },
  });
  await call('PUT', `/users/${alice.id}/funckeys/11`, {
    destination: { type: 'conference', conference_id: conference.id },
  });
  for (const path of ['/conferences', url, `/extensions/${room.id}`, `/users/${alice.uuid}/fallbacks`])
    await call('GET', path);
  await call('PUT', url, { name: 'retro', pin: null });

  const paging = (await call('POST', '/pagings', {
    number: '9901',
    name: 'all',
    announce_sound: 'beep',
  })) as {
    id: number;
  };
  const pagingUrl = `/pagings/${paging.id}`;
  await call('PUT', `${pagingUrl}/members/users`, { users: [{ uuid: alice.uuid }, { uuid: bob.uuid }] });
  await call('PUT', `${pagingUrl}/callers/users`, { users: [{ uuid: bob.uuid }] });
  await call('PUT', `/users/${alice.id}/funckeys/12`, {
    destination: { type: 'paging', paging_id: paging.id },
  });
  for (const path of ['/pagings', pagingUrl]) await call('GET', path);
  await call('PUT', pagingUrl, { duplex: true });

  const lot = (await call('POST', '/parkinglots', {
    name: 'lot',
    slots_start: '701',
    slots_end: '750',
    timeout: 30,
    music_on_hold: 'default',
  })) as { id: number };
  const lotExtension = (await call('POST', '/extensions', { exten: '700', context })) as { id: number };
  const lotUrl = `/parkinglots/${lot.id}`;
  await call('PUT', `${lotUrl}/extensions/${lotExtension.id}`);
  await call('PUT', `/users/${alice.id}/funckeys/13`, {
    destination: { type: 'parking', parking_lot_id: lot.id },
  });
  await call('PUT', `/users/${alice.id}/funckeys/14`, {
    destination: { type: 'park_position', parking_lot_id: lot.id, position: 705 },
  });
  for (const path of ['/parkinglots', lotUrl, `/extensions/${lotExtension.id}`]) await call('GET', path);
  await call('PUT', lotUrl, { timeout: null });

  await call('DELETE', `${url}/extensions/${room.id}`);
  await call('DELETE', `${lotUrl}/extensions/${lotExtension.id}`);
  for (const path of [url, pagingUrl, lotUrl, `/extensions/${room.id}`, `/extensions/${lotExtension.id}`])
    await call('DELETE', path);
}
