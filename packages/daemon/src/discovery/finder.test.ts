import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { isWazoError } from '@wazo-ts/errors';
import {
  type CatalogEntry,
  type ConsulAgentDouble,
  startConsulAgentDouble,
} from '../testing/consul-agent-double.js';
import { consulConfig } from './fixtures/helpers.js';
import { createServiceFinder } from './index.js';

const UUID = 'a1a1a1a1-0000-4000-8000-000000000001';
const OTHER = 'b2b2b2b2-0000-4000-8000-000000000002';
let consul: ConsulAgentDouble;

function entry(over: Partial<CatalogEntry>): CatalogEntry {
  return {
    datacenter: 'dc1',
    name: 'wazo-auth',
    id: 'x',
    address: '10.0.1.1',
    port: 9497,
    tags: [UUID],
    status: 'passing',
    ...over,
  };
}

beforeEach(async () => {
  consul = await startConsulAgentDouble();
  consul.datacenters = ['dc1', 'dc2'];
  consul.catalog = [
    entry({ id: 'auth-dc1', tags: [UUID, 'wazo-auth'] }),
    entry({ id: 'auth-dc1-sick', status: 'critical' }),
    entry({
      id: 'auth-dc2',
      datacenter: 'dc2',
      address: '',
      nodeAddress: '10.0.2.9',
      tags: [OTHER, 'wazo-auth'],
    }),
    entry({ id: 'confd-dc1', name: 'wazo-confd', port: 9486 }),
  ];
});
afterEach(() => consul.close());

describe('service finder', () => {
  it('when listing a service, then it asks every datacenter and keeps passing instances only', async () => {
    const found = await createServiceFinder({ consul: consulConfig(consul) }).listHealthyServices(
      'wazo-auth',
    );
    assert.deepEqual(
      found.sort((a, b) => a.id.localeCompare(b.id)),
      [
        { id: 'auth-dc1', address: '10.0.1.1', port: 9497, tags: [UUID, 'wazo-auth'], datacenter: 'dc1' },
        // An empty service address falls back to the node's.
        { id: 'auth-dc2', address: '10.0.2.9', port: 9497, tags: [OTHER, 'wazo-auth'], datacenter: 'dc2' },
      ],
    );
    const health = consul.callsTo('/v1/health/service/');
    assert.deepEqual(
      health.map((c) => [c.path, c.query.get('dc'), c.query.get('passing'), c.query.has('tag')]),
      [
        ['/v1/health/service/wazo-auth', 'dc1', '1', false],
        ['/v1/health/service/wazo-auth', 'dc2', '1', false],
      ],
    );
  });

  it('when a Wazo uuid is given, then only instances tagged with it are returned', async () => {
    const found = await createServiceFinder({ consul: consulConfig(consul) }).listHealthyServices(
      'wazo-auth',
      OTHER,
    );
    assert.deepEqual(
      found.map((s) => s.id),
      ['auth-dc2'],
    );
    assert.ok(consul.callsTo('/v1/health/service/').every((c) => c.query.get('tag') === OTHER));
  });

  it('when a token is configured, then the catalog calls carry it', async () => {
    await createServiceFinder({ consul: consulConfig(consul, 's3cret') }).listHealthyServices('wazo-confd');
    assert.deepEqual(new Set(consul.calls.map((c) => c.token)), new Set(['s3cret']));
  });

  it('when consul answers an error, then it throws a retryable consul-unavailable error', async () => {
    consul.failNext(1, 503);
    await assert.rejects(
      createServiceFinder({ consul: consulConfig(consul) }).listHealthyServices('wazo-auth'),
      (err: unknown) => isWazoError(err) && err.errorId === 'consul-unavailable' && err.retryable,
    );
  });

  it('when consul is unreachable, then it throws a retryable error too', async () => {
    const port = consul.port;
    await consul.close();
    const config = { scheme: 'http' as const, host: '127.0.0.1', port, token: null, verify: true };
    await assert.rejects(
      createServiceFinder({ consul: config }).listHealthyServices('wazo-auth'),
      /ECONNREFUSED/,
    );
    consul = await startConsulAgentDouble();
  });
});
