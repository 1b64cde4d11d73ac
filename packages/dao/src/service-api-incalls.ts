/**
 * The incalls services of the Service API: incalls with their extension, the incall ↔ schedule
 * link on the generic link shape, and the tenants' phone numbers.
 */
import type { UnitOfWork } from './db/unit-of-work.js';
import { createGroupExtensionsDao } from './group-extensions/index.js';
import { incallScheduleLink } from './incall-schedules/index.js';
import { createIncallsNotifier, createIncallsService, createIncallsValidator } from './incalls/index.js';
import { createLinkNotifier, createLinkService, createLinkValidator, type LinkKey } from './links/index.js';
import {
  createPhoneNumbersNotifier,
  createPhoneNumbersService,
  createPhoneNumbersValidator,
} from './phone-numbers/index.js';
import type { Daos } from './service-api-daos.js';

export function incallServicesOf(uow: UnitOfWork, daos: Daos) {
  const groupExtensions = createGroupExtensionsDao();
  return {
    incalls: createIncallsService({
      uow,
      dao: daos.incalls,
      validator: createIncallsValidator({ dao: daos.incalls, groupOf: groupExtensions.groupOf }),
      notifier: createIncallsNotifier(),
      extensions: daos.extensions,
      contexts: daos.contexts,
    }),
    incallSchedules: createLinkService({
      uow,
      kind: incallScheduleLink,
      dao: daos.incallSchedules,
      findOwner: (tx, scope, key: LinkKey) => daos.incalls.find(tx, scope, Number(key)),
      findResource: (tx, scope, id: number) => daos.schedules.find(tx, scope, id),
      validator: createLinkValidator({ kind: incallScheduleLink, dao: daos.incallSchedules }),
      notifier: createLinkNotifier(incallScheduleLink.events),
    }),
    phoneNumbers: createPhoneNumbersService({
      uow,
      dao: daos.phoneNumbers,
      validator: createPhoneNumbersValidator({ dao: daos.phoneNumbers }),
      notifier: createPhoneNumbersNotifier(),
    }),
  };
}

export type IncallServices = ReturnType<typeof incallServicesOf>;
