/**
 * wazo-confd-client calls, incalls and phone numbers: `incalls.create|get|list|update|delete`, its
 * relation's `add_extension|remove_extension|add_schedule|remove_schedule`, and
 * `phone_numbers.create|get|list|update|delete|set_main`.
 */
import assert from 'node:assert/strict';
import { associated, created, type Json, listed, type Row } from './confd-client-rows.js';

export const incallRows: Row[] = [
  created(
    'contexts.create (incall)',
    '/contexts',
    () => ({ label: 'From outside', type: 'incall' }),
    'didContext',
    'name',
  ),
  created(
    'extensions.create (DID)',
    '/extensions',
    (ids) => ({ exten: '5551234', context: ids.didContext }),
    'did',
  ),
  created('users.create (callee)', '/users', () => ({ firstname: 'Callee' }), 'callee'),
  created(
    'schedules.create',
    '/schedules',
    () => ({ name: 'office', closed_destination: { type: 'none' } }),
    'hours',
  ),
  created(
    'incalls.create',
    '/incalls',
    (ids) => ({
      destination: { type: 'user', user_id: ids.callee },
      caller_id_mode: 'prepend',
      caller_id_name: 'DID',
    }),
    'incall',
  ),
  associated(
    'incalls.relations(i).add_extension',
    'PUT',
    (ids) => `/incalls/${ids.incall}/extensions/${ids.did}`,
  ),
  associated(
    'incalls.relations(i).add_schedule',
    'PUT',
    (ids) => `/incalls/${ids.incall}/schedules/${ids.hours}`,
  ),
  {
    call: 'incalls.update',
    method: 'PUT',
    path: (ids) => `/incalls/${ids.incall}`,
    status: 204,
    body: (ids) => ({
      destination: { type: 'user', user_id: ids.callee, ring_time: 15 },
      description: 'main',
    }),
  },
  {
    call: 'incalls.get',
    method: 'GET',
    path: (ids) => `/incalls/${ids.incall}`,
    status: 200,
    reads: (json, ids) => {
      const destination = json.destination as Json;
      assert.deepEqual(
        [destination.user_id, destination.ring_time, json.description],
        [ids.callee, 15, 'main'],
      );
      assert.equal(((json.extensions as Json[])[0] as Json).id, ids.did);
      assert.equal(((json.schedules as Json[])[0] as Json).id, ids.hours);
    },
  },
  listed(
    'incalls.list(user_id=u)',
    (ids) => `/incalls?user_id=${ids.callee}`,
    (json, ids) =>
      assert.deepEqual(
        json.items?.map((item) => item.id),
        [ids.incall],
      ),
  ),
  associated(
    'incalls.relations(i).remove_schedule',
    'DELETE',
    (ids) => `/incalls/${ids.incall}/schedules/${ids.hours}`,
  ),
  associated(
    'incalls.relations(i).remove_extension',
    'DELETE',
    (ids) => `/incalls/${ids.incall}/extensions/${ids.did}`,
  ),
  { call: 'incalls.delete', method: 'DELETE', path: (ids) => `/incalls/${ids.incall}`, status: 204 },
  created(
    'phone_numbers.create',
    '/phone-numbers',
    () => ({ number: '+15551234', caller_id_name: 'Office' }),
    'number',
    'uuid',
  ),
  {
    call: 'phone_numbers.set_main',
    method: 'PUT',
    path: () => '/phone-numbers/main',
    status: 204,
    body: (ids) => ({ phone_number_uuid: ids.number }),
  },
  {
    call: 'phone_numbers.update',
    method: 'PUT',
    path: (ids) => `/phone-numbers/${ids.number}`,
    status: 204,
    body: () => ({ caller_id_name: 'Front desk' }),
  },
  {
    call: 'phone_numbers.get',
    method: 'GET',
    path: (ids) => `/phone-numbers/${ids.number}`,
    status: 200,
    reads: (json) =>
      assert.deepEqual([json.caller_id_name, json.main, json.shared], ['Front desk', true, true]),
  },
  listed(
    'phone_numbers.list(number=...)',
    () => '/phone-numbers?number=%2B15551234',
    (json) => assert.equal(json.total, 1),
  ),
  {
    call: 'phone_numbers.delete',
    method: 'DELETE',
    path: (ids) => `/phone-numbers/${ids.number}`,
    status: 204,
  },
];
