/**
 * wazo-confd as the wazo and conference backends read it: GET calls with dird's service token
 * in a source's tenant, to the confd a source names (`confd` fields) over the daemon's own
 * `confd` settings. Never confd's tables.
 */
import { httpGetJson } from './http-get.js';

export interface ConfdTarget {
  host: string;
  port: number;
  https: boolean;
  prefix?: string | null;
  version?: string;
  verify_certificate?: boolean | string;
  /** Seconds. */
  timeout?: number;
}

export interface ConfdClient {
  get<T>(
    path: string,
    query: Record<string, string>,
    options: { tenantUuid: string; signal?: AbortSignal },
  ): Promise<T>;
  /** Where it reads from, for cache keys and logs. */
  readonly baseUrl: string;
}

export function createConfdClient(target: ConfdTarget, token: () => string | null): ConfdClient {
  const scheme = target.https ? 'https' : 'http';
  const prefix = (target.prefix ?? '').replace(/\/$/, '');
  const baseUrl = `${scheme}://${target.host}:${target.port}${prefix}/${target.version ?? '1.1'}`;
  return {
    baseUrl,
    async get<T>(
      path: string,
      query: Record<string, string>,
      options: { tenantUuid: string; signal?: AbortSignal },
    ) {
      const current = token();
      if (!current) throw new Error('no service token yet: wazo-confd cannot be read');
      const url = new URL(`${baseUrl}${path}`);
      for (const [key, value] of Object.entries(query)) url.searchParams.set(key, value);
      return httpGetJson<T>(url, {
        headers: { 'X-Auth-Token': current, 'Wazo-Tenant': options.tenantUuid },
        timeoutMs: (target.timeout ?? 10) * 1000,
        signal: options.signal,
        verifyCertificate: target.verify_certificate ?? true,
      });
    },
  };
}
