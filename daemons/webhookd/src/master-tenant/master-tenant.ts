/**
 * The master tenant's uuid, learnt from the daemon's own service token (Wazo's service accounts
 * live in the master tenant). Wazo's webhookd binds no subscription until it knows it, since a
 * master-tenant subscription sees every tenant's events; the delivery engine waits on `known()`.
 */
export interface MasterTenant {
  /** The uuid once a service token named it, else null. */
  uuid(): string | null;
  /** Resolves with the uuid as soon as it is known (at once if it already is). */
  known(): Promise<string>;
  /** Records the uuid (the first one wins: a master tenant does not change under a running daemon). */
  set(uuid: string): void;
}

export function createMasterTenant(initial: string | null = null): MasterTenant {
  let current = initial;
  let resolveKnown: (uuid: string) => void = () => undefined;
  const knownPromise = new Promise<string>((resolve) => {
    resolveKnown = resolve;
  });
  if (current) resolveKnown(current);
  return {
    uuid: () => current,
    known: () => knownPromise,
    set(uuid) {
      if (current) return;
      current = uuid;
      resolveKnown(uuid);
    },
  };
}
