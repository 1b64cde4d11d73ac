/** wazo-confd's line events, and the line-extension association. */
import { defineEvent } from './define.js';

export interface LinePayload {
  id: number;
  name: string;
  protocol?: string;
  tenant_uuid: string;
}

// wazo-bus spells these keys `config.line.*` (singular), unlike most resources.
const lineCrud = <const N extends string>(name: N, routingKey: string) =>
  defineEvent<LinePayload>()({ name, routingKey, scope: 'tenant', service: 'confd' });

export const lineCreated = lineCrud('line_created', 'config.line.created');
export const lineEdited = lineCrud('line_edited', 'config.line.edited');
export const lineDeleted = lineCrud('line_deleted', 'config.line.deleted');

export interface LineExtensionPayload {
  line_id: number;
  extension_id: number;
}

export const lineExtensionAssociated = defineEvent<LineExtensionPayload>()({
  name: 'line_extension_associated',
  routingKey: 'config.line_extension_associated.updated',
  scope: 'tenant',
  service: 'confd',
});

export const lineExtensionDissociated = defineEvent<LineExtensionPayload>()({
  name: 'line_extension_dissociated',
  routingKey: 'config.line_extension_associated.deleted',
  scope: 'tenant',
  service: 'confd',
});
