/** The Consul agent endpoints a registration uses, with Consul's answers turned into outcomes. */
import { ConsulError, type ConsulHttp, type ConsulResponse } from './consul-http.js';

/** What we register, in Consul's field names (PUT /v1/agent/service/register). */
export interface AgentServiceDefinition {
  Name: string;
  ID: string;
  Address: string;
  Port: number;
  Tags: string[];
  Check: { TTL: string; DeregisterCriticalServiceAfter: string };
}

export type TtlOutcome = 'passed' | 'unknown';

export interface ConsulAgent {
  register(service: AgentServiceDefinition, signal?: AbortSignal): Promise<void>;
  /** `unknown` when the agent no longer knows the check: it restarted or its state was wiped. */
  passTtl(serviceId: string, signal?: AbortSignal): Promise<TtlOutcome>;
  deregister(serviceId: string, signal?: AbortSignal): Promise<void>;
}

function failure(what: string, res: ConsulResponse): ConsulError {
  return new ConsulError(`consul ${what} answered ${res.status}: ${res.text.trim().slice(0, 200)}`, {
    status: res.status,
  });
}

// Consul ≥ 1.11 answers 404 for an unknown check; older agents answer 500 with this text.
function isUnknownCheck(res: ConsulResponse): boolean {
  if (res.status === 404) return true;
  return res.status === 500 && /does not have associated TTL|unknown check/i.test(res.text);
}

export function createConsulAgent(http: ConsulHttp): ConsulAgent {
  return {
    async register(service, signal) {
      const res = await http('PUT', '/v1/agent/service/register', { body: service, signal });
      if (res.status !== 200) throw failure('service register', res);
    },
    async passTtl(serviceId, signal) {
      const res = await http('PUT', `/v1/agent/check/pass/service:${encodeURIComponent(serviceId)}`, {
        signal,
      });
      if (res.status === 200) return 'passed';
      if (isUnknownCheck(res)) return 'unknown';
      throw failure('TTL pass', res);
    },
    async deregister(serviceId, signal) {
      const res = await http('PUT', `/v1/agent/service/deregister/${encodeURIComponent(serviceId)}`, {
        signal,
      });
      // 404: already gone (agent restarted), which is what we wanted.
      if (res.status !== 200 && res.status !== 404) throw failure('service deregister', res);
    },
  };
}
