/** The few wazo-auth calls the platform makes, over its REST API, as wazo-auth-keys does. */

export interface AuthApi {
  /** A token for `username`/`password`, or null when wazo-auth refuses them. */
  login(username: string, password: string, expiration?: number): Promise<string | null>;
  call<T>(method: string, path: string, token: string, body?: unknown): Promise<{ status: number; body: T }>;
}

export function createAuthApi(baseUrl: string): AuthApi {
  const url = (path: string) => `${baseUrl}/0.1${path}`;
  return {
    async login(username, password, expiration = 600) {
      const basic = Buffer.from(`${username}:${password}`).toString('base64');
      const response = await fetch(url('/token'), {
        method: 'POST',
        headers: { authorization: `Basic ${basic}`, 'content-type': 'application/json' },
        body: JSON.stringify({ expiration }),
      });
      if (response.status === 401) return null;
      if (!response.ok) throw new Error(`wazo-auth answered ${response.status} to a login`);
      return ((await response.json()) as { data: { token: string } }).data.token;
    },
    async call(method, path, token, body) {
      const response = await fetch(url(path), {
        method,
        headers: {
          'x-auth-token': token,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const text = await response.text();
      return { status: response.status, body: (text ? JSON.parse(text) : null) as never };
    },
  };
}

export async function expectStatus<T>(
  what: string,
  answer: Promise<{ status: number; body: T }>,
  ...statuses: number[]
): Promise<T> {
  const { status, body } = await answer;
  if (!statuses.includes(status))
    throw new Error(`wazo-auth refused to ${what}: ${status} ${JSON.stringify(body)}`);
  return body;
}
