/**
 * wazo-confd-client calls, part one: contexts, users, lines and extensions as an administrator
 * creates and links them, and the list filters its scripts use (`recurse=False` always sent).
 */
import assert from 'node:assert/strict';

/** One client call: what it sends, the status it expects, and what the client reads of the answer. */
export type Ids = Record<string, number | string>;
export type Json = Record<string, unknown> & { items?: Record<string, unknown>[]; total?: number };

export interface Row {
  call: string;
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: (ids: Ids) => string;
  body?: (ids: Ids) => unknown;
  /** `bob`: the PBX user; the administrator otherwise. */
  token?: string;
  status: number;
  /** What the client reads of the answer; may keep ids for the next rows. */
  reads?: (json: Json, ids: Ids) => void;
}

export const names = (json: Json, key: string) => (json.items ?? []).map((item) => item[key]);

type Make<T> = (ids: Ids) => T;

/** `POST path` with a body, 201; the answer's `field` is kept as `ids[key]`. */
export function created(call: string, path: string, body: Make<unknown>, key: string, field = 'id'): Row {
  return {
    call,
    method: 'POST',
    path: () => path,
    status: 201,
    body,
    reads: (json, ids) => {
      ids[key] = json[field] as number | string;
    },
  };
}

/** A bodiless association call (sent with the client's JSON Content-Type all the same): 204. */
export const associated = (call: string, method: 'PUT' | 'DELETE', path: Make<string>): Row => ({
  call,
  method,
  path,
  status: 204,
});

/** A list call, `recurse=False` added as the client does, and the check of what it reads. */
export const listed = (call: string, query: Make<string>, reads: Row['reads']): Row => ({
  call,
  method: 'GET',
  path: (ids) => `${query(ids)}&recurse=False`,
  status: 200,
  ...(reads ? { reads } : {}),
});

export const setupRows: Row[] = [
  {
    ...created(
      'contexts.create',
      '/contexts',
      () => ({
        label: 'Internal',
        user_ranges: [{ start: '1000', end: '1999' }],
        group_ranges: [{ start: '2000', end: '2999' }],
      }),
      'contextId',
    ),
    reads: (json, ids) => {
      ids.context = json.name as string;
      ids.contextId = json.id as number;
    },
  },
  {
    call: 'contexts.update(name=)',
    method: 'PUT',
    path: (ids) => `/contexts/${ids.contextId}`,
    status: 204,
    body: () => ({ name: 'Renamed' }),
  },
  {
    call: 'contexts.get',
    method: 'GET',
    path: (ids) => `/contexts/${ids.contextId}`,
    status: 200,
    reads: (json) => assert.equal(json.label, 'Renamed'),
  },
  {
    ...created('users.create', '/users', () => ({ firstname: 'Bob', lastname: 'Martin' }), 'bob', 'uuid'),
    reads: (json, ids) => {
      ids.bob = json.uuid as string;
      ids.bobId = json.id as number;
    },
  },
  created(
    'users.create',
    '/users',
    () => ({ firstname: 'Alice', lastname: 'Martin', enabled: false }),
    'alice',
  ),
  listed(
    'users.list(firstname=Bob)',
    () => '/users?firstname=Bob',
    (json) => assert.deepEqual(names(json, 'firstname'), ['Bob']),
  ),
  listed(
    'users.list(enabled=False)',
    () => '/users?enabled=False',
    (json) => assert.deepEqual(names(json, 'firstname'), ['Alice']),
  ),
  created('lines.create', '/lines', (ids) => ({ context: ids.context, endpoint_sip: {} }), 'line1'),
  created('lines.create', '/lines', (ids) => ({ context: ids.context, endpoint_sip: {} }), 'line2'),
  created('extensions.create', '/extensions', (ids) => ({ exten: '1042', context: ids.context }), 'ext'),
  associated('lines(l).add_extension', 'PUT', (ids) => `/lines/${ids.line1}/extensions/${ids.ext}`),
  associated('users(u).add_line', 'PUT', (ids) => `/users/${ids.bob}/lines/${ids.line1}`),
  {
    call: 'users(u).update_lines([new, old])',
    method: 'PUT',
    path: (ids) => `/users/${ids.bob}/lines`,
    status: 204,
    body: (ids) => ({ lines: [{ id: ids.line2 }, { id: ids.line1 }] }),
  },
  {
    call: 'users(u).update_lines([old, new])',
    method: 'PUT',
    path: (ids) => `/users/${ids.bob}/lines`,
    status: 204,
    body: (ids) => ({ lines: [{ id: ids.line1 }, { id: ids.line2 }] }),
  },
  listed(
    'users.list(exten=1042)',
    () => '/users?exten=1042',
    (json) => assert.deepEqual(names(json, 'firstname'), ['Bob']),
  ),
  {
    call: 'users.list(search=1042, view=directory)',
    method: 'GET',
    path: () => '/users?search=1042&view=directory',
    status: 200,
    reads: (json) => assert.deepEqual(names(json, 'exten'), ['1042']),
  },
  listed(
    'extensions.list(exten=, context=)',
    (ids) => `/extensions?exten=1042&context=${ids.context}`,
    (json) => assert.equal(json.total, 1),
  ),
  {
    call: 'users.get (links and the keys Wazo always has)',
    method: 'GET',
    path: (ids) => `/users/${ids.bob}`,
    status: 200,
    reads: (json, ids) => {
      assert.deepEqual(json.links, [{ rel: 'users', href: `http://localhost:80/1.1/users/${ids.bobId}` }]);
      for (const key of ['voicemail', 'agent', 'country']) assert.equal(json[key], null, key);
      for (const key of ['incalls', 'queues', 'call_permissions', 'call_pickup_target_users', 'switchboards'])
        assert.deepEqual(json[key], [], key);
      const [line] = json.lines as Json[];
      assert.equal(line!.is_webrtc, false);
      assert.equal(line!.application, null);
      assert.deepEqual(line!.links, [{ rel: 'lines', href: `http://localhost:80/1.1/lines/${line!.id}` }]);
    },
  },
];
