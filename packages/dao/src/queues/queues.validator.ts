/**
 * The queue-extension checks, in wazo-confd's words: the extension's context must be internal and
 * its number within the context's queue ranges (patterns pass); both of one tenant.
 */
import type { Context } from '../contexts/contexts.model.js';
import { extenInRanges } from '../contexts/contexts.model.js';
import type { Extension } from '../extensions/extensions.model.js';
import { isPattern } from '../extensions/extensions.model.js';
import { differentTenants, outsideRange, unhandledContextType } from '../extensions/extensions.validator.js';

export { differentTenants };

export function checkQueueExtension(queue: { tenant_uuid: string }, extension: Extension): void {
  if (extension.tenant_uuid !== queue.tenant_uuid) {
    throw differentTenants({
      extension_tenant_uuid: extension.tenant_uuid,
      queue_tenant_uuid: queue.tenant_uuid,
    });
  }
}

export function checkQueueExtensionContext(extension: Extension, context: Context): void {
  if (context.type !== 'internal') {
    throw unhandledContextType(context.type, { id: extension.id, context: extension.context });
  }
  if (!isPattern(extension.exten) && !extenInRanges(extension.exten, context.queue_ranges)) {
    throw outsideRange(extension.exten, extension.context);
  }
}
