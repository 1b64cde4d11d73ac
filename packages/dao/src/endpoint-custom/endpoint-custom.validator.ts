/** Checks on custom endpoints, worded as Wazo's: an interface used by no other endpoint (any tenant). */
import type { Tx } from '../db/unit-of-work.js';
import { resourceExists } from '../errors.js';
import type { EndpointCustomDao } from './endpoint-custom.dao.js';

export interface EndpointCustomValidatorDeps {
  dao: Pick<EndpointCustomDao, 'idByInterface'>;
}

export function createEndpointCustomValidator({ dao }: EndpointCustomValidatorDeps) {
  return {
    /** `self`: the endpoint being edited, which may keep its own interface. */
    async validateInterface(tx: Tx, iface: string | undefined, self?: number): Promise<void> {
      if (iface === undefined) return;
      const holder = await dao.idByInterface(tx, iface);
      if (holder !== null && holder !== self) throw resourceExists('CustomEndpoint', { interface: iface });
    },
  };
}

export type EndpointCustomValidator = ReturnType<typeof createEndpointCustomValidator>;
