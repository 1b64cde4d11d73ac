/** Extension events: tenant events `extension_created|edited|deleted` with `{id, exten, context}`. */
import { extensionCreated, extensionDeleted, extensionEdited } from '@wazo-ts/bus';
import type { Tx } from '../db/unit-of-work.js';
import type { Extension } from './extensions.model.js';

const payload = (extension: Extension) => ({
  id: extension.id,
  exten: extension.exten,
  context: extension.context,
});

const scoping = (extension: Extension) => ({ tenantUuid: extension.tenant_uuid });

export function createExtensionsNotifier() {
  return {
    created(tx: Tx, extension: Extension): void {
      tx.events.add(extensionCreated.build(payload(extension), scoping(extension)));
    },
    edited(tx: Tx, extension: Extension): void {
      tx.events.add(extensionEdited.build(payload(extension), scoping(extension)));
    },
    deleted(tx: Tx, extension: Extension): void {
      tx.events.add(extensionDeleted.build(payload(extension), scoping(extension)));
    },
  };
}

export type ExtensionsNotifier = ReturnType<typeof createExtensionsNotifier>;
