/**
 * Wazo's `required_master_tenant`: some settings are the whole system's, so only a token of the
 * master tenant (the tenant of confd's own service token) may read or change them; any other is
 * 401. Until confd knows its service token, the master tenant is unknown: 503, as Wazo's
 * `wazo-confd is not initialized`.
 */
import type { ServiceTokenRenewer } from '@wazo-ts/daemon';
import { UnauthorizedError, UnavailableError } from '@wazo-ts/errors';
import type { FastifyRequest } from 'fastify';

export function checkMasterTenant(request: FastifyRequest, serviceToken: ServiceTokenRenewer | null): void {
  const master = serviceToken?.current()?.tenantUuid ?? null;
  if (!master) throw new UnavailableError('wazo-confd is not initialized', { errorId: 'not-initialized' });
  const tokenTenant = request.auth?.token.metadata.tenant_uuid ?? null;
  if (tokenTenant !== master) throw new UnauthorizedError('Unauthorized', { errorId: 'unauthorized' });
}
