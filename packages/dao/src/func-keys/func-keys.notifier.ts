/**
 * The function key events: func_key_template_created/edited/deleted {id}, for the template's
 * tenant. A user's own keys are its private template's, so changing them is that template's
 * `edited`, as in Wazo; associating a user with a template sends nothing, as in Wazo.
 */
import { funcKeyTemplateCreated, funcKeyTemplateDeleted, funcKeyTemplateEdited } from '@wazo-ts/bus';
import type { Tx } from '../db/unit-of-work.js';
import type { FuncKeyTemplateHead } from './func-keys.model.js';

type TemplateIdentity = Pick<FuncKeyTemplateHead, 'id' | 'tenant_uuid'>;

export function createFuncKeysNotifier() {
  const scoping = (template: TemplateIdentity) => ({ tenantUuid: template.tenant_uuid });
  return {
    created(tx: Tx, template: TemplateIdentity): void {
      tx.events.add(funcKeyTemplateCreated.build({ id: template.id }, scoping(template)));
    },
    edited(tx: Tx, template: TemplateIdentity): void {
      tx.events.add(funcKeyTemplateEdited.build({ id: template.id }, scoping(template)));
    },
    deleted(tx: Tx, template: TemplateIdentity): void {
      tx.events.add(funcKeyTemplateDeleted.build({ id: template.id }, scoping(template)));
    },
  };
}

export type FuncKeysNotifier = ReturnType<typeof createFuncKeysNotifier>;
