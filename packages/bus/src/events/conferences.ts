/** wazo-confd's events of conferences, pagings and parking lots, and of their extensions and users. */
import { defineEvent } from './define.js';

export interface ConfigIdPayload {
  id: number;
}

const confd = <D extends object>() => {
  const define = defineEvent<D>();
  return <const N extends string>(name: N, routingKey: string) =>
    define({ name, routingKey, scope: 'tenant', service: 'confd' });
};
const byId = confd<ConfigIdPayload>();

export const conferenceCreated = byId('conference_created', 'config.conferences.created');
export const conferenceEdited = byId('conference_edited', 'config.conferences.edited');
export const conferenceDeleted = byId('conference_deleted', 'config.conferences.deleted');

export interface ConferenceExtensionPayload {
  conference_id: number;
  extension_id: number;
}
const conferenceExtension = confd<ConferenceExtensionPayload>();
export const conferenceExtensionAssociated = conferenceExtension(
  'conference_extension_associated',
  'config.conferences.extensions.updated',
);
export const conferenceExtensionDissociated = conferenceExtension(
  'conference_extension_dissociated',
  'config.conferences.extensions.deleted',
);

export const pagingCreated = byId('paging_created', 'config.pagings.created');
export const pagingEdited = byId('paging_edited', 'config.pagings.edited');
export const pagingDeleted = byId('paging_deleted', 'config.pagings.deleted');

export interface PagingUsersPayload {
  paging_id: number;
  user_uuids: string[];
}
const pagingUsers = confd<PagingUsersPayload>();
export const pagingCallerUsersAssociated = pagingUsers(
  'paging_caller_users_associated',
  'config.pagings.callers.users.updated',
);
export const pagingMemberUsersAssociated = pagingUsers(
  'paging_member_users_associated',
  'config.pagings.members.users.updated',
);

export const parkingLotCreated = byId('parking_lot_created', 'config.parkinglots.created');
export const parkingLotEdited = byId('parking_lot_edited', 'config.parkinglots.edited');
export const parkingLotDeleted = byId('parking_lot_deleted', 'config.parkinglots.deleted');

export interface ParkingLotExtensionPayload {
  parking_lot_id: number;
  extension_id: number;
}
const parkingLotExtension = confd<ParkingLotExtensionPayload>();
export const parkingLotExtensionAssociated = parkingLotExtension(
  'parking_lot_extension_associated',
  'config.parkinglots.extensions.updated',
);
export const parkingLotExtensionDissociated = parkingLotExtension(
  'parking_lot_extension_dissociated',
  'config.parkinglots.extensions.deleted',
);
