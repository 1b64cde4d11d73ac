/**
 * Aggregates the health of a daemon's components for `GET /<version>/status`, in Wazo's shape:
 * `{"bus_consumer": {"status": "ok"}, "plugins": {"users": {"status": "ok"}}, ...}`. Components
 * register a provider; the aggregate is computed on each call so it is never stale.
 */
export type ComponentStatus = { status: 'ok' | 'fail' } & Record<string, unknown>;
export type StatusProvider = () => ComponentStatus | Record<string, ComponentStatus>;

export interface StatusAggregator {
  /** Adds a component under `name`; a later add with the same name replaces it. */
  add(name: string, provider: StatusProvider): void;
  remove(name: string): void;
  /** The nested status document. A provider that throws reports `fail` with the reason. */
  report(): Record<string, unknown>;
  /** True when no component reports `fail` anywhere in the tree. */
  healthy(): boolean;
}

function anyFail(node: unknown): boolean {
  if (!node || typeof node !== 'object') return false;
  const record = node as Record<string, unknown>;
  if (record.status === 'fail') return true;
  return Object.values(record).some((v) => typeof v === 'object' && anyFail(v));
}

export function createStatusAggregator(): StatusAggregator {
  const providers = new Map<string, StatusProvider>();
  const report = (): Record<string, unknown> => {
    const out: Record<string, unknown> = {};
    for (const [name, provider] of providers) {
      try {
        out[name] = provider();
      } catch (err) {
        out[name] = { status: 'fail', reason: err instanceof Error ? err.message : String(err) };
      }
    }
    return out;
  };
  return {
    add: (name, provider) => void providers.set(name, provider),
    remove: (name) => void providers.delete(name),
    report,
    healthy: () => !anyFail(report()),
  };
}
