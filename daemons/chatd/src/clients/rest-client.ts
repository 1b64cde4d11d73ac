/**
 * JSON GETs to another Wazo daemon with a token, over the kit's HTTP transport (keep-alive,
 * timeout, TLS options). A failure is Wazo's 503 naming the daemon that could not answer.
 */
import { type AuthClientConfig, createAuthTransport } from '@wazo-ts/daemon';
import { UnavailableError } from '@wazo-ts/errors';

export interface DaemonAddress {
  host: string;
  port: number;
  prefix: string | null;
  https: boolean;
  verify_certificate: boolean | string;
  timeout: number;
}

export interface RestClient {
  /** The parsed body of a 200; `status` other answers are returned as null. */
  get(
    path: string,
    token: string,
    headers?: Record<string, string>,
  ): Promise<{ status: number; body: unknown }>;
  close(): void;
}

export function createRestClient(name: string, address: DaemonAddress): RestClient {
  // The transport reads only the address fields; the credential fields are not used for GETs.
  const transport = createAuthTransport({ ...address, key_file: null } as AuthClientConfig);
  return {
    async get(path, token, headers = {}) {
      try {
        const response = await transport.request({
          method: 'GET',
          path,
          headers: { 'x-auth-token': token, ...headers },
        });
        return {
          status: response.status,
          body: response.status === 200 ? JSON.parse(response.body) : response.body,
        };
      } catch (error) {
        throw new UnavailableError(
          `${name} unreachable: ${error instanceof Error ? error.message : String(error)}`,
          {
            errorId: `${name.replace(/^wazo-/, '')}-unreachable`,
            details: { host: address.host, port: address.port, original_error: String(error) },
            cause: error,
          },
        );
      }
    },
    close: () => transport.close(),
  };
}

/** Every item of a paged Wazo list (`limit`/`offset`, `{items, total}`), asked page after page. */
export async function listAll<T>(
  client: RestClient,
  path: string,
  token: string,
  pageSize: number,
  headers?: Record<string, string>,
): Promise<T[]> {
  const items: T[] = [];
  const separator = path.includes('?') ? '&' : '?';
  for (let offset = 0; ; offset += pageSize) {
    const { status, body } = await client.get(
      `${path}${separator}limit=${pageSize}&offset=${offset}`,
      token,
      headers,
    );
    if (status !== 200) throw new Error(`GET ${path} answered ${status}: ${String(body).slice(0, 200)}`);
    const page = body as { items?: T[]; total?: number };
    if (!Array.isArray(page.items)) throw new Error(`GET ${path}: no items in the answer`);
    items.push(...page.items);
    if (page.items.length < pageSize) return items;
  }
}
