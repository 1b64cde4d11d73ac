/**
 * The devices' public API: search (and the unallocated ones), get, create, edit, delete, reset to
 * autoprov, synchronize, give an unallocated device to a tenant; and a line's device.
 */
import type { Tx, UnitOfWork } from '../db/unit-of-work.js';
import { notFound } from '../errors.js';
import type { LinesDao } from '../lines/lines.dao.js';
import type { Line } from '../lines/lines.model.js';
import type { SearchParams, SearchResult, TenantScope } from '../search/search.js';
import type { DevicesDao } from './devices.dao.js';
import type { Device, DeviceBody, DeviceRow, LineDevice } from './devices.model.js';
import type { DevicesNotifier } from './devices.notifier.js';
import type { DevicesValidator } from './devices.validator.js';

export interface DevicesServiceDeps {
  uow: UnitOfWork;
  dao: DevicesDao;
  validator: DevicesValidator;
  notifier: DevicesNotifier;
  lines: Pick<LinesDao, 'find'>;
}

const FIELDS = [
  'ip',
  'mac',
  'sn',
  'plugin',
  'vendor',
  'model',
  'version',
  'description',
  'template_id',
] as const;

function rowOf(base: DeviceRow, body: DeviceBody): DeviceRow {
  const row: DeviceRow = { ...base };
  for (const field of FIELDS) if (body[field] !== undefined) row[field] = body[field];
  if (body.options !== undefined) row.options = body.options;
  // wazo-confd stores a MAC address lowercase.
  row.mac = row.mac?.toLowerCase() ?? null;
  return row;
}

const blank = (tenantUuid: string): DeviceRow => ({
  tenant_uuid: tenantUuid,
  is_new: false,
  status: 'not_configured',
  ip: null,
  mac: null,
  sn: null,
  plugin: null,
  vendor: null,
  model: null,
  version: null,
  description: null,
  template_id: null,
  options: null,
});

const missing = (id: string) => notFound('Device', { id });

export function createDevicesService({ uow, dao, validator, notifier, lines }: DevicesServiceDeps) {
  async function existing(tx: Tx, scope: TenantScope, id: string): Promise<Device> {
    const device = await dao.find(tx, scope, id);
    if (!device) throw missing(id);
    return device;
  }

  async function lineOf(tx: Tx, scope: TenantScope, id: number): Promise<Line> {
    const line = await lines.find(tx, scope, id);
    if (!line) throw notFound('Line', { id });
    return line;
  }

  const withoutId = ({ id: _, ...row }: Device): DeviceRow => row;

  return {
    search: (scope: TenantScope, params: SearchParams): Promise<SearchResult<Device>> =>
      uow.read((tx) => dao.search(tx, scope, params)),

    /** Devices no tenant has been given yet (provd's auto-detected phones). */
    searchUnallocated: (params: SearchParams): Promise<SearchResult<Device>> =>
      uow.read((tx) => dao.search(tx, 'unallocated', params)),

    get: (scope: TenantScope, id: string): Promise<Device> => uow.read((tx) => existing(tx, scope, id)),

    create: (tenantUuid: string, body: DeviceBody): Promise<Device> =>
      uow.run(async (tx) => {
        const row = rowOf(blank(tenantUuid), body);
        await validator.validateMac(tx, row.mac);
        const device = await dao.create(tx, row);
        notifier.created(tx, device);
        return device;
      }),

    edit: (scope: TenantScope, id: string, body: DeviceBody): Promise<void> =>
      uow.run(async (tx) => {
        const device = await existing(tx, scope, id);
        const row = rowOf(withoutId(device), body);
        await validator.validateMac(tx, row.mac, id);
        notifier.edited(tx, await dao.update(tx, id, row));
      }),

    delete: (scope: TenantScope, id: string): Promise<void> =>
      uow.run(async (tx) => {
        const device = await existing(tx, scope, id);
        await validator.validateDelete(tx, device);
        await dao.delete(tx, id);
        notifier.deleted(tx, device);
      }),

    /**
     * Back to autoprov, as wazo-confd does it: its lines are taken off it, its options dropped and
     * its configuration replaced by an autoprov one (here: template cleared, status `autoprov`).
     */
    resetAutoprov: (scope: TenantScope, id: string): Promise<void> =>
      uow.run(async (tx) => {
        const device = await existing(tx, scope, id);
        for (const lineId of await dao.lineIdsOf(tx, id)) {
          await dao.setLineDevice(tx, lineId, null);
          notifier.lineDissociated(tx, await lineOf(tx, scope, lineId), device);
        }
        const row = { ...withoutId(device), options: null, template_id: null, status: 'autoprov' as const };
        await dao.update(tx, id, row);
      }),

    /** Asks the phone to fetch its configuration again: with no provisioning server, nothing to do. */
    synchronize: (scope: TenantScope, id: string): Promise<void> =>
      uow.read(async (tx) => void (await existing(tx, scope, id))),

    /** Gives an unallocated device to `tenantUuid` (404 for a device that is not new). */
    assignTenant: (tenantUuid: string, id: string): Promise<void> =>
      uow.run(async (tx) => {
        const device = await dao.findUnallocated(tx, id);
        if (!device) throw missing(id);
        const row = { ...withoutId(device), tenant_uuid: tenantUuid, is_new: false };
        notifier.edited(tx, await dao.update(tx, id, row));
      }),

    /** `GET /lines/{id}/devices`: the line's device, or 404 `LineDevice was not found`. */
    lineDevice: (scope: TenantScope, lineId: number): Promise<LineDevice> =>
      uow.read(async (tx) => {
        const line = await lineOf(tx, scope, lineId);
        if (!line.device_id) throw notFound('LineDevice', { line_id: line.id });
        return { line_id: line.id, device_id: line.device_id };
      }),

    /** `GET /devices/{id}/lines`. */
    deviceLines: (scope: TenantScope, deviceId: string): Promise<LineDevice[]> =>
      uow.read(async (tx) => {
        await existing(tx, scope, deviceId);
        const ids = await dao.lineIdsOf(tx, deviceId);
        return ids.map((lineId) => ({ line_id: lineId, device_id: deviceId }));
      }),

    associateLine: (scope: TenantScope, lineId: number, deviceId: string): Promise<void> =>
      uow.run(async (tx) => {
        const line = await lineOf(tx, scope, lineId);
        const device = await existing(tx, scope, deviceId);
        if (line.device_id === device.id) return;
        await validator.validateLineAssociation(tx, line, device);
        await dao.setLineDevice(tx, line.id, device.id);
        notifier.lineAssociated(tx, line, device);
      }),

    dissociateLine: (scope: TenantScope, lineId: number, deviceId: string): Promise<void> =>
      uow.run(async (tx) => {
        const line = await lineOf(tx, scope, lineId);
        const device = await existing(tx, scope, deviceId);
        if (line.device_id !== device.id) return;
        await dao.setLineDevice(tx, line.id, null);
        notifier.lineDissociated(tx, line, device);
      }),
  };
}

export type DevicesService = ReturnType<typeof createDevicesService>;
