/**
 * A real HTTP server on port 0 that answers like wazo-auth's token API (GET/HEAD/POST /0.1/token)
 * and its tenant list (GET /0.1/tenants), for tests of the verifier, the service token renewer and
 * daemons that ask for sub-tenants. It counts calls and can be told to fail, stall or disappear.
 */
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeToken {
  token: string;
  auth_id: string;
  session_uuid: string;
  acl: string[];
  expiresAt: number;
  metadata: Record<string, unknown>;
  /** Tenants HEAD ?tenant= accepts besides metadata.tenant_uuid. */
  subtenants: string[];
}

/** A tenant of the fake's tree; a tenant whose parent is itself (or absent) is a root. */
export interface FakeTenant {
  uuid: string;
  slug?: string | null;
  name?: string | null;
  parent_uuid?: string;
}

export interface FakeWazoAuth {
  readonly port: number;
  readonly calls: { get: number; head: number; post: number; tenants: number };
  /** Last Authorization header and JSON body of POST /0.1/token. */
  readonly lastPost: { authorization: string | undefined; body: unknown };
  addToken(partial?: Partial<FakeToken>): FakeToken;
  removeToken(token: string): void;
  /** Replaces the tenant tree GET /0.1/tenants answers from (empty at start). */
  setTenants(tenants: FakeTenant[]): void;
  /** Accepted Basic credentials for POST /0.1/token. */
  setCredentials(username: string, password: string): void;
  /** Status answered to every request instead of the normal one (null: normal again). */
  failWith(status: number | null): void;
  /** Keeps every request unanswered from now on (a slow or hung wazo-auth) until `release`. */
  hold(): void;
  /** Answers the held requests and stops holding. */
  release(): void;
  close(): Promise<void>;
}

/** wazo-auth's `%Y-%m-%dT%H:%M:%S.%f` in UTC. */
export function formatWazoUtc(epochMs: number): string {
  return `${new Date(epochMs).toISOString().slice(0, 23)}000`;
}

export function tokenDocument(t: FakeToken, issuedAt = Date.now()): Record<string, unknown> {
  return {
    token: t.token,
    auth_id: t.auth_id,
    session_uuid: t.session_uuid,
    acl: t.acl,
    metadata: t.metadata,
    xivo_user_uuid: null,
    utc_issued_at: formatWazoUtc(issuedAt),
    utc_expires_at: formatWazoUtc(t.expiresAt),
  };
}

