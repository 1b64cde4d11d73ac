/**
 * Settings of confd part 3 with fixed fields: the DHCP server (`/dhcp`), high availability
 * (`/ha`), both the system's, and each tenant's recording announcements
 * (`/recordings/announcements`). Wazo hands DHCP and HA to sysconfd; here the documents are kept
 * in the database and nothing is applied to the host (see docs/compatibility.md).
 */
import { isIP } from 'node:net';
import { networkInterfaces } from 'node:os';
import { dhcpEdited, haEdited, recordingsAnnouncementsEdited, registrarEdited } from '@wazo-ts/bus';
import { InvalidDataError } from '@wazo-ts/errors';
import { inputError } from '../errors.js';
import { createRegistrarsDao } from '../registrars/registrars.dao.js';
import { defineSection } from './settings.section.js';
import type {
  Dhcp,
  DhcpBody,
  Ha,
  HaBody,
  RecordingAnnouncements,
  RecordingAnnouncementsBody,
} from './settings-more.model.js';

const schemaError = (message: string) => inputError(`_schema: ['${message}']`, { field: '_schema' });

/**
 * An IPv4 address as `inet_aton` reads it (Wazo's check): one to four numbers (decimal, `0x` hex
 * or `0` octal), the last filling the bytes left; its 32-bit value, or null when unreadable.
 */
export function inetAton(text: string): number | null {
  const parts = text.split('.');
  if (parts.length > 4) return null;
  const numbers: number[] = [];
  for (const part of parts) {
    let value: number;
    if (/^0[xX][0-9a-fA-F]*$/.test(part)) value = part.length === 2 ? 0 : Number.parseInt(part.slice(2), 16);
    else if (/^0[0-7]*$/.test(part)) value = Number.parseInt(part, 8);
    else if (/^[1-9][0-9]*$/.test(part)) value = Number.parseInt(part, 10);
    else return null;
    numbers.push(value);
  }
  const last = numbers.pop()!;
  if (numbers.some((n) => n > 255) || last >= 256 ** (4 - numbers.length)) return null;
  return numbers.reduce((sum, n, index) => sum + n * 256 ** (3 - index), 0) + last;
}

/** The host's network interfaces (Wazo asks sysconfd for them). */
const hostInterfaces = (): string[] => Object.keys(networkInterfaces());

/**
 * A whole PUT: `active` and `network_interfaces` (none when left out) are replaced; the pool is
 * required and checked when active, and kept when left out.
 */
export const dhcpSection = defineSection<Dhcp, DhcpBody, Dhcp>({
  name: 'dhcp',
  perTenant: false,
  defaults: { active: false, pool_start: '', pool_end: '', network_interfaces: [] },
  replace(body, current) {
    if (body.active) {
      if (body.pool_start === undefined) throw schemaError('missing key: pool_start');
      if (body.pool_end === undefined) throw schemaError('missing key: pool_end');
      const start = inetAton(body.pool_start);
      if (start === null) throw schemaError(`pool_start: invalid IP address: ${body.pool_start}`);
      const end = inetAton(body.pool_end);
      if (end === null) throw schemaError(`pool_end: invalid IP address: ${body.pool_end}`);
      if (end < start) throw schemaError('pool_start must be less than pool_end');
    }
    const interfaces = body.network_interfaces ?? [];
    if (interfaces.length > 0) {
      const known = new Set(hostInterfaces());
      const invalid = interfaces.filter((name) => !known.has(name));
      if (invalid.length > 0)
        throw new InvalidDataError(`Invalid network interfaces: ${invalid.join(', ')}`, {
          errorId: 'invalid-network-interfaces',
          details: { invalid_interfaces: invalid },
        });
    }
    return {
      active: body.active,
      pool_start: body.pool_start ?? current.pool_start,
      pool_end: body.pool_end ?? current.pool_end,
      network_interfaces: [...interfaces],
    };
  },
  show: (document) => document,
  events: () => [dhcpEdited.build({})],
});

const registrars = createRegistrarsDao();

/**
 * High availability: `node_type` and the other node's address. A master writes that address as
 * every registrar's backup (and backup proxy); disabling it, unless this node was the slave,
 * clears them, as Wazo does, each registrar announcing its edit.
 */
export const haSection = defineSection<Ha, HaBody, Ha>({
  name: 'ha',
  perTenant: false,
  defaults: { node_type: 'disabled', remote_address: null },
  replace(body) {
    if (body.remote_address !== undefined && isIP(body.remote_address) === 0)
      throw inputError("remote_address: ['Not a valid IP address.']", { field: 'remote_address' });
    if (body.node_type !== 'disabled' && !body.remote_address)
      throw schemaError('remote_address cannot be empty');
    return { node_type: body.node_type, remote_address: body.remote_address ?? null };
  },
  show: (document) => document,
  events: () => [haEdited.build({})],
  async effects(tx, document, previous) {
    let backup: string | null;
    if (document.node_type === 'master') backup = document.remote_address;
    else if (document.node_type === 'disabled' && previous.node_type !== 'slave') backup = null;
    else return;
    const { items } = await registrars.search(tx, {});
    for (const registrar of items) {
      const edited = { ...registrar, backup_host: backup, proxy_backup_host: backup };
      await registrars.update(tx, edited);
      tx.events.add(registrarEdited.build({ ...edited }));
    }
  },
});

/** A partial PUT: a field left out keeps its value; null clears it. */
export const recordingAnnouncementsSection = defineSection<
  RecordingAnnouncements,
  RecordingAnnouncementsBody,
  RecordingAnnouncements
>({
  name: 'recording_announcements',
  perTenant: true,
  defaults: { recording_start: null, recording_stop: null },
  replace: (body, current) => ({
    recording_start: body.recording_start === undefined ? current.recording_start : body.recording_start,
    recording_stop: body.recording_stop === undefined ? current.recording_stop : body.recording_stop,
  }),
  show: (document) => document,
  events: (document, tenantUuid) => [recordingsAnnouncementsEdited.build({ ...document }, { tenantUuid })],
});
