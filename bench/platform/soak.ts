/**
 * The soak of stack.bench.ts: mixed load on a spawned platform while its resident memory is
 * sampled, then a rest, so growth that does not come back shows.
 */
import type { Client } from './client.js';
import { ownRssKb } from './process.js';
import { type Endpoints, operations } from './stack-phases.js';

type Op = (i: number) => Promise<unknown>;

const mb = async (pid: number) => Math.round((await ownRssKb(pid)) / 1024);

export interface SoakInput {
  client: Client;
  endpoints: Endpoints;
  token: string;
  pid: number;
  soakMs: number;
  item: string;
}

/**
 * Mixed load for `soakMs` (token checks, item reads, pages, creates each followed by its delete so
 * the database keeps its size), the process's RSS sampled every 5 s, then 15 s of rest: memory that
 * grows under load and does not come back is a leak.
 */
export async function soak(input: SoakInput): Promise<Record<string, number>> {
  const { client, endpoints: at, token, pid } = input;
  const op = operations(client, token);
  const viaGateway = `${at.gateway}/api/confd`;
  const create = op.create(viaGateway);
  const work: Op[] = [
    op.head(`${at.auth}/0.1/token/${token}?scope=confd.users.read`),
    op.get(`${at.confd}${input.item}`),
    op.get(`${viaGateway}/1.1/users?limit=100&offset=100`),
    async (i) => op.remove(viaGateway, (JSON.parse((await create(i)) as string) as { uuid: string }).uuid),
  ];
  const samples: number[] = [await mb(pid)];
  const deadline = performance.now() + input.soakMs;
  let next = 2_000_000;
  const loop = async (k: number) => {
    while (performance.now() < deadline) await work[k % work.length]!(next++);
  };
  const sampler = setInterval(() => void mb(pid).then((v) => samples.push(v)), 5000);
  await Promise.all(Array.from({ length: 16 }, (_, k) => loop(k)));
  clearInterval(sampler);
  samples.push(await mb(pid));
  await new Promise((r) => setTimeout(r, 15_000));
  const quarter = samples[Math.floor(samples.length / 4)] ?? samples[0]!;
  return {
    soak_start: samples[0]!,
    soak_quarter: quarter,
    soak_peak: Math.max(...samples),
    soak_end: samples.at(-1)!,
    settled_15s: await mb(pid),
  };
}
