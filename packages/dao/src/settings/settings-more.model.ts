/**
 * The bodies and answers of the settings of confd part 3, in Wazo's field names: the DHCP server
 * (`/dhcp`), high availability (`/ha`) and a tenant's recording announcements
 * (`/recordings/announcements`).
 */
import { nullable, type Static, stringEnum, Type } from '../schema.js';

export const dhcpBodySchema = Type.Object({
  active: Type.Boolean(),
  pool_start: Type.Optional(Type.String()),
  pool_end: Type.Optional(Type.String()),
  network_interfaces: Type.Optional(Type.Array(Type.String())),
});
export const dhcpSchema = Type.Object({
  active: Type.Boolean(),
  pool_start: Type.String(),
  pool_end: Type.String(),
  network_interfaces: Type.Array(Type.String()),
});
export type DhcpBody = Static<typeof dhcpBodySchema>;
export type Dhcp = Static<typeof dhcpSchema>;

export const HA_NODE_TYPES = ['disabled', 'master', 'slave'] as const;
export const haBodySchema = Type.Object({
  node_type: stringEnum(HA_NODE_TYPES),
  remote_address: Type.Optional(Type.String()),
});
export const haSchema = Type.Object({
  node_type: Type.String(),
  remote_address: nullable(Type.String()),
});
export type HaBody = Static<typeof haBodySchema>;
export type Ha = Static<typeof haSchema>;

export const recordingAnnouncementsBodySchema = Type.Object({
  recording_start: Type.Optional(nullable(Type.String())),
  recording_stop: Type.Optional(nullable(Type.String())),
});
export const recordingAnnouncementsSchema = Type.Object({
  recording_start: nullable(Type.String()),
  recording_stop: nullable(Type.String()),
});
export type RecordingAnnouncementsBody = Static<typeof recordingAnnouncementsBodySchema>;
export type RecordingAnnouncements = Static<typeof recordingAnnouncementsSchema>;
