/**
 * The address announced in Consul. `auto` reads it from the machine: the configured interface,
 * else the first ethernet-looking one (eth*, en*), else loopback, so a laptop still registers.
 */
import os from 'node:os';

type Interfaces = ReturnType<typeof os.networkInterfaces>;

function firstIPv4(addresses: Interfaces[string]): string | undefined {
  // Node 18.0-18.3 reported family as the number 4.
  return addresses?.find((a) => a.family === 'IPv4' || (a.family as unknown) === 4)?.address;
}

export function resolveAdvertiseAddress(
  sd: { advertise_address: string; advertise_address_interface: string },
  interfaces: Interfaces = os.networkInterfaces(),
): string {
  if (sd.advertise_address !== 'auto') return sd.advertise_address;
  const named = firstIPv4(interfaces[sd.advertise_address_interface]);
  if (named) return named;
  for (const [name, addresses] of Object.entries(interfaces)) {
    const address = /^(eth|en)/.test(name) ? firstIPv4(addresses) : undefined;
    if (address) return address;
  }
  return firstIPv4(interfaces.lo) ?? '127.0.0.1';
}
