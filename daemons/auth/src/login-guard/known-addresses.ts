/**
 * The addresses each login succeeded from lately: a login under attack from elsewhere still works
 * from them. Bounded: at most `maxLogins` logins (the least recently successful go first) and
 * `maxPerLogin` addresses each (the oldest success goes first); a success older than `retentionMs`
 * no longer counts.
 */
export interface KnownAddresses {
  remember(login: string, address: string): void;
  isKnown(login: string, address: string): boolean;
  size(): number;
}

export interface KnownAddressesLimits {
  retentionMs: number;
  maxLogins: number;
  maxPerLogin: number;
}

export function createKnownAddresses(limits: KnownAddressesLimits, now: () => number): KnownAddresses {
  const byLogin = new Map<string, Map<string, number>>();
  return {
    remember(login, address) {
      const addresses = byLogin.get(login) ?? new Map<string, number>();
      // Re-inserting moves the login and the address to the newest end of their maps.
      byLogin.delete(login);
      addresses.delete(address);
      while (addresses.size >= limits.maxPerLogin) addresses.delete(addresses.keys().next().value as string);
      addresses.set(address, now());
      while (byLogin.size >= limits.maxLogins) byLogin.delete(byLogin.keys().next().value as string);
      byLogin.set(login, addresses);
    },
    isKnown(login, address) {
      const at = byLogin.get(login)?.get(address);
      return at !== undefined && now() - at < limits.retentionMs;
    },
    size: () => byLogin.size,
  };
}
