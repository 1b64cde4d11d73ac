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

export const setupRows: Row[] = [
  {
    call: 'contexts.create',
    method: 'POST',
    path: () => '/contexts',
    status: 201,
    body: () => ({
      label: 'Internal',
      user_ranges: [{ start: '1000', end: '1999' }],
      group_ranges: [{ start: '2000', end: '2999' }],
    }),
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
    call: 'users.create',
    method: 'POST',
    path: () => '/users',
    status: 201,
    body: () => ({ firstname: 'Bob', lastname: 'Martin' }),
    reads: (json, ids) => {
      ids.bob = json.uuid as string;
      ids.bobId = json.id as number;
    },
  },
  {
    call: 'users.create',
    method: 'POST',
    path: () => '/users',
    status: 201,
    body: () => ({ firstname: 'Alice', lastname: 'Martin', enabled: false }),
  },
  {
    call: 'users.list(firstname=Bob)',
    method: 'GET',
    path: () => '/users?firstname=Bob&recurse=False',
    status: 200,
    reads: (json) => assert.deepEqual(names(json, 'firstname'), ['Bob']),
  },
  {
    call: 'users.list(enabled=False)',
    method: 'GET',
    path: () => '/users?enabled=False&recurse=False',
    status: 200,
    reads: (json) => assert.deepEqual(names(json, 'firstname'), ['Alice']),
  },
  {
    call: 'lines.create',
    method: 'POST',
    path: () => '/lines',
    status: 201,
    body: (ids) => ({ context: ids.context, endpoint_sip: {} }),
    reads: (json, ids) => {
      ids.line1 = json.id as number;
    },
  },
  {
    call: 'lines.create',
    method: 'POST',
    path: () => '/lines',
    status: 201,
    body: (ids) => ({ context: ids.context, endpoint_sip: {} }),
    reads: (json, ids) => {
      ids.line2 = json.id as number;
    },
  },
  {
    call: 'extensions.create',
    method: 'POST',
    path: () => '/extensions',
    status: 201,
    body: (ids) => ({ exten: '1042', context: ids.context }),
    reads: (json, ids) => {
      ids.ext = json.id as number;
    },
  },
  {
    call: 'lines(l).add_extension',
    method: 'PUT',
    path: (ids) => `/lines/${ids.line1}/extensions/${ids.ext}`,
    status: 204,
  },
  {
    call: 'users(u).add_line',
    method: 'PUT',
    path: (ids) => `/users/${ids.bob}/lines/${ids.line1}`,
    status: 204,
  },
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
  {
    call: 'users.list(exten=1042)',
    method: 'GET',
    path: () => '/users?exten=1042&recurse=False',
    status: 200,
    reads: (json) => assert.deepEqual(names(json, 'firstname'), ['Bob']),
  },
  {
    call: 'users.list(search=1042, view=directory)',
    method: 'GET',
    path: () => '/users?search=1042&view=directory',
    status: 200,
    reads: (json) => assert.deepEqual(names(json, 'exten'), ['1042']),
  },
  {
    call: 'extensions.list(exten=, context=)',
    method: 'GET',
    path: (ids) => `/extensions?exten=1042&context=${ids.context}&recurse=False`,
    status: 200,
    reads: (json) => assert.equal(json.total, 1),
  },
];
