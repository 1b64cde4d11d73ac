/**
 * ACL matcher throughput against a baseline run in the same process: a bare string-equality scan of
 * the same ACL (`acl.includes(required)`), the cheapest check that could exist. Reports checks per
 * second and the ratio, so the figure holds on a noisy machine.
 *
 *   node --import tsx bench/acl.bench.ts
 */
import { compileAcl } from '../packages/daemon/src/acl/index.js';

const identity = {
  authId: '3a1f6c1e-9a53-4a29-9d6b-2c3e6f1f0a11',
  sessionUuid: 'b7c1d2e3-0000-4000-8000-000000000001',
};
const services = [
  'confd',
  'calld',
  'chatd',
  'dird',
  'webhookd',
  'agentd',
  'amid',
  'call-logd',
  'plugind',
  'provd',
];
const resources = ['users', 'lines', 'groups', 'contexts', 'extensions', 'queues', 'trunks', 'voicemails'];
const verbs = ['read', 'create', 'update', 'delete'];

// A user token: many specific entries with `me`, a few patterns, one negative entry.
const userAcl = [
  ...services.flatMap((s) => resources.flatMap((r) => verbs.map((v) => `${s}.${r}.me.${v}`))),
  'websocketd',
  'chatd.users.me.rooms.*.messages.#',
  'calld.users.me.#',
  '!confd.users.me.delete',
];
// An admin-like token: literal entries and per-service patterns.
const adminAcl = [
  ...services.map((s) => `${s}.#`),
  ...resources.map((r) => `auth.${r}.*.read`),
  '!auth.tenants.*.delete',
];

const required = [
  'confd.users.3a1f6c1e-9a53-4a29-9d6b-2c3e6f1f0a11.read',
  'calld.users.me.calls.read',
  'chatd.users.me.rooms.42.messages.create',
  'confd.users.me.delete',
  'dird.directories.lookup.default.read',
  'auth.users.abc.read',
  'webhookd.subscriptions.read',
  'provd.devices.x.update',
];

function rate(run: () => number, ms = 400): number {
  run();
  let count = 0;
  const end = performance.now() + ms;
  const started = performance.now();
  while (performance.now() < end) count += run();
  return count / ((performance.now() - started) / 1000);
}

function bench(name: string, acl: string[]): void {
  const matcher = compileAcl(acl, identity);
  let sink = 0;
  const batch = (check: (r: string) => boolean) => () => {
    for (let i = 0; i < 1000; i += 1) if (check(required[i % required.length]!)) sink += 1;
    return 1000;
  };
  const baseline = rate(batch((r) => acl.includes(r)));
  const compiled = rate(batch((r) => matcher.matches(r)));
  const compiles = rate(() => (compileAcl(acl, identity) ? 1 : 0));
  // Compile baseline: splitting every entry and filling a Set, the least any compilation does.
  const splits = rate(() => new Set(acl.map((entry) => entry.split('.').join('.'))).size / acl.length);
  const fmt = (n: number) => `${Math.round(n).toLocaleString('en')}/s`;
  console.log(
    `${name} (${acl.length} entries): checks: matcher ${fmt(compiled)}, string-equality scan ${fmt(baseline)}, ` +
      `ratio ${(compiled / baseline).toFixed(2)}; compiles: ${fmt(compiles)}, split+Set baseline ${fmt(splits)}, ` +
      `ratio ${(compiles / splits).toFixed(2)}${sink < 0 ? '' : ''}`,
  );
}

bench('user token', userAcl);
bench('admin token', adminAcl);
