/**
 * A walk through every confd route on one tenant: it creates a little of everything with values
 * set and left null (contexts with ranges and an include, extensions, SIP and custom lines, users
 * with lines, a group with members, schedules with every period kind and destinations), reads it
 * all back in every form (items, lists, views, ranges), changes it, and deletes it again.
 */

import { walkIaxAndApplications } from './answer-walk-applications.js';
import { walkConferences } from './answer-walk-conferences.js';
import { walkEndpoints } from './answer-walk-endpoints.js';
import { walkIncalls, walkPhoneNumbers } from './answer-walk-incalls.js';
import { walkMedia } from './answer-walk-media.js';
import { walkMeetings } from './answer-walk-meetings.js';
import { walkCallPickups, walkSwitchboards } from './answer-walk-pickups.js';
import { walkAgentsAndQueues } from './answer-walk-queues.js';
import { walkTrunksAndOutcalls } from './answer-walk-trunks.js';
import { walkUserExtras } from './answer-walk-user-extras.js';
import {
  walkCallFilters,
  walkCallPermissions,
  walkLineExtensionCreate,
  walkUserParts,
} from './answer-walk-user-parts.js';
import type { Method } from './route-calls.js';
import { walkSettingsMore } from './settings-more-walk.js';
import { walkSettings } from './settings-walk.js';

type Call = (method: Method, url: string, body?: unknown) => Promise<unknown>;
type Created = { id: number; uuid: string; name: string };

const RANGE_TYPES = ['user', 'group', 'queue', 'conference', 'incall'];
const USER_VIEWS = ['', '?view=summary', '?view=directory'];

export async function seedContexts(call: Call) {
  const internal = (await call('POST', '/contexts', {
    label: 'Internal',
    type: 'internal',
    description: 'the office',
    user_ranges: [{ start: '1000', end: '1999' }],
    group_ranges: [{ start: '2000', end: '2099' }],
    queue_ranges: [{ start: '3000' }],
    conference_room_ranges: [{ start: '4000', end: '4009' }],
    incall_ranges: [{ start: '0123450000', end: '0123459999', did_length: 4 }],
  })) as Created;
  const other = (await call('POST', '/contexts', { label: 'Other' })) as Created;
  await call('PUT', `/contexts/${internal.id}/contexts`, { contexts: [{ id: other.id }] });
  return { internal, other };
}

export async function seedLines(call: Call, context: string) {
  const sip = (await call('POST', '/lines', {
    context,
    caller_id_name: 'Alice',
    caller_id_num: '1001',
    endpoint_sip: {
      label: 'desk',
      auth_section_options: [
        ['username', 'alice'],
        ['password', 'secret'],
      ],
      endpoint_section_options: [['webrtc', 'yes']],
    },
  })) as Created;
  const custom = (await call('POST', '/lines', {
    context,
    endpoint_custom: { interface: 'dahdi/1' },
  })) as Created;
  const extension = (await call('POST', '/extensions', { exten: '1001', context })) as Created;
  await call('PUT', `/lines/${sip.id}/extensions/${extension.id}`);
  return { sip, custom, extension };
}

export async function seedUsers(call: Call, context: string, lineId: number) {
  const alice = (await call('POST', '/users', {
    firstname: 'Alice',
    lastname: 'Liddell',
    email: 'alice@example.com',
    language: 'en_US',
    mobile_phone_number: '+15555550100',
    caller_id: '"Alice" <1001>',
    ring_seconds: 45,
    func_key_template_id: null,
    forwards: { busy: { enabled: true, destination: '1002' } },
    auth: { username: 'alice', password: 'secret1234' },
  })) as Created;
  await call('PUT', `/users/${alice.id}/lines/${lineId}`);
  // Bob comes with his own line and extension, and every nullable field left null.
  const bob = (await call('POST', '/users', {
    firstname: 'Bob',
    lines: [{ context, endpoint_sip: {}, extensions: [{ exten: '1002', context }] }],
  })) as Created;
  return { alice, bob };
}

