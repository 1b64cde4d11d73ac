/**
 * The services that give a resource an extension beyond lines (line extensions are wired with
 * the telephony services): groups' extensions.
 */
import type { UnitOfWork } from './db/unit-of-work.js';
import {
  createGroupExtensionsDao,
  createGroupExtensionsNotifier,
  createGroupExtensionsService,
  createGroupExtensionsValidator,
} from './group-extensions/index.js';
import type { Daos } from './service-api-daos.js';

export function extensionOwnerServicesOf(uow: UnitOfWork, daos: Daos) {
  const dao = createGroupExtensionsDao();
  return {
    groupExtensions: createGroupExtensionsService({
      uow,
      dao,
      validator: createGroupExtensionsValidator({ dao }),
      notifier: createGroupExtensionsNotifier(),
      groups: daos.groups,
      extensions: daos.extensions,
      contexts: daos.contexts,
    }),
  };
}
