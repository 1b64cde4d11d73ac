/**
 * wazo-confd-client calls, call filters: `call_filters.create|get|list|update|delete` and its
 * relation's `update_user_recipients`, `update_user_surrogates` (bodies built as the client
 * builds them: a falsy timeout left out) and `update_fallbacks`.
 */
import assert from 'node:assert/strict';
import { created, type Json, listed, type Row } from './confd-client-rows.js';

export const callFilterRows: Row[] = [
  created('users.create (boss)', '/users', () => ({ firstname: 'Boss' }), 'boss', 'uuid'),
  created('users.create (secretary)', '/users', () => ({ firstname: 'Secretary' }), 'secretary', 'uuid'),
  created(
    'call_filters.create',
    '/callfilters',
    () => ({ name: 'bsfilter', source: 'all', strategy: 'all-recipients-then-linear-surrogates' }),
    'callFilter',
  ),
  {
    call: 'call_filters.relations(c).update_user_recipients',
    method: 'PUT',
    path: (ids) => `/callfilters/${ids.callFilter}/recipients/users`,
    status: 204,
    body: (ids) => ({ users: [{ uuid: ids.boss, timeout: 15 }] }),
  },
  {
    call: 'call_filters.relations(c).update_user_surrogates',
    method: 'PUT',
    path: (ids) => `/callfilters/${ids.callFilter}/surrogates/users`,
    status: 204,
    body: (ids) => ({ users: [{ uuid: ids.secretary }] }),
  },
  {
    call: 'call_filters.relations(c).update_fallbacks',
    method: 'PUT',
    path: (ids) => `/callfilters/${ids.callFilter}/fallbacks`,
    status: 204,
    body: () => ({ noanswer_destination: { type: 'none' } }),
  },
  {
    call: 'call_filters.update',
    method: 'PUT',
    path: (ids) => `/callfilters/${ids.callFilter}`,
    status: 204,
    body: () => ({ name: 'bsfilter', source: 'external', strategy: 'all', enabled: false }),
  },
  {
    call: 'call_filters.get',
    method: 'GET',
    path: (ids) => `/callfilters/${ids.callFilter}`,
    status: 200,
    reads: (json, ids) => {
      assert.deepEqual([json.source, json.strategy, json.enabled], ['external', 'all', false]);
      const recipients = (json.recipients as Json).users as Json[];
      assert.deepEqual([recipients[0]?.uuid, recipients[0]?.timeout], [ids.boss, 15]);
      const surrogate = ((json.surrogates as Json).users as Json[])[0];
      assert.equal(surrogate?.uuid, ids.secretary);
      assert.equal(surrogate?.exten, `*37${surrogate?.member_id}`);
      assert.deepEqual((json.fallbacks as Json).noanswer_destination, { type: 'none' });
    },
  },
  listed(
    'call_filters.list(name=bsfilter)',
    () => '/callfilters?name=bsfilter',
    (json) => assert.equal(json.total, 1),
  ),
  {
    call: 'call_filters.delete',
    method: 'DELETE',
    path: (ids) => `/callfilters/${ids.callFilter}`,
    status: 204,
  },
  { call: 'users.delete (boss)', method: 'DELETE', path: (ids) => `/users/${ids.boss}`, status: 204 },
  {
    call: 'users.delete (secretary)',
    method: 'DELETE',
    path: (ids) => `/users/${ids.secretary}`,
    status: 204,
  },
];