export async function seedSchedule(call: Call, context: string) {
  const period = { hours_start: '08:00', hours_end: '12:00', week_days: [1, 2, 3], months: [1] };
  return (await call('POST', '/schedules', {
    name: 'office',
    timezone: 'Europe/Paris',
    closed_destination: { type: 'sound', filename: 'closed', skip: true, no_answer: false },
    open_periods: [period, { hours_start: '13:00', hours_end: '17:00' }],
    exceptional_periods: [
      { ...period, destination: { type: 'hangup', cause: 'busy', timeout: 3 } },
      {
        hours_start: '00:00',
        hours_end: '23:59',
        destination: { type: 'extension', exten: '1001', context },
      },
      { hours_start: '00:00', hours_end: '01:00', destination: { type: 'none' } },
    ],
  })) as Created;
}

/** A voicemail with every field for Alice, and one made for Bob through his own route. */
export async function seedVoicemails(call: Call, context: string, alice: Created, bob: Created) {
  const voicemail = (await call('POST', '/voicemails', {
    name: 'Alice',
    number: '1001',
    context,
    password: '1234',
    email: 'alice@example.com',
    pager: 'pager@example.com',
    language: 'en_US',
    timezone: 'eu-fr',
    max_messages: 10,
    attach_audio: true,
    delete_messages: true,
    ask_password: false,
    options: [['saycid', 'yes']],
  })) as Created;
  await call('PUT', `/users/${alice.id}/voicemails/${voicemail.id}`);
  await call('POST', `/users/${bob.uuid}/voicemails`, { name: 'Bob', number: '1002', context });
  return voicemail;
}

/** A device with every field, carrying Alice's SIP line (which has its extension and user). */
export async function seedDevice(call: Call, lineId: number) {
  const device = (await call('POST', '/devices', {
    ip: '10.0.0.1',
    mac: 'AA:BB:CC:DD:EE:FF',
    sn: 'sn1',
    plugin: 'wazo-yealink',
    vendor: 'Yealink',
    model: 'T46',
    version: '1.0',
    description: 'desk',
    template_id: 'tpl',
    options: { switchboard: true },
  })) as Created;
  await call('POST', '/devices', {});
  await call('PUT', `/lines/${lineId}/devices/${device.id}`);
  return device;
}

async function readEverything(call: Call, ids: Record<string, Created>) {
  const { internal, sip, extension, alice, bob, group, schedule, voicemail, device } = ids as Record<
    string,
    Created
  >;
  for (const view of USER_VIEWS) await call('GET', `/users${view}`);
  for (const user of [alice, bob] as Created[]) {
    await call('GET', `/users/${user.uuid}`);
    await call('GET', `/users/${user.id}/forwards`);
    await call('GET', `/users/${user.id}/services`);
    await call('GET', `/users/${user.id}/voicemails`);
    for (const name of ['busy', 'noanswer', 'unconditional'])
      await call('GET', `/users/${user.id}/forwards/${name}`);
    for (const name of ['dnd', 'incallfilter']) await call('GET', `/users/${user.id}/services/${name}`);
  }
  for (const [list, item] of [
    ['/contexts', internal],
    ['/extensions', extension],
    ['/lines', sip],
    ['/groups', group],
    ['/schedules', schedule],
    ['/voicemails', voicemail],
    ['/devices', device],
  ] as const) {
    await call('GET', `${list}?recurse=true`);
    await call('GET', `${list}/${(item as Created).id}`);
  }
  for (const type of RANGE_TYPES) {
    await call('GET', `/contexts/${(internal as Created).id}/ranges/${type}`);
    await call('GET', `/contexts/${(internal as Created).id}/ranges/${type}?availability=all`);
  }
  const unallocated = (await call('GET', '/devices/unallocated')) as { items: Created[] };
  for (const found of unallocated.items) await call('PUT', `/devices/unallocated/${found.id}`);
  await call('GET', `/devices/${device?.id}/lines`);
  await call('GET', `/lines/${sip?.id}/devices`);
  await call('GET', '/infos');
}

