import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import type { Context } from '../contexts/contexts.model.js';
import type { SipInput, SipOption, SipResource } from '../endpoint-sip/endpoint-sip.model.js';
import { scopeOf } from '../search/search.js';
import { createFakeUnitOfWork, type FakeUnitOfWork } from '../testing/index.js';
import type { LinesDao } from './lines.dao.js';
import { callerIdOf, type Line, type LineRecord } from './lines.model.js';
import { createLinesNotifier } from './lines.notifier.js';
import { createLinesService } from './lines.service.js';
import { createLinesValidator } from './lines.validator.js';

const T = 'tenant-a';
const scope = scopeOf(T);

function strict<F extends object>(impl: Partial<F>): F {
  return new Proxy(impl, {
    get(target, key) {
      if (key in target) return target[key as keyof typeof target];
      throw new Error(`unexpected use of ${String(key)}`);
    },
  }) as F;
}

const defaultContext = { id: 1, name: 'default', tenant_uuid: T, type: 'internal' } as Context;

/** A line row of the fake dao, with its endpoint (as the join reads it). */
type Row = LineRecord & {
  endpoint_sip?: { uuid: string; endpoint_section_options: SipOption[] };
  endpoint_sccp?: { id: number; cid_name: string };
  endpoint_custom?: { id: number; interface: string };
};

const protocolOf = (r: Row): Line['protocol'] =>
  r.endpoint_sip ? 'sip' : r.endpoint_sccp ? 'sccp' : r.endpoint_custom ? 'custom' : null;

function toLine(id: number, r: Row): Line {
  const callerId = r.endpoint_sccp
    ? { name: r.endpoint_sccp.cid_name, num: '' }
    : callerIdOf(r.endpoint_sip?.endpoint_section_options ?? []);
  return {
    id,
    tenant_uuid: T,
    name: r.name,
    protocol: protocolOf(r),
    context: 'default',
    provisioning_code: r.provisioning_code,
    provisioning_extension: r.provisioning_code,
    position: r.position,
    device_slot: r.position,
    caller_id_name: callerId.name,
    caller_id_num: callerId.num,
    registrar: r.registrar,
    device_id: null,
    is_webrtc: false,
    endpoint_sip: r.endpoint_sip
      ? { uuid: r.endpoint_sip.uuid, label: null, name: r.name!, auth_section_options: [] }
      : null,
    endpoint_sccp: r.endpoint_sccp ? { id: r.endpoint_sccp.id } : null,
    endpoint_custom: r.endpoint_custom ?? null,
    application: null,
    extensions: [],
    users: [],
  };
}

