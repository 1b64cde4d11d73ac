/** What chatd reads from wazo-confd at start: every user, its lines and its DND service. */
import { endpointNameOfLine } from '../presences/line-state.js';
import { listAll, type RestClient } from './rest-client.js';

export interface ConfdUserLine {
  id: number;
  endpointName: string | null;
}

export interface ConfdUser {
  uuid: string;
  tenant_uuid: string;
  do_not_disturb: boolean;
  lines: ConfdUserLine[];
}

interface ConfdUserItem {
  uuid: string;
  tenant_uuid: string;
  services?: { dnd?: { enabled?: boolean } };
  lines?: {
    id: number;
    name?: string | null;
    endpoint_sip?: unknown;
    endpoint_sccp?: unknown;
    endpoint_custom?: { interface?: string | null } | null;
  }[];
}

// A full user is a few kB: pages stay well under the transport's 1 MB answer bound.
const PAGE = 100;

export function createConfdSource(client: RestClient) {
  return {
    async users(token: string): Promise<ConfdUser[]> {
      const items = await listAll<ConfdUserItem>(client, '/1.1/users?recurse=true', token, PAGE);
      return items.map((user) => ({
        uuid: user.uuid,
        tenant_uuid: user.tenant_uuid,
        do_not_disturb: user.services?.dnd?.enabled === true,
        lines: (user.lines ?? []).map((line) => ({ id: line.id, endpointName: endpointNameOfLine(line) })),
      }));
    },
  };
}

export type ConfdSource = ReturnType<typeof createConfdSource>;
