/**
 * The phases of stack.bench.ts, against a spawned platform: each a pair of closed loops measured
 * in alternating slices (bench/confd/load.ts), and the memory samples of the soak.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import pg from 'pg';
import { parse } from 'yaml';
import type { Load, Measured } from '../confd/load.js';
import type { Client } from './client.js';
import { ownRssKb } from './process.js';

export const USERS = 10_000;

export interface Endpoints {
  /** The platform's HTTPS gateway. */
  gateway: string;
  /** wazo-auth's and wazo-confd's own ports, behind the gateway. */
  auth: string;
  confd: string;
  /** A bare Fastify HEAD route in a process of its own. */
  bare: string;
}

export interface Row {
  ourLabel: string;
  ours: Measured;
  baseLabel: string;
  base: Measured;
}

type Op = (i: number) => Promise<unknown>;

const mb = async (pid: number) => Math.round((await ownRssKb(pid)) / 1024);

async function login(client: Client, gateway: string, admin: { username: string; password: string }) {
  const basic = Buffer.from(`${admin.username}:${admin.password}`).toString('base64');
  const body = await client.call(`${gateway}/api/auth/0.1/token`, {
    method: 'POST',
    headers: { authorization: `Basic ${basic}`, 'content-type': 'application/json' },
    body: JSON.stringify({ expiration: 36_000 }),
    expect: 200,
  });
  return (JSON.parse(body) as { data: { token: string } }).data.token;
}

export function operations(client: Client, token: string) {
  const headers = { 'x-auth-token': token };
  const json = { ...headers, 'content-type': 'application/json' };
  let created = 0;
  return {
    created: () => created,
    head:
      (url: string): Op =>
      () =>
        client.call(url, { method: 'HEAD', expect: 204 }),
    get:
      (url: string): Op =>
      () =>
        client.call(url, { headers, expect: 200 }),
    create:
      (confd: string): Op =>
      async (i) => {
        const body = JSON.stringify({ firstname: `Bench${i}`, lastname: `Zz${i}` });
        const answer = await client.call(`${confd}/1.1/users`, {
          method: 'POST',
          headers: json,
          body,
          expect: 201,
        });
        created += 1;
        return answer;
      },
    remove: (confd: string, uuid: string) =>
      client.call(`${confd}/1.1/users/${uuid}`, { method: 'DELETE', headers, expect: 204 }),
  };
}

/**
 * The `user_created` events confd recorded in its outbox and the relay published, read with the
 * database address confd was given (its generated config.yml in the data folder).
 */
export async function publishedUserEvents(dataDir: string): Promise<number> {
  const config = parse(await readFile(join(dataDir, 'etc', 'wazo-confd', 'config.yml'), 'utf8'));
  const client = new pg.Client({ connectionString: (config as { db_uri: string }).db_uri });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: string }>(
      "SELECT count(*) AS n FROM bus_outbox WHERE name = 'user_created' AND sent_at IS NOT NULL",
    );
    return Number(rows[0]!.n);
  } finally {
    await client.end();
  }
}

export interface PhaseInput {
  dataDir: string;
  client: Client;
  endpoints: Endpoints;
  admin: { username: string; password: string };
  load: Load;
  durationMs: number;
  pid: number;
}

export async function runPhases(input: PhaseInput) {
  const { client, endpoints: at, load, durationMs, pid } = input;
  const token = await login(client, at.gateway, input.admin);
  const memory: Record<string, number> = { idle: await mb(pid) };
  const op = operations(client, token);
  const check = `/0.1/token/${token}?scope=confd.users.read`;
  const viaGateway = { auth: `${at.gateway}/api/auth`, confd: `${at.gateway}/api/confd` };
  const rows: Record<string, Row> = {};
  // The first phase meets a process fresh from its start: the code paths of a request not yet
  // optimised by V8, the start's garbage not yet collected. Its warm-up is longer than the others'.
  let warmupMs = Number(process.env.BENCH_FIRST_WARMUP_MS ?? 5000);
  const pair = async (name: string, labels: [string, string], ours: Op, base: Op, concurrency: number) => {
    const measured = await load.compare(ours, base, { concurrency, durationMs, warmupMs });
    warmupMs = 300;
    rows[name] = { ourLabel: labels[0], ours: measured.ours, baseLabel: labels[1], base: measured.bare };
  };
  await pair(
    'check c32',
    ['auth HEAD token', 'bare HEAD'],
    op.head(at.auth + check),
    op.head(at.bare + check),
    32,
  );
  await pair(
    'hop check c32',
    ['via gateway', 'auth direct'],
    op.head(viaGateway.auth + check),
    op.head(at.auth + check),
    32,
  );
  await pair(
    'hop create c16',
    ['via gateway', 'confd direct'],
    op.create(viaGateway.confd),
    op.create(at.confd),
    16,
  );
  await fillUsers(op.create(viaGateway.confd), op.created);
  memory.after_creates = await mb(pid);
  // Every create's event went through the outbox: a create answered without it would look faster.
  const events = await publishedUserEvents(input.dataDir);
  if (events < op.created()) throw new Error(`${op.created()} users created, ${events} user_created sent`);
  const page = JSON.parse((await op.get(`${at.confd}/1.1/users?limit=1&offset=${USERS / 2}`)(0)) as string);
  const item = `/1.1/users/${(page as { items: { uuid: string }[] }).items[0]!.uuid}`;
  await pair(
    'hop item c32',
    ['via gateway', 'confd direct'],
    op.get(viaGateway.confd + item),
    op.get(at.confd + item),
    32,
  );
  const deep = `/1.1/users?limit=100&offset=${USERS / 2}`;
  await pair(
    'hop o5000 c32',
    ['via gateway', 'confd direct'],
    op.get(viaGateway.confd + deep),
    op.get(at.confd + deep),
    32,
  );
  return { token, rows, memory, item, created: op.created(), events };
}

/** POST /users at 16 loops until USERS users were created in all. */
async function fillUsers(create: Op, created: () => number): Promise<void> {
  let next = 1_000_000;
  const loop = async () => {
    while (created() < USERS) await create(next++);
  };
  await Promise.all(Array.from({ length: 16 }, loop));
}