export async function editEverything(call: Call, ids: Record<string, Created>) {
  const { internal, sip, extension, alice, group, schedule, voicemail, device } = ids as Record<
    string,
    Created
  >;
  await call('PUT', `/contexts/${internal?.id}`, { description: null });
  await call('PUT', `/extensions/${extension?.id}`, { enabled: false });
  await call('PUT', `/lines/${sip?.id}`, { caller_id_name: 'Alice L' });
  await call('PUT', `/users/${alice?.id}`, { lastname: null });
  await call('PUT', `/groups/${group?.uuid}`, { timeout: 30 });
  await call('PUT', `/schedules/${schedule?.id}`, { enabled: false });
  if (voicemail) await call('PUT', `/voicemails/${voicemail.id}`, { enabled: false });
  if (device) await call('PUT', `/devices/${device.id}`, { description: 'lobby' });
  await call('PUT', `/users/${alice?.id}/forwards`, { noanswer: { enabled: false, destination: null } });
  await call('PUT', `/users/${alice?.id}/services`, { dnd: { enabled: true } });
  for (const name of ['busy', 'noanswer', 'unconditional'])
    await call('PUT', `/users/${alice?.id}/forwards/${name}`, { enabled: false });
  for (const name of ['dnd', 'incallfilter'])
    await call('PUT', `/users/${alice?.id}/services/${name}`, { enabled: false });
  await walkSettings(call);
}

/** Creates, reads, edits and deletes through every route; `call` checks each answer. */
/**
 * The group's extension and fallbacks (destinations of several types), so the group's answer
 * carries them; the extension is freed again before the walk deletes it.
 */
async function seedGroupParts(call: Call, userId: number, groupId: number, context: string) {
  const extension = (await call('POST', '/extensions', { exten: '2001', context })) as Created;
  await call('PUT', `/groups/${groupId}/extensions/${extension.id}`);
  await seedFallbacks(call, userId, groupId);
  return extension;
}

async function seedFallbacks(call: Call, userId: number, groupId: number): Promise<void> {
  const hangup = { type: 'hangup', cause: 'busy', timeout: 5 };
  await call('PUT', `/users/${userId}/fallbacks`, {
    noanswer_destination: hangup,
    fail_destination: { type: 'none' },
  });
  await call('PUT', `/groups/${groupId}/fallbacks`, { congestion_destination: hangup });
  await call('GET', `/users/${userId}/fallbacks`);
  await call('GET', `/groups/${groupId}/fallbacks`);
}

/** `me`: the user the walk's token belongs to, for the `/users/me/...` routes. */
export async function seedAndReadEverything(call: Call, me?: { uuid: string }): Promise<void> {
  const { internal, other } = await seedContexts(call);
  const { sip, custom, extension } = await seedLines(call, internal.name);
  const { alice, bob } = await seedUsers(call, internal.name, sip.id);
  const group = (await call('POST', '/groups', {
    label: 'sales',
    timeout: 15,
    caller_id_mode: 'prepend',
  })) as Created;
  await call('PUT', `/groups/${group.id}/members/users`, { users: [{ uuid: alice.uuid, priority: 1 }] });
  await call('PUT', `/users/${bob.uuid}/groups`, { groups: [{ uuid: group.uuid }] });
  const schedule = await seedSchedule(call, internal.name);
  await call('PUT', `/users/${alice.id}/schedules/${schedule.id}`);
  await call('PUT', `/groups/${group.id}/schedules/${schedule.id}`);
  const groupExtension = await seedGroupParts(call, alice.id, group.id, internal.name);
  const funcKeyTemplate = await seedFuncKeys(call, alice, bob, group);
  const voicemail = await seedVoicemails(call, internal.name, alice, bob);
  const device = await seedDevice(call, sip.id);
  const ids = { internal, other, sip, custom, extension, alice, bob, group, schedule, voicemail, device };
  await readEverything(call, ids);
  await walkCallPermissions(call, alice, group);
  await walkUserParts(call, alice);
  await walkLineExtensionCreate(call, custom.id, internal.name);
  await walkEndpoints(call, internal.name, alice, sip);
  await walkCallFilters(call, alice, bob);
  await walkIaxAndApplications(call, sip.id);
  await walkSwitchboards(call, alice);
  await walkCallPickups(call, alice, bob, group);
  await walkIncalls(call, alice, group, schedule);
  await walkPhoneNumbers(call);
  await walkAgentsAndQueues(call, alice, internal.name);
  await walkMedia(call, alice);
  await walkTrunksAndOutcalls(call);
  await walkConferences(call, internal.name, alice, bob);
  if (me) await walkUserExtras(call, me);
  await walkSettingsMore(call);
  if (me) await walkMeetings(call);
  await editEverything(call, ids);
  await call('DELETE', `/lines/${sip.id}/devices/${device.id}`);
  await call('PUT', `/lines/${sip.id}/devices/${device.id}`);
  await call('GET', `/devices/${device.id}/synchronize`);
  await call('GET', `/devices/${device.id}/autoprov`);
  await call('DELETE', `/devices/${device.id}`);
  await call('DELETE', `/groups/${group.id}/extensions/${groupExtension.id}`);
  await call('DELETE', `/extensions/${groupExtension.id}`);
  await call('PUT', `/users/${alice.id}/lines`, { lines: [{ id: sip.id }, { id: custom.id }] });
  await call('DELETE', `/users/${alice.id}/schedules/${schedule.id}`);
  await call('DELETE', `/groups/${group.id}/schedules/${schedule.id}`);
  await call('DELETE', `/users/${alice.id}/lines/${custom.id}`);
  await call('DELETE', `/lines/${sip.id}/extensions/${extension.id}`);
  await call('DELETE', `/funckeys/templates/${funcKeyTemplate.id}`);
  await call('DELETE', `/users/${alice.id}/voicemails`);
  await call('DELETE', `/voicemails/${voicemail.id}`);
  await call('DELETE', `/users/${bob.id}?recursive=true`);
  for (const url of [`/schedules/${schedule.id}`, `/groups/${group.id}`, `/users/${alice.id}`])
    await call('DELETE', url);
  for (const url of [`/lines/${sip.id}`, `/lines/${custom.id}`, `/extensions/${extension.id}`])
    await call('DELETE', url);
  await call('DELETE', `/contexts/${internal.id}`);
}

