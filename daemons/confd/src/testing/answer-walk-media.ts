/**
 * The media part of the walk through every confd route: an IVR with choices and destinations
 * (one of them another IVR), listed, read, edited and deleted.
 */
import type { Method } from './route-calls.js';

type Call = (method: Method, url: string, body?: unknown) => Promise<unknown>;
type Created = { id: number; uuid: string };

export async function walkMedia(call: Call, user: { id: number }): Promise<void> {
  const target = (await call('POST', '/ivr', { name: 'walk-target', menu_sound: 'menu' })) as Created;
  const ivr = (await call('POST', '/ivr', {
    name: 'walk-ivr',
    menu_sound: 'menu',
    abort_destination: { type: 'user', user_id: user.id },
    choices: [
      { exten: '1', destination: { type: 'ivr', ivr_id: target.id } },
      { exten: '2', destination: { type: 'none' } },
    ],
  })) as Created;
  await call('PUT', `/ivr/${ivr.id}`, { timeout_destination: { type: 'hangup', cause: 'normal' } });
  for (const url of ['/ivr?recurse=true', `/ivr/${ivr.id}`]) await call('GET', url);
  await call('DELETE', `/ivr/${target.id}`);
  await call('DELETE', `/ivr/${ivr.id}`);
}
