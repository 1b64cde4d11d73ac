/**
 * The line ↔ application link (`line_application`): at most one application per line (another
 * one is `Line is associated with a Application`), associating it again changes nothing;
 * `line_application_associated|dissociated {line, application: {uuid}}` for the line's tenant.
 * Lines are scoped through `line_tenant` (a line's tenant is its context's).
 */
import { lineApplicationAssociated, lineApplicationDissociated } from '@wazo-ts/bus';
import type { Line } from '../lines/lines.model.js';
import { defineLink } from '../links/index.js';
import type { Application, ApplicationLine, LineApplication } from './applications.model.js';

/** The line as Wazo's line events show it: id, name and its endpoint's key. */
const lineOf = (line: Line) => ({
  id: line.id,
  name: line.name,
  endpoint_sip: line.endpoint_sip ? { uuid: line.endpoint_sip.uuid } : null,
  endpoint_sccp: null,
  endpoint_custom: line.endpoint_custom ? { id: line.endpoint_custom.id } : null,
});

export const lineApplicationLink = defineLink<Line, Application, ApplicationLine, LineApplication>()({
  table: 'line_application',
  owner: { name: 'Line', table: 'line_tenant', key: 'id', column: 'line_id', summary: ['id', 'name'] },
  resource: {
    name: 'Application',
    table: 'application',
    key: 'uuid',
    column: 'application_uuid',
    summary: ['uuid', 'name'],
  },
  perOwner: 'one',
  whenLinked: 'ignore',
  linkedCriteria: (line, applicationUuid) => ({ line_id: line.id, application_uuid: applicationUuid }),
  events: {
    associated: lineApplicationAssociated,
    dissociated: lineApplicationDissociated,
    payload: (line, application) => ({ line: lineOf(line), application: { uuid: application.uuid } }),
    scoping: (line) => ({ tenantUuid: line.tenant_uuid }),
  },
});