/**
 * Function keys: a template with a key of each destination type wazo-ts can point at, a user's
 * own keys, the template associated with the user and dissociated again, and every
 * read; the template made here is returned for the caller to delete.
 */
export async function seedFuncKeys(call: Call, user: Created, other: Created, group: Created) {
  await call('GET', '/funckeys/destinations');
  const template = (await call('POST', '/funckeys/templates', {
    name: 'desk',
    keys: {
      1: { label: 'Bob', destination: { type: 'user', user_id: other.id } },
      2: { destination: { type: 'group', group_id: group.id }, blf: false },
      3: { destination: { type: 'groupmember', group_id: group.id, action: 'join' } },
      4: { destination: { type: 'custom', exten: '*99' } },
      5: { destination: { type: 'service', service: 'enablednd' } },
      6: { destination: { type: 'forward', forward: 'busy', exten: '1234' } },
      7: { destination: { type: 'transfer', transfer: 'attended' } },
      8: { label: null, destination: { type: 'onlinerec' } },
    },
  })) as Created;
  const url = `/funckeys/templates/${template.id}`;
  await call('PUT', url, { name: 'desk', keys: { 1: { destination: { type: 'user', user_id: other.id } } } });
  await call('PUT', `${url}/2`, { destination: { type: 'forward', forward: 'noanswer' } });
  await call('PUT', `${url}/3`, { destination: { type: 'custom', exten: '3' } });
  await call('DELETE', `${url}/3`);
  for (const path of ['/funckeys/templates', url, `${url}/1`, `${url}/2`, `${url}/users`])
    await call('GET', path);
  const own = `/users/${user.id}/funckeys`;
  await call('PUT', own, { name: 'mine', keys: { 1: { destination: { type: 'user', user_id: other.id } } } });
  await call('PUT', `${own}/2`, { label: 'dnd', destination: { type: 'service', service: 'enablednd' } });
  await call('PUT', `${own}/3`, { destination: { type: 'onlinerec' } });
  await call('DELETE', `${own}/3`);
  await call('PUT', `${own}/templates/${template.id}`);
  for (const path of [own, `${own}/1`, `${own}/templates`, `${url}/users`]) await call('GET', path);
  await call('DELETE', `${own}/templates/${template.id}`);
  return template;
}
