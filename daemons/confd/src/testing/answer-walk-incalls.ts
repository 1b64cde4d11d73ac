/**
 * The incalls part of the walk through every confd route: an incall context with a number, an
 * incall to a user given that number and a schedule, one to a group; each read (and read from
 * the user, the group, the schedule and the extension they show in), edited, then undone.
 */
import type { Method } from './route-calls.js';

type Call = (method: Method, url: string, body?: unknown) => Promise<unknown>;
type Created = { id: number; uuid: string; name: string };

export async function walkIncalls(call: Call, user: Created, group: Created, schedule: { id: number }) {
  const context = (await call('POST', '/contexts', {
    label: 'walk incalls',
    type: 'incall',
    incall_ranges: [{ start: '5550000', end: '5559999', did_length: 4 }],
  })) as Created;
  const number = (await call('POST', '/extensions', { exten: '5551234', context: context.name })) as Created;
  const toUser = (await call('POST', '/incalls', {
    destination: { type: 'user', user_id: user.id, ring_time: 10 },
    caller_id_mode: 'prepend',
    caller_id_name: 'walk',
    description: 'to the user',
  })) as Created;
  const toGroup = (await call('POST', '/incalls', {
    destination: { type: 'group', group_id: group.id },
  })) as Created;
  await call('PUT', `/incalls/${toUser.id}/extensions/${number.id}`);
  await call('PUT', `/incalls/${toUser.id}/schedules/${schedule.id}`);
  await call('PUT', `/incalls/${toGroup.id}`, {
    greeting_sound: 'hello',
    destination: { type: 'group', group_id: group.id },
  });
  for (const url of [
    '/incalls?recurse=true',
    `/incalls/${toUser.id}`,
    `/incalls?user_id=${user.id}`,
    `/users/${user.uuid}`,
    `/groups/${group.uuid}`,
    `/schedules/${schedule.id}`,
    `/extensions/${number.id}`,
    `/users/${user.uuid}/callerids/outgoing`,
  ])
    await call('GET', url);
  await call('DELETE', `/incalls/${toUser.id}/schedules/${schedule.id}`);
  await call('DELETE', `/incalls/${toUser.id}/extensions/${number.id}`);
  for (const url of [
    `/incalls/${toUser.id}`,
    `/incalls/${toGroup.id}`,
    `/extensions/${number.id}`,
    `/contexts/${context.id}`,
  ])
    await call('DELETE', url);
}

/** Phone numbers: one made, a range of two, the main number set and read, each read, edited, deleted. */
export async function walkPhoneNumbers(call: Call) {
  const number = (await call('POST', '/phone-numbers', {
    number: '+15550100',
    caller_id_name: 'Walk',
  })) as Created;
  const range = (await call('POST', '/phone-numbers/ranges', {
    start_number: '+15550101',
    end_number: '+15550101',
  })) as { created: { uuid: string }[] };
  await call('PUT', `/phone-numbers/${number.uuid}`, { shared: true });
  await call('PUT', '/phone-numbers/main', { phone_number_uuid: number.uuid });
  for (const url of ['/phone-numbers/main', '/phone-numbers?recurse=true', `/phone-numbers/${number.uuid}`])
    await call('GET', url);
  for (const created of range.created) await call('DELETE', `/phone-numbers/${created.uuid}`);
  await call('DELETE', `/phone-numbers/${number.uuid}`);
}
