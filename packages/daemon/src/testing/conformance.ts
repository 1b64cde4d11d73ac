/**
 * The Wazo daemon definition, as tests. `describeConformance` takes a daemon's entry module and
 * proves, on a real child process, each point of the definition a test can prove: HTTPS with a
 * given certificate, CORS preflights, an ACL or an explicit `public` on every route, 401 without a
 * token and with a token lacking the ACL, the log file at the configured level, the config layers,
 * privileges dropped, `/status`, and a clean SIGTERM. Every daemon's test suite runs it.
 */
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parse } from 'yaml';
import {
  type ConformanceContext,
  type ConformanceOptions,
  startConformanceContext,
} from './conformance-context.js';
import { runDaemonToExit, startDaemonProcess } from './daemon-process.js';
import { call, freePort } from './http-client.js';
import { undocumentedAnswers } from './openapi-coverage.js';

export type { ConformanceOptions } from './conformance-context.js';

type OpenApi = {
  paths: Record<string, Record<string, { 'x-wazo-acl'?: string; 'x-wazo-public'?: boolean }>>;
};

async function waitUntil(predicate: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error('condition not reached in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function fillPath(path: string): string {
  return path.replace(/\{[^}]+\}/g, '00000000-0000-4000-8000-000000000000');
}

export function describeConformance(options: ConformanceOptions): void {
  const prefix = `/${options.apiVersion}`;
  describe(`wazo-${options.name} meets the Wazo daemon definition`, () => {
    let ctx: ConformanceContext;
    before(async () => {
      ctx = await startConformanceContext(options);
    });
    after(async () => ctx?.close());

    it('when called over HTTPS with the configured certificate, then it answers', async () => {
      assert.match(ctx.daemon.url, /^https:/);
      // A required service token is created in the background once serving: /status may say 503
      // for the moment that takes.
      let res = await call(`${ctx.daemon.url}${prefix}/status`, { method: 'HEAD', ca: ctx.certificate.pem });
      for (let i = 0; i < 50 && res.status === 503; i += 1) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        res = await call(`${ctx.daemon.url}${prefix}/status`, { method: 'HEAD', ca: ctx.certificate.pem });
      }
      assert.equal(res.status, 200);
    });

    it('when a browser sends a CORS preflight, then it is allowed with Wazo headers', async () => {
      const res = await call(`${ctx.daemon.url}${prefix}/status`, {
        method: 'OPTIONS',
        ca: ctx.certificate.pem,
        headers: {
          origin: 'https://softphone.example.com',
          'access-control-request-method': 'GET',
          'access-control-request-headers': 'x-auth-token,wazo-tenant,content-type',
        },
      });
      assert.equal(res.status, 204);
      assert.ok(res.headers['access-control-allow-origin']);
      const allowed = String(res.headers['access-control-allow-headers']).toLowerCase();
      for (const header of ['x-auth-token', 'wazo-tenant', 'content-type'])
        assert.ok(allowed.includes(header), header);
    });

    it('when the OpenAPI document is read, then every operation declares an ACL or is public', async () => {
      const res = await call(`${ctx.daemon.url}${prefix}/api/api.yml`, { ca: ctx.certificate.pem });
      assert.equal(res.status, 200);
      const document = parse(res.text) as OpenApi;
      const operations = Object.entries(document.paths).flatMap(([path, ops]) =>
        Object.entries(ops).map(([method, op]) => ({ path, method, op })),
      );
      assert.ok(operations.length > 0, 'the document lists operations');
      for (const { path, method, op } of operations) {
        assert.ok(
          op['x-wazo-acl'] || op['x-wazo-public'],
          `${method.toUpperCase()} ${path} declares its access`,
        );
      }
      // Every answer declared: serialised through its schema (no field leaks) and documented.
      assert.deepEqual(undocumentedAnswers(res.text), [], 'every operation declares its answers');
      ctx.operations = operations.map(({ path, method, op }) => ({ path, method, acl: op['x-wazo-acl'] }));
    });

    it('when a protected route is called without a token or without its ACL, then it answers 401', async () => {
      const weak = await ctx.tokenFor(['nothing.useful']);
      const guarded = ctx.operations.filter((op) => op.acl);
      assert.ok(guarded.length > 0);
      for (const op of guarded) {
        const url = `${ctx.daemon.url}${fillPath(op.path)}`;
        const method = op.method.toUpperCase();
        const body = ['POST', 'PUT', 'PATCH'].includes(method) ? {} : undefined;
        const anonymous = await call(url, { method, body, ca: ctx.certificate.pem });
        assert.equal(anonymous.status, 401, `${method} ${op.path} without a token`);
        const lacking = await call(url, {
          method,
          body,
          ca: ctx.certificate.pem,
          headers: { 'x-auth-token': weak },
        });
        assert.equal(lacking.status, 401, `${method} ${op.path} with a token lacking ${op.acl}`);
      }
    });

    it('when asked with the status ACL, then /status reports its components', async () => {
      const token = await ctx.tokenFor([`${options.name}.status.read`]);
      const res = await call(`${ctx.daemon.url}${prefix}/status`, {
        ca: ctx.certificate.pem,
        headers: { 'x-auth-token': token },
      });
      assert.equal(res.status, 200);
      assert.equal(typeof res.json(), 'object');
    });

    it('when config comes from file, conf.d, environment and command line, then the layers apply in order', async () => {
      const token = await ctx.tokenFor([`${options.name}.config.read`]);
      const res = await call(`${ctx.daemon.url}${prefix}/config`, {
        ca: ctx.certificate.pem,
        headers: { 'x-auth-token': token },
      });
      assert.equal(res.status, 200);
      const config = res.json<Record<string, Record<string, unknown>>>();
      assert.equal(config.debug, true, 'command line -d wins');
      assert.equal(
        config.service_discovery?.advertise_address_interface,
        'from-conf-d',
        'conf.d beats the main file',
      );
      assert.equal(config.rest_api?.max_body_size, 2_000_000, 'environment beats conf.d');
      assert.equal(config.rest_api?.request_timeout, 30, 'main file beats defaults');
    });

    it('when running, then its own log file holds lines at the configured level', async () => {
      const lines = await ctx.logLines();
      assert.ok(lines.length > 0, 'the log file is written');
      assert.ok(
        lines.some((l) => l.level === 20),
        'debug lines are written when debug is on',
      );
      assert.ok(lines.every((l) => l.daemon === `wazo-${options.name}`));
      assert.ok(!(await ctx.logText()).includes(ctx.lastToken), 'tokens never appear in clear');
    });

    it('when log_level is warning, then info and debug lines stay out of the log file', async () => {
      const quietLog = join(ctx.dir, 'quiet.log');
      const port = await freePort();
      const file = await ctx.writeConfig('quiet.yml', {
        log_level: 'warning',
        log_filename: quietLog,
        rest_api: { ...ctx.restApi, port },
      });
      // At warning level the "ready" line is not logged: wait for the port to answer instead.
      const quiet = await startDaemonProcess({
        entry: options.entry,
        args: ['-c', file],
        pollUrl: { url: `https://127.0.0.1:${port}${prefix}/status`, ca: ctx.certificate.pem },
      });
      try {
        await call(`${quiet.url}${prefix}/status`, { method: 'HEAD', ca: ctx.certificate.pem });
      } finally {
        assert.equal(await quiet.stop('SIGTERM'), 0);
      }
      const levels = (await readFile(quietLog, 'utf8'))
        .split('\n')
        .filter(Boolean)
        .map((line) => (JSON.parse(line) as { level: number }).level);
      assert.ok(
        levels.every((level) => level >= 40),
        `levels written: ${levels.join(',')}`,
      );
    });

    it('when the config file is invalid, then it refuses to start and names the file, line and key', async () => {
      const bad = join(ctx.dir, 'bad.yml');
      await writeFile(bad, 'rest_api:\n  port: not-a-port\n');
      const result = await runDaemonToExit({ entry: options.entry, args: ['-c', bad] });
      assert.notEqual(result.code, 0);
      assert.match(result.output, /bad\.yml:2:\d+/);
      assert.match(result.output, /rest_api\.port/);
    });

    it('when started as root without a user, then it refuses to run and says why', async (t) => {
      if (process.getuid?.() !== 0) return t.skip('the test runner is not root');
      const file = await ctx.writeConfig('rootless.yml', { user: null });
      const result = await runDaemonToExit({ entry: options.entry, args: ['-c', file] });
      assert.notEqual(result.code, 0);
      assert.match(result.output, /root/);
    });

    it('when started as root with a user, then it runs without system privileges', async (t) => {
      if (process.getuid?.() !== 0) return t.skip('the test runner is not root: nothing to drop');
      const uids = await ctx.processUids();
      assert.ok(
        uids.every((uid) => uid === ctx.unprivilegedUid),
        `uids ${uids.join(',')}`,
      );
    });

    it('when service discovery is enabled, then it registers in Consul and passes its TTL check', async () => {
      await waitUntil(
        () => ctx.consul.services.size > 0 && ctx.consul.callsTo('/v1/agent/check/pass/').length > 0,
      );
      const [service] = [...ctx.consul.services.values()];
      assert.equal(service?.definition.Name, `wazo-${options.name}`);
      assert.ok(service?.definition.Tags?.includes(`wazo-${options.name}`));
      assert.equal(service?.status, 'passing');
    });

    it('when sent SIGTERM, then it deregisters, drains, stops and exits 0', async () => {
      const code = await ctx.daemon.stop('SIGTERM');
      assert.equal(code, 0, ctx.daemon.output());
      assert.ok((await ctx.logText()).includes('stopped'));
      assert.equal(ctx.consul.services.size, 0, 'deregistered from Consul');
    });
  });
}
