/** wazo-confd's application events, and those of a line's application (wazo-bus's payloads). */
import { defineEvent } from './define.js';

/** An application as its events show it: no lines. */
export interface ApplicationPayload {
  uuid: string;
  tenant_uuid: string;
  name: string | null;
  destination: 'node' | null;
  destination_options: Record<string, unknown>;
}

const application = <const N extends string>(name: N, routingKey: string) =>
  defineEvent<ApplicationPayload>()({ name, routingKey, scope: 'tenant', service: 'confd' });

export const applicationCreated = application('application_created', 'config.applications.created');
export const applicationEdited = application('application_edited', 'config.applications.edited');
export const applicationDeleted = application('application_deleted', 'config.applications.deleted');

export interface LineApplicationPayload {
  line: {
    id: number;
    name: string | null;
    endpoint_sip: { uuid: string } | null;
    endpoint_sccp: { id: number } | null;
    endpoint_custom: { id: number } | null;
  };
  application: { uuid: string };
}

export const lineApplicationAssociated = defineEvent<LineApplicationPayload>()({
  name: 'line_application_associated',
  routingKey: 'config.lines.{line[id]}.applications.{application[uuid]}.updated',
  scope: 'tenant',
  service: 'confd',
});

export const lineApplicationDissociated = defineEvent<LineApplicationPayload>()({
  name: 'line_application_dissociated',
  routingKey: 'config.lines.{line[id]}.applications.{application[uuid]}.deleted',
  scope: 'tenant',
  service: 'confd',
});
