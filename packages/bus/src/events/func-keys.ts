/** wazo-confd's function key template events (a user's own keys are its private template's). */
import { defineEvent } from './define.js';

export interface FuncKeyTemplatePayload {
  id: number;
}

const templateCrud = <const N extends string>(name: N, routingKey: string) =>
  defineEvent<FuncKeyTemplatePayload>()({ name, routingKey, scope: 'tenant', service: 'confd' });

export const funcKeyTemplateCreated = templateCrud(
  'func_key_template_created',
  'config.funckey.template.created',
);
export const funcKeyTemplateEdited = templateCrud(
  'func_key_template_edited',
  'config.funckey.template.edited',
);
export const funcKeyTemplateDeleted = templateCrud(
  'func_key_template_deleted',
  'config.funckey.template.deleted',
);
