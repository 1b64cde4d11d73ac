/**
 * wazo-confd-client calls, conferences, pagings and parking lots: each resource's
 * create|get|list|update|delete and its relations' `conference_extension`,
 * `parking_lot_extension`, `paging_member_user` and `paging_caller_user` associate|dissociate,
 * with the bodies the client builds.
 */
import assert from 'node:assert/strict';
import { associated, created, type Json, listed, names, type Row } from './confd-client-rows.js';

export const conferenceRows: Row[] = [
  created(
    'contexts.create (rooms)',
    '/contexts',
    () => ({ label: 'rooms', conference_room_ranges: [{ start: '4000', end: '4099' }] }),
    'roomsContext',
    'name',
  ),
  created(
    'extensions.create (room)',
    '/extensions',
    (ids) => ({ exten: '4000', context: ids.roomsContext }),
    'roomExten',
  ),
  created(
    'extensions.create (lot)',
    '/extensions',
    (ids) => ({ exten: '700', context: ids.roomsContext }),
    'lotExten',
  ),
  created('conferences.create', '/conferences', () => ({ name: 'daily', pin: '1234' }), 'conference'),
  associated(
    'conferences.relations(c).add_extension',
    'PUT',
    (ids) => `/conferences/${ids.conference}/extensions/${ids.roomExten}`,
  ),
  {
    call: 'conferences.get',
    method: 'GET',
    path: (ids) => `/conferences/${ids.conference}`,
    status: 200,
    reads: (json, ids) => {
      assert.deepEqual([json.name, json.pin, json.max_users], ['daily', '1234', 50]);
      assert.equal(((json.extensions as Json[])[0] as Json).id, ids.roomExten);
    },
  },
  listed(
    'conferences.list',
    () => '/conferences?search=daily',
    (json) => assert.deepEqual(names(json, 'name'), ['daily']),
  ),
  {
    call: 'conferences.update',
    method: 'PUT',
    path: (ids) => `/conferences/${ids.conference}`,
    status: 204,
    body: () => ({ name: 'weekly' }),
  },
  associated(
    'conferences.relations(c).remove_extension',
    'DELETE',
    (ids) => `/conferences/${ids.conference}/extensions/${ids.roomExten}`,
  ),
  associated('conferences.delete', 'DELETE', (ids) => `/conferences/${ids.conference}`),

  created('users.create (paged)', '/users', () => ({ firstname: 'Paged' }), 'paged', 'uuid'),
  created('pagings.create', '/pagings', () => ({ number: '1234', name: 'all' }), 'paging'),
  {
    call: 'pagings.relations(p).update_user_members',
    method: 'PUT',
    path: (ids) => `/pagings/${ids.paging}/members/users`,
    status: 204,
    body: (ids) => ({ users: [{ uuid: ids.paged }] }),
  },
  {
    call: 'pagings.relations(p).update_user_callers',
    method: 'PUT',
    path: (ids) => `/pagings/${ids.paging}/callers/users`,
    status: 204,
    body: (ids) => ({ users: [{ uuid: ids.paged }] }),
  },
  {
    call: 'pagings.get',
    method: 'GET',
    path: (ids) => `/pagings/${ids.paging}`,
    status: 200,
    reads: (json, ids) => {
      assert.equal((((json.members as Json).users as Json[])[0] as Json).uuid, ids.paged);
      assert.equal((((json.callers as Json).users as Json[])[0] as Json).uuid, ids.paged);
    },
  },
  listed(
    'pagings.list',
    () => '/pagings?number=1234',
    (json) => assert.deepEqual(names(json, 'name'), ['all']),
  ),
  {
    call: 'pagings.update',
    method: 'PUT',
    path: (ids) => `/pagings/${ids.paging}`,
    status: 204,
    body: () => ({ number: '1235' }),
  },
  associated('pagings.delete', 'DELETE', (ids) => `/pagings/${ids.paging}`),

  created('parking_lots.create', '/parkinglots', () => ({ slots_start: '701', slots_end: '750' }), 'lot'),
  associated(
    'parking_lots.relations(p).add_extension',
    'PUT',
    (ids) => `/parkinglots/${ids.lot}/extensions/${ids.lotExten}`,
  ),
  {
    call: 'parking_lots.get',
    method: 'GET',
    path: (ids) => `/parkinglots/${ids.lot}`,
    status: 200,
    reads: (json) => assert.deepEqual([json.timeout, json.music_on_hold], [45, 'default']),
  },
  listed(
    'parking_lots.list',
    () => '/parkinglots?slots_start=701',
    (json) => assert.deepEqual(names(json, 'slots_end'), ['750']),
  ),
  {
    call: 'parking_lots.update',
    method: 'PUT',
    path: (ids) => `/parkinglots/${ids.lot}`,
    status: 204,
    body: () => ({ timeout: 10 }),
  },
  associated(
    'parking_lots.relations(p).remove_extension',
    'DELETE',
    (ids) => `/parkinglots/${ids.lot}/extensions/${ids.lotExten}`,
  ),
  associated('parking_lots.delete', 'DELETE', (ids) => `/parkinglots/${ids.lot}`),
];