export async function startFakeWazoAuth(options: { prefix?: string } = {}): Promise<FakeWazoAuth> {
  const prefix = options.prefix ?? '';
  const tokens = new Map<string, FakeToken>();
  const calls = { get: 0, head: 0, post: 0, tenants: 0 };
  let tenants: FakeTenant[] = [];
  const lastPost: { authorization: string | undefined; body: unknown } = {
    authorization: undefined,
    body: undefined,
  };
  let credentials = '';
  let failure: number | null = null;
  // Answers waiting for release(); null when requests are answered at once.
  let held: (() => void)[] | null = null;

  function addToken(partial: Partial<FakeToken> = {}): FakeToken {
    const t: FakeToken = {
      token: randomUUID(),
      auth_id: randomUUID(),
      session_uuid: randomUUID(),
      acl: [],
      expiresAt: Date.now() + 3_600_000,
      metadata: { tenant_uuid: 'tenant-1' },
      subtenants: [],
      ...partial,
    };
    tokens.set(t.token, t);
    return t;
  }

  function answerToken(method: string, url: URL, res: http.ServerResponse): void {
    const t = tokens.get(decodeURIComponent(url.pathname.slice(`${prefix}/0.1/token/`.length)));
    const live = t !== undefined && t.expiresAt > Date.now();
    if (!live)
      return void res.writeHead(404).end(method === 'HEAD' ? undefined : '{"reason":["No such token"]}');
    const tenant = url.searchParams.get('tenant');
    if (tenant && tenant !== t.metadata.tenant_uuid && !t.subtenants.includes(tenant))
      return void res.writeHead(403).end();
    if (method === 'HEAD') return void res.writeHead(204).end();
    res
      .writeHead(200, { 'content-type': 'application/json' })
      .end(JSON.stringify({ data: tokenDocument(t) }));
  }

  /** The tenant and its descendants, as wazo-auth lists the tenants a token sees below `Wazo-Tenant`. */
  function subtree(root: string): FakeTenant[] {
    const found = tenants.filter((t) => t.uuid === root);
    for (let i = 0; i < found.length; i += 1) {
      const parent = found[i]!.uuid;
      found.push(...tenants.filter((t) => t.parent_uuid === parent && t.uuid !== parent));
    }
    return found;
  }

  function answerTenants(req: http.IncomingMessage, res: http.ServerResponse): void {
    calls.tenants += 1;
    const t = tokens.get(String(req.headers['x-auth-token'] ?? ''));
    if (t === undefined || t.expiresAt <= Date.now()) return void res.writeHead(401).end('{}');
    const own = String(t.metadata.tenant_uuid);
    const requested = String(req.headers['wazo-tenant'] ?? own);
    if (requested !== own && !t.subtenants.includes(requested)) return void res.writeHead(401).end('{}');
    const items = subtree(requested).map((x) => ({
      uuid: x.uuid,
      slug: x.slug ?? null,
      name: x.name ?? null,
      parent_uuid: x.parent_uuid ?? x.uuid,
    }));
    res
      .writeHead(200, { 'content-type': 'application/json' })
      .end(JSON.stringify({ items, total: items.length, filtered: items.length }));
  }

  function answerPost(req: http.IncomingMessage, body: string, res: http.ServerResponse): void {
    lastPost.authorization = req.headers.authorization;
    lastPost.body = body ? JSON.parse(body) : undefined;
    if (req.headers.authorization !== `Basic ${credentials}`) {
      return void res.writeHead(401).end('{"reason":["Authentication Failed"]}');
    }
    const expiration = (lastPost.body as { expiration?: number } | undefined)?.expiration ?? 7200;
    const t = addToken({
      auth_id: 'service',
      metadata: { tenant_uuid: 'master-tenant' },
      expiresAt: Date.now() + expiration * 1000,
    });
    res
      .writeHead(200, { 'content-type': 'application/json' })
      .end(JSON.stringify({ data: tokenDocument(t) }));
  }

  function route(req: http.IncomingMessage, body: string, res: http.ServerResponse): void {
    const url = new URL(req.url ?? '/', 'http://fake');
    if (req.method === 'GET') calls.get += 1;
    if (req.method === 'HEAD') calls.head += 1;
    if (req.method === 'POST') calls.post += 1;
    if (failure !== null) res.writeHead(failure).end();
    else if (req.method === 'POST' && url.pathname === `${prefix}/0.1/token`) answerPost(req, body, res);
    else if (url.pathname.startsWith(`${prefix}/0.1/token/`)) answerToken(req.method ?? '', url, res);
    else if (req.method === 'GET' && url.pathname === `${prefix}/0.1/tenants`) answerTenants(req, res);
    else res.writeHead(404).end();
  }

  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => {
      body += chunk.toString('utf8');
    });
    req.on('end', () => {
      const answer = () => route(req, body, res);
      if (held) held.push(answer);
      else answer();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));

  return {
    port: (server.address() as AddressInfo).port,
    calls,
    lastPost,
    addToken,
    removeToken: (token) => void tokens.delete(token),
    setTenants: (list) => {
      tenants = [...list];
    },
    setCredentials: (username, password) => {
      credentials = Buffer.from(`${username}:${password}`).toString('base64');
    },
    failWith: (status) => {
      failure = status;
    },
    hold: () => {
      held ??= [];
    },
    release: () => {
      const answers = held ?? [];
      held = null;
      for (const answer of answers) answer();
    },
    close: () =>
      new Promise<void>((resolve) => {
        held = null;
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
