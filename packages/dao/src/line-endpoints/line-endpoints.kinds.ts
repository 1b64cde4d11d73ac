/**
 * The three kinds of endpoint a line takes, as the association sees them: how an endpoint is
 * found and named, which key the line holds, and the words Wazo's errors and events use for it.
 */
import type { Tx } from '../db/unit-of-work.js';
import type { Line } from '../lines/lines.model.js';
import type { TenantScope } from '../search/search.js';

export type EndpointProtocol = 'sip' | 'sccp' | 'custom';
export type EndpointKey = string | number;

/** What every endpoint has that the association reads. */
export interface LineEndpoint {
  tenant_uuid: string;
}

export interface EndpointKind<E extends LineEndpoint = LineEndpoint> {
  protocol: EndpointProtocol;
  /** The resource named in its 404 (`SIPEndpoint`, `SCCPEndpoint`, `CustomEndpoint`). */
  resource: string;
  /** The key's name in errors: `uuid` (SIP) or `id`. */
  keyName: 'uuid' | 'id';
  find(tx: Tx, scope: TenantScope, key: EndpointKey): Promise<E | null>;
  keyOf(endpoint: E): EndpointKey;
  /** The name the line takes (SIP and SCCP name, custom interface). */
  nameOf(endpoint: E): string;
  /** The line using that endpoint (any tenant), or null. */
  lineUsing(tx: Tx, key: EndpointKey): Promise<number | null>;
}

/** The key of the line's endpoint of that protocol, or null. */
export function keyOnLine(line: Line, protocol: EndpointProtocol): EndpointKey | null {
  if (protocol === 'sip') return line.endpoint_sip?.uuid ?? null;
  if (protocol === 'sccp') return line.endpoint_sccp?.id ?? null;
  return line.endpoint_custom?.id ?? null;
}
