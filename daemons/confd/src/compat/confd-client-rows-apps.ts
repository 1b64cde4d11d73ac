/**
 * wazo-confd-client calls, part three: an IAX endpoint and an application made, updated with the
 * document a `get` returned (the client's `update(body)` sends it back without `links`), a line
 * given and relieved of the application, and the bodiless DELETEs that undo it all.
 */
import assert from 'node:assert/strict';
import { associated, created, type Ids, type Json, listed, type Row } from './confd-client-rows.js';

/** The last document a `get` read, for the `update(body)` after it. */
const documents: Record<string, Json> = {};
const withoutLinks = ({ links: _, ...body }: Json) => body;

const got = (call: string, path: (ids: Ids) => string, key: string, check: (json: Json) => void): Row => ({
  call,
  method: 'GET',
  path,
  status: 200,
  reads: (json) => {
    documents[key] = json;
    check(json);
  },
});

const node = { type: 'holding', music_on_hold: 'default', answer: true };

export const applicationRows: Row[] = [
  created('endpoints_iax.create', '/endpoints/iax', () => ({ name: 'trunk-iax', type: 'peer' }), 'iax'),
  got(
    'endpoints_iax.get',
    (ids) => `/endpoints/iax/${ids.iax}`,
    'iax',
    (json) => assert.deepEqual([json.name, json.host, json.trunk], ['trunk-iax', 'dynamic', null]),
  ),
  {
    call: 'endpoints_iax.update(get body, host changed)',
    method: 'PUT',
    path: (ids) => `/endpoints/iax/${ids.iax}`,
    status: 204,
    body: () => ({ ...withoutLinks(documents.iax!), host: 'static' }),
  },
  listed(
    'endpoints_iax.list(name=trunk-iax)',
    () => '/endpoints/iax?name=trunk-iax',
    (json) => assert.deepEqual([json.total, json.items?.[0]?.host], [1, 'static']),
  ),
  created(
    'applications.create',
    '/applications',
    () => ({ name: 'stasis', destination: 'node', destination_options: node }),
    'application',
    'uuid',
  ),
  associated(
    'lines(l).line_application.associate',
    'PUT',
    (ids) => `/lines/${ids.line1}/applications/${ids.application}`,
  ),
  {
    call: 'applications.get',
    method: 'GET',
    path: (ids) => `/applications/${ids.application}`,
    status: 200,
    reads: (json, ids) => {
      documents.application = json;
      assert.deepEqual(
        (json.lines as { id: number }[]).map((line) => line.id),
        [ids.line1],
      );
    },
  },
  {
    call: 'applications.update(get body)',
    method: 'PUT',
    path: (ids) => `/applications/${ids.application}`,
    status: 204,
    body: () => withoutLinks(documents.application!),
  },
  {
    call: 'lines.get',
    method: 'GET',
    path: (ids) => `/lines/${ids.line1}`,
    status: 200,
    reads: (json, ids) => {
      const application = json.application as Json;
      assert.deepEqual([application.uuid, application.name], [ids.application, 'stasis']);
    },
  },
  listed(
    'applications.list(name=stasis)',
    () => '/applications?name=stasis',
    (json) => assert.deepEqual(json.items?.[0]?.destination_options, node),
  ),
  associated(
    'lines(l).line_application.dissociate',
    'DELETE',
    (ids) => `/lines/${ids.line1}/applications/${ids.application}`,
  ),
  {
    call: 'applications.delete',
    method: 'DELETE',
    path: (ids) => `/applications/${ids.application}`,
    status: 204,
  },
  { call: 'endpoints_iax.delete', method: 'DELETE', path: (ids) => `/endpoints/iax/${ids.iax}`, status: 204 },
];
