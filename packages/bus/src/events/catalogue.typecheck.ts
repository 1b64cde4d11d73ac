/**
 * Compile-time checks of the catalogue's typing, verified by `tsc -b` and never called: each
 * `@ts-expect-error` fails the build if the line below it stops being a type error.
 */
import { authSessionCreated, scheduleCreated, serviceRegistered, userCreated } from './index.js';

export function catalogueTypeChecks(): void {
  // @ts-expect-error: a schedule id is a number
  scheduleCreated.build({ id: '1' }, { tenantUuid: 't' });
  // @ts-expect-error: a missing payload field
  userCreated.build({ id: 1, uuid: 'u', created_at: null, tenant_uuid: 't' }, { tenantUuid: 't' });
  // @ts-expect-error: a tenant event needs its tenant
  scheduleCreated.build({ id: 1 });
  const session = { uuid: 's', tenant_uuid: 't', user_uuid: 'u', mobile: false };
  // @ts-expect-error: a user event needs its user
  authSessionCreated.build(session, { tenantUuid: 't' });
  const service = { service_name: 's', service_id: 'i', address: 'a', port: 1, tags: [] };
  // @ts-expect-error: a service event takes no scoping
  serviceRegistered.build(service, { tenantUuid: 't' });
  const name: 'schedule_created' = scheduleCreated.build({ id: 1 }, { tenantUuid: 't' }).name;
  void name;
}
