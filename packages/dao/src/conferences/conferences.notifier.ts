/**
 * The conferences' events, tenant-wide: conference_created/edited/deleted {id}, and
 * conference_extension_associated/dissociated {conference_id, extension_id}.
 */
import {
  conferenceCreated,
  conferenceDeleted,
  conferenceEdited,
  conferenceExtensionAssociated,
  conferenceExtensionDissociated,
} from '@wazo-ts/bus';
import type { Tx } from '../db/unit-of-work.js';
import { createOwnerExtensionsNotifier } from '../owner-extensions/owner-extensions.notifier.js';
import type { Conference } from './conferences.model.js';

type Identity = Pick<Conference, 'id' | 'tenant_uuid'>;
const scoping = (conference: Identity) => ({ tenantUuid: conference.tenant_uuid });

export function createConferencesNotifier() {
  return {
    created(tx: Tx, conference: Identity): void {
      tx.events.add(conferenceCreated.build({ id: conference.id }, scoping(conference)));
    },
    edited(tx: Tx, conference: Identity): void {
      tx.events.add(conferenceEdited.build({ id: conference.id }, scoping(conference)));
    },
    deleted(tx: Tx, conference: Identity): void {
      tx.events.add(conferenceDeleted.build({ id: conference.id }, scoping(conference)));
    },
  };
}

export type ConferencesNotifier = ReturnType<typeof createConferencesNotifier>;

export const createConferenceExtensionsNotifier = () =>
  createOwnerExtensionsNotifier({
    associated: (conference, extensionId) =>
      conferenceExtensionAssociated.build(
        { conference_id: conference.id, extension_id: extensionId },
        scoping(conference),
      ),
    dissociated: (conference, extensionId) =>
      conferenceExtensionDissociated.build(
        { conference_id: conference.id, extension_id: extensionId },
        scoping(conference),
      ),
  });
