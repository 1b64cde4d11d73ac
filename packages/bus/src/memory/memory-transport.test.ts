import assert from 'node:assert/strict';
import { it } from 'node:test';
import { message, transportContract } from '../contract/transport-contract.js';
import { createMemoryTransport } from './memory-transport.js';

transportContract('in-process', async () => {
  const transport = createMemoryTransport({ exchangeName: 'wazo-headers' });
  return { transport, deleteQueue: async () => {}, cleanup: () => transport.close() };
});

it('when a generated queue loses its last consumer, then it is deleted with its messages', async () => {
  const transport = createMemoryTransport();
  const sub = await transport.consume({ bindings: [{ headers: { a: 1 }, match: 'all' }] }, async () => {});
  await sub.close();
  await transport.publish(message({ a: 1 }));
  assert.equal(transport.pending(sub.queue), 0);
  await transport.close();
});
