/** The applications' events, for the application's tenant: the application without its lines. */
import {
  type ApplicationPayload,
  applicationCreated,
  applicationDeleted,
  applicationEdited,
} from '@wazo-ts/bus';
import type { Tx } from '../db/unit-of-work.js';
import type { Application } from './applications.model.js';

const payload = ({ lines: _, ...application }: Application): ApplicationPayload => ({
  uuid: application.uuid,
  tenant_uuid: application.tenant_uuid,
  name: application.name,
  destination: application.destination,
  destination_options: application.destination_options,
});

export function createApplicationsNotifier() {
  const scoping = (application: Application) => ({ tenantUuid: application.tenant_uuid });
  return {
    created: (tx: Tx, application: Application) =>
      tx.events.add(applicationCreated.build(payload(application), scoping(application))),
    edited: (tx: Tx, application: Application) =>
      tx.events.add(applicationEdited.build(payload(application), scoping(application))),
    deleted: (tx: Tx, application: Application) =>
      tx.events.add(applicationDeleted.build(payload(application), scoping(application))),
  };
}

export type ApplicationsNotifier = ReturnType<typeof createApplicationsNotifier>;
