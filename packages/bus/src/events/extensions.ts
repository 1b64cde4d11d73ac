/** wazo-confd's extension events. */
import { defineEvent } from './define.js';

export interface ExtensionPayload {
  id: number;
  exten: string;
  context: string;
}

const extensionCrud = <const N extends string>(name: N, routingKey: string) =>
  defineEvent<ExtensionPayload>()({ name, routingKey, scope: 'tenant', service: 'confd' });

export const extensionCreated = extensionCrud('extension_created', 'config.extensions.created');
export const extensionEdited = extensionCrud('extension_edited', 'config.extensions.edited');
export const extensionDeleted = extensionCrud('extension_deleted', 'config.extensions.deleted');
