/** Checks on IAX endpoints, as wazo-confd's: a name no other IAX endpoint has, in any tenant. */
import type { Tx } from '../db/unit-of-work.js';
import { resourceExists } from '../errors.js';
import type { EndpointIaxDao } from './endpoint-iax.dao.js';

export function createEndpointIaxValidator({ dao }: { dao: EndpointIaxDao }) {
  return {
    /** `name` is free, or used by endpoint `self` only. */
    async validateName(tx: Tx, name: string | undefined, self?: number): Promise<void> {
      if (name === undefined) return;
      const owner = await dao.idOfName(tx, name);
      if (owner !== null && owner !== self) throw resourceExists('IAXEndpoint', { name });
    },
  };
}

export type EndpointIaxValidator = ReturnType<typeof createEndpointIaxValidator>;
