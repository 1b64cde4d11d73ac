/**
 * The provisioning flow of Wazo's documentation ("create a user with a phone and a voicemail"),
 * as wazo-confd-client's calls: a SIP endpoint, a line, the line's endpoint, an extension, the
 * line's extension, a user, the user's line, a device found by its MAC, the line's device, a
 * voicemail, the user's voicemail, function keys (a public template and a key of the user's own).
 * Each row says the client call it replays; `reads` checks what a script reads of the answer.
 */
import assert from 'node:assert/strict';
import { associated, created, type Ids, type Json, listed, type Row } from './confd-client-rows.js';

const href = (route: string, value: number | string) => `http://localhost:80/1.1/${route}/${value}`;
const link = (rel: string, route: string, value: number | string) => ({ rel, href: href(route, value) });

const got = (call: string, path: (ids: Ids) => string, reads: Row['reads']): Row => ({
  call,
  method: 'GET',
  path,
  status: 200,
  ...(reads ? { reads } : {}),
});

export const MAC = '00:11:22:33:44:55';

export const provisioningRows: Row[] = [
  {
    ...created(
      'contexts.create',
      '/contexts',
      () => ({ label: 'Office', type: 'internal', user_ranges: [{ start: '1000', end: '1999' }] }),
      'contextId',
    ),
    reads: (json, ids) => {
      ids.context = json.name as string;
    },
  },
  {
    ...created(
      'endpoints_sip.create',
      '/endpoints/sip',
      () => ({
        label: 'Alice desk phone',
        auth_section_options: [
          ['username', 'alice-desk'],
          ['password', 'Sup3rSecret'],
        ],
        endpoint_section_options: [['webrtc', 'yes']],
      }),
      'sip',
      'uuid',
    ),
    reads: (json, ids) => {
      ids.sip = json.uuid as string;
      ids.sipName = json.name as string;
      assert.deepEqual(json.links, [link('endpoint_sip', 'endpoints/sip', ids.sip)]);
      assert.equal(json.line, null);
      assert.equal(json.trunk, null);
    },
  },
  {
    ...created('lines.create', '/lines', (ids) => ({ context: ids.context }), 'line'),
    reads: (json, ids) => {
      ids.line = json.id as number;
      assert.equal(json.endpoint_sip, null);
      assert.deepEqual(json.links, [link('lines', 'lines', ids.line)]);
    },
  },
  // The client takes the endpoint's dict: no `id` in it, so its `uuid` goes in the path.
  associated('lines(line).add_endpoint_sip', 'PUT', (ids) => `/lines/${ids.line}/endpoints/sip/${ids.sip}`),
  created('extensions.create', '/extensions', (ids) => ({ exten: '1000', context: ids.context }), 'ext'),
  associated('lines(line).add_extension', 'PUT', (ids) => `/lines/${ids.line}/extensions/${ids.ext}`),
  {
    ...created('users.create', '/users', () => ({ firstname: 'Alice', lastname: 'Doe' }), 'user'),
    reads: (json, ids) => {
      ids.user = json.id as number;
      ids.userUuid = json.uuid as string;
    },
  },
  associated('users(user).add_line', 'PUT', (ids) => `/users/${ids.user}/lines/${ids.line}`),
  // wazo-provd would have found the phone; here a script creates it, then finds it by MAC.
  created('devices.create', '/devices', () => ({ mac: MAC, vendor: 'Yealink', model: 'T46S' }), 'device'),
  listed(
    'devices.list(search=MAC)',
    () => `/devices?search=${encodeURIComponent(MAC)}`,
    (json, ids) => {
      assert.equal(json.total, 1);
      const [device] = json.items ?? [];
      assert.equal(device!.id, ids.device);
      assert.deepEqual(device!.links, [link('devices', 'devices', ids.device!)]);
    },
  ),
  associated('lines(line).add_device', 'PUT', (ids) => `/lines/${ids.line}/devices/${ids.device}`),
  // The client reads autoprov and synchronize with GET, as wazo-confd serves them.
  {
    call: 'devices.synchronize',
    method: 'GET',
    path: (ids) => `/devices/${ids.device}/synchronize`,
    status: 204,
  },
  got(
    'lines(line).get_device',
    (ids) => `/lines/${ids.line}/devices`,
    (json, ids) =>
      assert.deepEqual(json, {
        line_id: ids.line,
        device_id: ids.device,
        links: [link('lines', 'lines', ids.line!), link('devices', 'devices', ids.device!)],
      }),
  ),
  created(
    'voicemails.create',
    '/voicemails',
    (ids) => ({ name: "Alice's voicemail", number: '1000', context: ids.context }),
    'voicemail',
  ),
  associated('users(user).add_voicemail', 'PUT', (ids) => `/users/${ids.user}/voicemails/${ids.voicemail}`),
  got(
    'users(user).get_voicemail',
    (ids) => `/users/${ids.user}/voicemails`,
    (json, ids) => {
      const [voicemail] = json.items ?? [];
      assert.equal(voicemail!.id, ids.voicemail);
      assert.equal(voicemail!.number, '1000');
      assert.deepEqual(voicemail!.links, [link('voicemails', 'voicemails', ids.voicemail!)]);
    },
  ),
  {
    ...created(
      'funckeys.create',
      '/funckeys/templates',
      (ids) => ({
        name: 'Front desk',
        keys: {
          '1': { label: 'Alice', blf: true, destination: { type: 'user', user_id: ids.user } },
          '2': { label: 'Voicemail', destination: { type: 'custom', exten: '*98' } },
        },
      }),
      'template',
    ),
    reads: (json, ids) => {
      ids.template = json.id as number;
      assert.deepEqual(json.links, [link('func_keys_templates', 'funckeys/templates', ids.template)]);
    },
  },
  associated(
    'users(user).add_funckey_template',
    'PUT',
    (ids) => `/users/${ids.user}/funckeys/templates/${ids.template}`,
  ),
  {
    call: 'users(user).add_funckey(3, dnd)',
    method: 'PUT',
    path: (ids) => `/users/${ids.user}/funckeys/3`,
    status: 204,
    body: () => ({ label: 'DND', blf: true, destination: { type: 'service', service: 'enablednd' } }),
  },
  got(
    'users(user).list_funckeys',
    (ids) => `/users/${ids.user}/funckeys`,
    (json, ids) => {
      const keys = json.keys as Record<string, Json>;
      assert.deepEqual(Object.keys(keys), ['1', '2', '3']);
      assert.deepEqual(
        Object.values(keys).map((key) => [key.label, key.inherited, key.blf]),
        [
          ['Alice', true, true],
          // A custom key's BLF stays on: Wazo turns it off only where nothing can light up.
          ['Voicemail', true, true],
          ['DND', false, true],
        ],
      );
      const alice = keys['1']!.destination as Json;
      assert.equal(alice.href, href('users', ids.user!));
      assert.equal(alice.user_firstname, 'Alice');
    },
  ),
  got(
    'funckeys.get_template_funckey(template, 2)',
    (ids) => `/funckeys/templates/${ids.template}/2`,
    (json) => assert.deepEqual(json.destination, { type: 'custom', exten: '*98', href: null }),
  ),
  got(
    'funckeys(template) users',
    (ids) => `/funckeys/templates/${ids.template}/users`,
    (json, ids) =>
      assert.deepEqual(json.items, [
        {
          user_id: ids.user,
          template_id: ids.template,
          links: [
            link('func_keys_templates', 'funckeys/templates', ids.template!),
            link('users', 'users', ids.user!),
          ],
        },
      ]),
  ),
];

