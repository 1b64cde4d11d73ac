/** wazo-confd's context events. */
import { defineEvent } from './define.js';

export interface ContextPayload {
  id: number;
  name: string;
  type: string;
  tenant_uuid: string;
}

const contextCrud = <const N extends string>(name: N, routingKey: string) =>
  defineEvent<ContextPayload>()({ name, routingKey, scope: 'tenant', service: 'confd' });

export const contextCreated = contextCrud('context_created', 'config.contexts.created');
export const contextEdited = contextCrud('context_edited', 'config.contexts.edited');
export const contextDeleted = contextCrud('context_deleted', 'config.contexts.deleted');

export interface ContextContextsPayload {
  context_id: number;
  context_ids: number[];
}

/** `PUT /contexts/{id}/contexts`: the contexts now included, in order. */
export const contextContextsAssociated = defineEvent<ContextContextsPayload>()({
  name: 'contexts_associated',
  routingKey: 'config.contexts.contexts.updated',
  scope: 'tenant',
  service: 'confd',
});