describe('lines service', () => {
  let uow: FakeUnitOfWork;
  let rows: Map<number, Row>;
  let sips: Map<string, SipResource>;
  /** SCCP and custom endpoints by `<protocol>-<id>`. */
  let others: Map<string, { id: number; cid_name?: string; interface?: string }>;
  let dissociated: number[];
  let randoms: number[];

  /** The endpoints service, as far as lines use it: endpoints kept in `sips`, named `sip-<n>` by default. */
  const endpointSip = {
    findIn: async (_tx: unknown, _s: unknown, uuid: string) => sips.get(uuid) ?? null,
    async createIn(_tx: unknown, _s: unknown, tenantUuid: string, input: SipInput) {
      const uuid = `sip-uuid-${sips.size + 1}`;
      const sip = {
        uuid,
        tenant_uuid: tenantUuid,
        name: input.name ?? `sip-${sips.size + 1}`,
        endpoint_section_options: input.endpoint_section_options ?? [],
      } as SipResource;
      sips.set(uuid, sip);
      return sip;
    },
    async editIn(_tx: unknown, _s: unknown, uuid: string, input: SipInput) {
      const sip = { ...sips.get(uuid)!, ...input } as SipResource;
      sips.set(uuid, sip);
      for (const row of rows.values()) if (row.endpoint_sip?.uuid === uuid) row.endpoint_sip = sip;
      return sip;
    },
    deleteIn: async (_tx: unknown, _s: unknown, uuid: string) => void sips.delete(uuid),
  };
  const endpointSccp = {
    async createIn(_tx: unknown, tenantUuid: string, input: { options?: [string, string][] }) {
      const id = others.size + 1;
      const cidName = input.options?.find(([key]) => key === 'cid_name')?.[1] ?? '';
      others.set(`sccp-${id}`, { id, cid_name: cidName });
      return { id, tenant_uuid: tenantUuid, options: [], line: null };
    },
    async setCallerIdNameIn(_tx: unknown, _s: unknown, id: number, name: string) {
      for (const row of rows.values()) if (row.endpoint_sccp?.id === id) row.endpoint_sccp.cid_name = name;
    },
    deleteIn: async (_tx: unknown, _s: unknown, id: number) => void others.delete(`sccp-${id}`),
  };
  const endpointCustom = {
    async createIn(_tx: unknown, tenantUuid: string, input: { interface: string }) {
      const id = others.size + 1;
      others.set(`custom-${id}`, { id, interface: input.interface });
      return { id, tenant_uuid: tenantUuid, interface: input.interface } as never;
    },
    deleteIn: async (_tx: unknown, _s: unknown, id: number) => void others.delete(`custom-${id}`),
  };
  const lineEndpoints = {
    async associateIn(_tx: unknown, _s: unknown, lineId: number, protocol: string, key: string | number) {
      const row = rows.get(lineId)!;
      if (protocol === 'sip') {
        const sip = sips.get(String(key))!;
        rows.set(lineId, { ...row, name: sip.name, endpoint_sip: sip });
      } else if (protocol === 'sccp') {
        const sccp = others.get(`sccp-${key}`)!;
        rows.set(lineId, {
          ...row,
          name: `sccp${key}`,
          endpoint_sccp: { id: sccp.id, cid_name: sccp.cid_name! },
        });
      } else {
        const custom = others.get(`custom-${key}`)!;
        const endpoint = { id: custom.id, interface: custom.interface! };
        rows.set(lineId, { ...row, name: custom.interface!, endpoint_custom: endpoint });
      }
    },
  };

  function service() {
    const dao = strict<LinesDao>({
      find: async (_tx, s, id) =>
        s.tenantUuids.includes(T) && rows.has(id) ? toLine(id, rows.get(id)!) : null,
      exists: async (_tx, column, value) =>
        [...rows.values()].some((r) => (r as unknown as Record<string, unknown>)[column] === value),
      create: async (_tx, _s, record) => {
        const id = rows.size + 1;
        rows.set(id, record);
        return id;
      },
      edit: async (_tx, _s, id, record) => rows.set(id, { ...rows.get(id)!, ...record }).has(id),
      delete: async (_tx, _s, id) => rows.delete(id),
    });
    return createLinesService({
      uow,
      dao,
      validator: createLinesValidator({ dao }),
      notifier: createLinesNotifier(),
      contexts: {
        findByName: async (_tx, s, name) =>
          name === 'default' && s.tenantUuids.includes(T) ? defaultContext : null,
      },
      random: () => randoms.shift() ?? 0.5,
      endpointSip,
      endpointSccp,
      endpointCustom,
      lineEndpoints,
      userLines: { dissociateAllFromLine: async (_tx, _s, line) => void dissociated.push(line.id) },
    });
  }

  beforeEach(() => {
    uow = createFakeUnitOfWork();
    rows = new Map();
    sips = new Map();
    others = new Map();
    dissociated = [];
    randoms = [];
  });

  it('when a SIP line is created without code, then the code is random and unused, the endpoint made with the line context and caller id, and line_created is queued', async () => {
    rows.set(99, { provisioning_code: '100000', name: 'aaaaaaaa' } as LineRecord);
    randoms = [0, 0.5];
    const line = await service().create(scope, {
      context: 'default',
      caller_id_name: 'Alice',
      caller_id_num: '1000',
      endpoint_sip: { auth_section_options: [['username', 'u']] },
    });
    assert.equal(line.provisioning_code, '550000');
    assert.equal(line.name, 'sip-1');
    assert.deepEqual([line.caller_id_name, line.caller_id_num], ['Alice', '1000']);
    const options = sips.get('sip-uuid-1')?.endpoint_section_options;
    assert.deepEqual(options, [
      ['context', 'default'],
      ['callerid', '"Alice" <1000>'],
    ]);
    assert.equal(uow.events[0]?.name, 'line_created');
    assert.deepEqual(uow.events[0]?.data, { id: line.id, protocol: 'sip', name: 'sip-1', tenant_uuid: T });
    assert.equal(uow.events[0]?.routingKey, 'config.line.created');
  });

  it('when a custom line is created, then its endpoint is made and associated, its interface names it and defaults apply', async () => {
    const line = await service().create(scope, {
      context: 'default',
      endpoint_custom: { interface: 'dahdi/1' },
    });
    assert.deepEqual(
      [line.name, line.protocol, line.position, line.registrar],
      ['dahdi/1', 'custom', 1, 'default'],
    );
    assert.deepEqual(line.endpoint_custom, { id: 1, interface: 'dahdi/1' });
  });

  it('when an SCCP line is created with a caller id name, then the endpoint gets it as cid_name; a number cannot be edited', async () => {
    const line = await service().create(scope, {
      context: 'default',
      caller_id_name: 'Carol',
      endpoint_sccp: { options: [['allow', 'alaw']] },
    });
    assert.deepEqual([line.protocol, line.caller_id_name, line.endpoint_sccp], ['sccp', 'Carol', { id: 1 }]);
    await service().edit(scope, line.id, { caller_id_name: 'Caroline' });
    assert.equal((await service().get(scope, line.id)).caller_id_name, 'Caroline');
    await assert.rejects(service().edit(scope, line.id, { caller_id_num: '12' }), {
      message: "Cannot set caller id num on endpoint of type 'sccp'",
    });
    const ambiguous = {
      context: 'default',
      caller_id_name: 'A',
      endpoint_sccp: { options: [['cid_name', 'B']] as [string, string][] },
    };
    await assert.rejects(service().create(scope, ambiguous), {
      message:
        'Input Error - _schema: [\'Ambiguous caller ID: line.caller_id_name = A endpoint_sccp.options["cid_name"] = B\']',
    });
  });

  it('when both endpoints are given, then Wazo schema error is raised without event', async () => {
    const input = { context: 'default', endpoint_sip: {}, endpoint_custom: { interface: 'x' } };
    await assert.rejects(service().create(scope, input), {
      message: "Input Error - _schema: ['Only one endpoint should be configured on a line']",
    });
    await assert.rejects(
      service().create(scope, { context: 'default', endpoint_sccp: {}, endpoint_sip: {} }),
      {
        message: "Input Error - _schema: ['Only one endpoint should be configured on a line']",
      },
    );
    assert.equal(uow.events.length, 0);
  });

  it('when the provisioning code is taken or the context unknown, then Wazo errors are raised', async () => {
    rows.set(1, { provisioning_code: '123456' } as LineRecord);
    await assert.rejects(service().create(scope, { context: 'default', provisioning_code: '123456' }), {
      message: "Resource Error - Line already exists ('provisioning_code': '123456')",
    });
    await assert.rejects(service().create(scopeOf('other'), { context: 'default' }), {
      message: "Input Error - field 'context': Context was not found ('context': 'default')",
    });
  });

  it('when a caller id is set where no SIP endpoint can carry it, then the bare model error is raised', async () => {
    await assert.rejects(service().create(scope, { context: 'default', caller_id_name: 'A' }), {
      message: 'Cannot set caller id if no endpoint associated',
    });
    const custom = await service().create(scope, { context: 'default', endpoint_custom: { interface: 'c' } });
    await assert.rejects(service().edit(scope, custom.id, { caller_id_num: '12' }), {
      message: "Cannot set caller id on endpoint of type 'custom'",
    });
  });

  it('when a SIP line caller id number is edited, then the name is kept and line_edited is queued', async () => {
    const line = await service().create(scope, {
      context: 'default',
      caller_id_name: 'Bob',
      endpoint_sip: { name: 'bob' },
    });
    uow.reset();
    await service().edit(scope, line.id, { caller_id_num: '2000', position: 2 });
    const edited = await service().get(scope, line.id);
    assert.deepEqual([edited.caller_id_name, edited.caller_id_num, edited.position], ['Bob', '2000', 2]);
    assert.equal(uow.events[0]?.name, 'line_edited');
  });

  it('when a line is deleted, then its users are dissociated first, its endpoint deleted with it and line_deleted queued', async () => {
    const line = await service().create(scope, { context: 'default', endpoint_sip: { name: 'x' } });
    uow.reset();
    await service().delete(scope, line.id);
    assert.deepEqual(dissociated, [line.id]);
    assert.equal(rows.has(line.id), false);
    assert.equal(sips.size, 0);
    assert.deepEqual(uow.events[0]?.data, { id: line.id, protocol: 'sip', name: 'x', tenant_uuid: T });
    await assert.rejects(service().delete(scope, line.id), {
      message: `Resource Not Found - Line was not found ('id': ${line.id})`,
    });
  });

  it('when an SCCP or custom line is deleted, recursively or not, then its endpoint goes too', async () => {
    randoms = [0.1, 0.2];
    const sccp = await service().create(scope, { context: 'default', endpoint_sccp: {} });
    const custom = await service().create(scope, { context: 'default', endpoint_custom: { interface: 'z' } });
    await service().delete(scope, sccp.id);
    await service().delete(scope, custom.id, { recursive: true });
    assert.equal(others.size, 0);
  });
});
