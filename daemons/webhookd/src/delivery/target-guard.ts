/**
 * Where a webhook may not go: denied networks (link-local, cloud metadata), the platform's own
 * daemon ports on loopback, and for a user's subscription any loopback address (as Wazo). The
 * check runs on the address a request actually connects to, on every attempt and every redirect,
 * so a name that resolves elsewhere the second time (DNS rebinding) is caught too.
 */
import { lookup as dnsLookup } from 'node:dns';
import { BlockList, isIP, type LookupFunction } from 'node:net';

export interface DeniedTarget {
  /** A network in CIDR notation (`169.254.0.0/16`, `fe80::/10`) or one address. */
  network: string;
  /** Only these ports are denied; every port when absent. */
  ports?: number[];
}

export class TargetDeniedError extends Error {
  override name = 'TargetDeniedError';
}

/**
 * The platform's own ports, denied on loopback so a webhook cannot call into the platform: Wazo's
 * daemons (auth, confd, websocketd, webhookd, dird, chatd, calld, amid, agentd, call-logd, plugind,
 * setupd, phoned, provd), Asterisk's HTTP, the gateway, Consul and RabbitMQ's management API.
 */
export const platformPorts = [
  9497, 9486, 9502, 9300, 9489, 9304, 9500, 9491, 9493, 9298, 9503, 9302, 9498, 8666, 5039, 5040, 8443, 8500,
  15672,
];

export const defaultDeniedTargets: DeniedTarget[] = [
  { network: '169.254.0.0/16' },
  { network: 'fe80::/10' },
  { network: '0.0.0.0/8' },
  { network: '::/128' },
  // Cloud metadata services outside link-local: AWS over IPv6, Alibaba, Azure's wire server.
  { network: 'fd00:ec2::254/128' },
  { network: '100.100.100.200/32' },
  { network: '168.63.129.16/32' },
  { network: '127.0.0.0/8', ports: platformPorts },
  { network: '::1/128', ports: platformPorts },
];

const LOOPBACK = new BlockList();
LOOPBACK.addSubnet('127.0.0.0', 8, 'ipv4');
LOOPBACK.addAddress('::1', 'ipv6');

function family(address: string): 'ipv4' | 'ipv6' {
  return isIP(address) === 6 ? 'ipv6' : 'ipv4';
}

/** `::ffff:10.0.0.1` is 10.0.0.1: checked as IPv4 so a mapped address cannot slip through. */
export function normalizeAddress(address: string): string {
  const bare = address.replace(/^\[|\]$/g, '');
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(bare);
  return mapped ? mapped[1]! : bare;
}

function toList(targets: DeniedTarget[]): { list: BlockList; ports?: Set<number> }[] {
  return targets.map((target) => {
    const list = new BlockList();
    const [address, prefix] = target.network.split('/');
    const type = family(address!);
    if (isIP(address!) === 0) throw new Error(`denied network "${target.network}" is not an IP network`);
    if (prefix === undefined) list.addAddress(address!, type);
    else list.addSubnet(address!, Number(prefix), type);
    return target.ports ? { list, ports: new Set(target.ports) } : { list };
  });
}

export interface TargetGuard {
  /** Throws `TargetDeniedError` if a request may not connect to `address:port`. */
  check(address: string, port: number, userOwned: boolean): void;
  /** A `lookup` for node:http that resolves, checks every address, and connects to a checked one. */
  lookup(port: number, userOwned: boolean): LookupFunction;
  isLoopback(address: string): boolean;
}

export interface ResolvedAddress {
  address: string;
  family: number;
}

/** Resolves a name to all its addresses (node's `dns.lookup` by default; tests give their own). */
export type Resolver = (hostname: string, family: number) => Promise<ResolvedAddress[]>;

export const systemResolver: Resolver = (hostname, family) =>
  new Promise((resolve, reject) => {
    dnsLookup(hostname, { all: true, family }, (err, addresses) => (err ? reject(err) : resolve(addresses)));
  });

export function createTargetGuard(
  denied: DeniedTarget[] = defaultDeniedTargets,
  resolver: Resolver = systemResolver,
): TargetGuard {
  const rules = toList(denied);
  const isLoopback = (address: string): boolean => {
    const bare = normalizeAddress(address);
    return LOOPBACK.check(bare, family(bare));
  };
  function check(address: string, port: number, userOwned: boolean): void {
    const bare = normalizeAddress(address);
    const type = family(bare);
    if (userOwned && isLoopback(bare))
      throw new TargetDeniedError(`a user's subscription may not reach the loopback address ${bare}`);
    for (const rule of rules)
      if (rule.list.check(bare, type) && (!rule.ports || rule.ports.has(port)))
        throw new TargetDeniedError(`the address ${bare} port ${port} is in a denied network`);
  }
  return {
    check,
    isLoopback,
    lookup(port, userOwned) {
      return (hostname, options, callback) => {
        const wanted =
          options.family === 'IPv6' ? 6 : options.family === 'IPv4' ? 4 : Number(options.family ?? 0);
        resolver(hostname, wanted).then(
          (addresses) => {
            try {
              if (addresses.length === 0) throw new TargetDeniedError(`${hostname} has no address`);
              // Every address is checked: the connection may fall back to any of them.
              for (const { address } of addresses) check(address, port, userOwned);
            } catch (err) {
              return callback(err as NodeJS.ErrnoException, '', 0);
            }
            if (options.all) return (callback as (e: null, a: ResolvedAddress[]) => void)(null, addresses);
            callback(null, addresses[0]!.address, addresses[0]!.family);
          },
          (err: NodeJS.ErrnoException) => callback(err, '', 0),
        );
      };
    },
  };
}