/** The user, its line, endpoint, voicemail and device read back: everything the flow made, linked. */
export const readBackRows: Row[] = [
  got(
    'users.get(user)',
    (ids) => `/users/${ids.user}`,
    (json, ids) => {
      assert.deepEqual(json.links, [link('users', 'users', ids.user!)]);
      assert.equal(json.func_key_template_id, ids.template);
      const [line] = json.lines as Json[];
      assert.equal(line!.id, ids.line);
      assert.equal(line!.name, ids.sipName);
      assert.equal(line!.protocol, 'sip');
      assert.equal(line!.device_id, ids.device);
      assert.equal(line!.is_webrtc, true);
      assert.deepEqual(line!.endpoint_sip, {
        uuid: ids.sip,
        label: 'Alice desk phone',
        name: ids.sipName,
        auth_section_options: [['username', 'alice-desk']],
        links: [link('endpoint_sip', 'endpoints/sip', ids.sip!)],
      });
      const [extension] = line!.extensions as Json[];
      assert.equal(extension!.exten, '1000');
      assert.deepEqual(extension!.links, [link('extensions', 'extensions', ids.ext!)]);
      assert.deepEqual(json.voicemail, {
        id: ids.voicemail,
        name: "Alice's voicemail",
        links: [link('voicemails', 'voicemails', ids.voicemail!)],
      });
    },
  ),
  got(
    // Wazo's route takes the user's uuid only (`<uuid:user_uuid>`): scripts pass the uuid.
    'users(user_uuid).get_endpoint_sip(line)',
    (ids) => `/users/${ids.userUuid}/lines/${ids.line}/associated/endpoints/sip`,
    (json, ids) => {
      assert.equal(json.uuid, ids.sip);
      assert.deepEqual(json.auth_section_options, [
        ['username', 'alice-desk'],
        ['password', 'Sup3rSecret'],
      ]);
      assert.deepEqual(json.line, { id: ids.line, links: [link('lines', 'lines', ids.line!)] });
    },
  ),
  got(
    'lines.get(line)',
    (ids) => `/lines/${ids.line}`,
    (json, ids) => {
      assert.deepEqual(
        (json.users as Json[]).map((u) => u.uuid),
        [ids.userUuid],
      );
      assert.equal((json.endpoint_sip as Json).uuid, ids.sip);
      assert.equal(json.device_id, ids.device);
    },
  ),
  got(
    'voicemails.get(voicemail)',
    (ids) => `/voicemails/${ids.voicemail}`,
    (json, ids) =>
      assert.deepEqual(json.users, [
        {
          uuid: ids.userUuid,
          firstname: 'Alice',
          lastname: 'Doe',
          links: [link('users', 'users', ids.userUuid!)],
        },
      ]),
  ),
  got(
    'devices(device).list_lines',
    (ids) => `/devices/${ids.device}/lines`,
    (json, ids) => assert.deepEqual(names(json), [[ids.line, ids.device]]),
  ),
];

