/** Wazo's one rule on HTTP ingresses: a tenant has at most one. */
import type { Tx } from '../db/unit-of-work.js';
import { resourceExists } from '../errors.js';
import type { IngressHttpDao } from './ingress-http.dao.js';

export function createIngressHttpValidator({ dao }: { dao: Pick<IngressHttpDao, 'ofTenant'> }) {
  return {
    async validateCreate(tx: Tx, tenantUuid: string): Promise<void> {
      if (await dao.ofTenant(tx, tenantUuid))
        throw resourceExists('IngressHTTP', { tenant_uuid: tenantUuid });
    },
  };
}

export type IngressHttpValidator = ReturnType<typeof createIngressHttpValidator>;
