/**
 * wazo-confd-client calls, part two: fallbacks, a group's extension, a refused destination, the
 * PBX user reading itself, and the bodiless DELETEs that undo it all; then a line given and
 * relieved of a custom and an SCCP endpoint.
 */
import assert from 'node:assert/strict';
import { associated, created, type Json, listed, names, type Row } from './confd-client-rows.js';

const hangup = { type: 'hangup', cause: 'busy', timeout: null };

export const associationRows: Row[] = [
  {
    call: 'users(u).update_fallbacks',
    method: 'PUT',
    path: (ids) => `/users/${ids.bob}/fallbacks`,
    status: 204,
    body: () => ({ noanswer_destination: hangup }),
  },
  {
    call: 'users(u).get_fallbacks',
    method: 'GET',
    path: (ids) => `/users/${ids.bob}/fallbacks`,
    status: 200,
    reads: (json) => {
      assert.deepEqual(json.noanswer_destination, hangup);
      assert.equal(json.fail_destination, null);
    },
  },
  created('groups.create', '/groups', () => ({ label: 'Sales' }), 'group', 'uuid'),
  created('extensions.create', '/extensions', (ids) => ({ exten: '2042', context: ids.context }), 'groupExt'),
  associated('groups(g).add_extension', 'PUT', (ids) => `/groups/${ids.group}/extensions/${ids.groupExt}`),
  {
    call: 'groups(g).update_fallbacks',
    method: 'PUT',
    path: (ids) => `/groups/${ids.group}/fallbacks`,
    status: 204,
    body: () => ({ congestion_destination: { type: 'none' } }),
  },
  {
    call: 'groups.get',
    method: 'GET',
    path: (ids) => `/groups/${ids.group}`,
    status: 200,
    reads: (json) => {
      assert.deepEqual(
        (json.extensions as { exten: string }[]).map((e) => e.exten),
        ['2042'],
      );
      assert.deepEqual((json.fallbacks as Json).congestion_destination, { type: 'none' });
    },
  },
  listed(
    'groups.list(label=Sales)',
    () => '/groups?label=Sales',
    (json) => assert.equal(json.total, 1),
  ),
  listed(
    'groups.list(exten=2042)',
    () => '/groups?exten=2042',
    (json) => assert.equal(json.total, 1),
  ),
  {
    call: 'users(u).update_fallbacks(user unknown)',
    method: 'PUT',
    path: (ids) => `/users/${ids.bob}/fallbacks`,
    status: 400,
    body: () => ({ busy_destination: { type: 'user', user_id: 999999 } }),
  },
  {
    call: 'schedules.create(fax_to_mail email=invalid)',
    method: 'POST',
    path: () => '/schedules',
    status: 400,
    body: () => ({
      closed_destination: { type: 'application', application: 'fax_to_mail', email: 'invalid' },
    }),
  },
  {
    call: 'users.get (PBX user, itself)',
    method: 'GET',
    path: (ids) => `/users/${ids.bob}`,
    token: 'bob',
    status: 200,
    reads: (json, ids) => {
      assert.equal(json.uuid, ids.bob);
      assert.equal((json.lines as unknown[]).length, 2);
    },
  },
  { call: 'users.list (PBX user)', method: 'GET', path: () => '/users', token: 'bob', status: 401 },
  associated(
    'groups(g).remove_extension',
    'DELETE',
    (ids) => `/groups/${ids.group}/extensions/${ids.groupExt}`,
  ),
  associated('users(u).remove_line', 'DELETE', (ids) => `/users/${ids.bob}/lines/${ids.line2}`),
  { call: 'groups.delete', method: 'DELETE', path: (ids) => `/groups/${ids.group}`, status: 204 },
  { call: 'users.delete', method: 'DELETE', path: (ids) => `/users/${ids.bobId}`, status: 204 },
  created('endpoints_custom.create', '/endpoints/custom', () => ({ interface: 'client/custom' }), 'custom'),
  created('endpoints_sccp.create', '/endpoints/sccp', () => ({ options: [['allow', 'alaw']] }), 'sccp'),
  created('lines.create', '/lines', (ids) => ({ context: ids.context }), 'line3'),
  associated(
    'lines(l).add_endpoint_custom',
    'PUT',
    (ids) => `/lines/${ids.line3}/endpoints/custom/${ids.custom}`,
  ),
  {
    call: 'lines.get (custom endpoint)',
    method: 'GET',
    path: (ids) => `/lines/${ids.line3}`,
    status: 200,
    reads: (json, ids) => {
      assert.deepEqual([json.protocol, json.name], ['custom', 'client/custom']);
      assert.equal((json.endpoint_custom as Json).id, ids.custom);
    },
  },
  listed(
    'endpoints_custom.list(interface=client/custom)',
    () => '/endpoints/custom?interface=client/custom',
    (json) => assert.deepEqual(names(json, 'interface'), ['client/custom']),
  ),
  associated(
    'lines(l).remove_endpoint_custom',
    'DELETE',
    (ids) => `/lines/${ids.line3}/endpoints/custom/${ids.custom}`,
  ),
  associated('lines(l).add_endpoint_sccp', 'PUT', (ids) => `/lines/${ids.line3}/endpoints/sccp/${ids.sccp}`),
  {
    call: 'endpoints_sccp.get',
    method: 'GET',
    path: (ids) => `/endpoints/sccp/${ids.sccp}`,
    status: 200,
    reads: (json, ids) => {
      assert.deepEqual(json.options, [['allow', 'alaw']]);
      assert.deepEqual((json.line as Json).id, ids.line3);
    },
  },
  associated(
    'lines(l).remove_endpoint_sccp',
    'DELETE',
    (ids) => `/lines/${ids.line3}/endpoints/sccp/${ids.sccp}`,
  ),
  {
    call: 'endpoints_sccp.delete',
    method: 'DELETE',
    path: (ids) => `/endpoints/sccp/${ids.sccp}`,
    status: 204,
  },
  {
    call: 'endpoints_custom.delete',
    method: 'DELETE',
    path: (ids) => `/endpoints/custom/${ids.custom}`,
    status: 204,
  },
  { call: 'lines.delete', method: 'DELETE', path: (ids) => `/lines/${ids.line3}`, status: 204 },
];