const names = (json: Json) => (json.items ?? []).map((item) => [item.line_id, item.device_id]);

/**
 * Undone in the order of Wazo's recursive user delete: the voicemail (dissociated, deleted), then
 * each line (its device dissociated; its user, extension and SIP endpoint dissociated and
 * deleted; the line deleted), then the user; the template and the device last.
 */
export const teardownRows: Row[] = [
  associated('users(user).remove_voicemail', 'DELETE', (ids) => `/users/${ids.user}/voicemails`),
  associated('voicemails.delete', 'DELETE', (ids) => `/voicemails/${ids.voicemail}`),
  associated('lines(line).remove_device', 'DELETE', (ids) => `/lines/${ids.line}/devices/${ids.device}`),
  associated('users(user).remove_line', 'DELETE', (ids) => `/users/${ids.user}/lines/${ids.line}`),
  associated('lines(line).remove_extension', 'DELETE', (ids) => `/lines/${ids.line}/extensions/${ids.ext}`),
  associated('extensions.delete', 'DELETE', (ids) => `/extensions/${ids.ext}`),
  associated(
    'lines(line).remove_endpoint_sip',
    'DELETE',
    (ids) => `/lines/${ids.line}/endpoints/sip/${ids.sip}`,
  ),
  associated('endpoints_sip.delete', 'DELETE', (ids) => `/endpoints/sip/${ids.sip}`),
  associated('lines.delete', 'DELETE', (ids) => `/lines/${ids.line}`),
  associated('users.delete', 'DELETE', (ids) => `/users/${ids.user}`),
  associated('funckeys.delete', 'DELETE', (ids) => `/funckeys/templates/${ids.template}`),
  associated('devices.delete', 'DELETE', (ids) => `/devices/${ids.device}`),
];
