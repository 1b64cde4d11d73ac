/**
 * Finds healthy instances of a service across every datacenter Consul knows, as Wazo's
 * ServiceFinder does: only instances whose checks all pass, optionally only those tagged with a
 * given Wazo uuid (each daemon tags itself with the uuid of the Wazo it belongs to).
 */
import type { ConsulConfig } from '../config/schema.js';
import { ConsulError, type ConsulHttp, createConsulHttp } from './consul-http.js';

export interface HealthyService {
  id: string;
  address: string;
  port: number;
  tags: string[];
  datacenter: string;
}

export interface ServiceFinder {
  listHealthyServices(name: string, uuid?: string | null): Promise<HealthyService[]>;
}

export interface ServiceFinderOptions {
  consul: ConsulConfig;
  http?: ConsulHttp;
}

interface HealthEntry {
  Node?: { Address?: string };
  Service?: { ID?: string; Address?: string; Port?: number; Tags?: string[] | null };
}

async function getJson(http: ConsulHttp, path: string): Promise<unknown> {
  const res = await http('GET', path);
  if (res.status !== 200)
    throw new ConsulError(`consul GET ${path} answered ${res.status}`, { status: res.status });
  return res.json;
}

// An empty Service.Address means "the node's address", per Consul's catalog conventions.
function toHealthyService(entry: HealthEntry, datacenter: string): HealthyService {
  const service = entry.Service ?? {};
  return {
    id: service.ID ?? '',
    address: service.Address || entry.Node?.Address || '',
    port: service.Port ?? 0,
    tags: service.Tags ?? [],
    datacenter,
  };
}

export function createServiceFinder(options: ServiceFinderOptions): ServiceFinder {
  // Unlike Wazo we send the ACL token here too: with Consul ACLs on, the catalog needs it.
  const http = options.http ?? createConsulHttp(options.consul);
  const inDatacenter = async (name: string, dc: string, uuid?: string | null) => {
    const query = new URLSearchParams({ dc, passing: '1', ...(uuid ? { tag: uuid } : {}) });
    const entries = (await getJson(
      http,
      `/v1/health/service/${encodeURIComponent(name)}?${query}`,
    )) as HealthEntry[];
    return (entries ?? []).map((entry) => toHealthyService(entry, dc));
  };
  return {
    async listHealthyServices(name, uuid) {
      const datacenters = ((await getJson(http, '/v1/catalog/datacenters')) as string[] | null) ?? [];
      const perDc = await Promise.all(datacenters.map((dc) => inDatacenter(name, dc, uuid)));
      return perDc.flat();
    },
  };
}
