import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import pino from 'pino';
import type { BaseConfig } from '../config/schema.js';
import { createStatusAggregator } from '../status/status.js';
import { PluginLoadError } from './errors.js';
import { type LoadPluginsOptions, loadPlugins } from './loader.js';
import type { DaemonBus, DaemonPlugin } from './types.js';

type Resources = { loaded: string[] };
const fixtures = join(import.meta.dirname, 'fixtures');

function builtIn(name: string, load?: () => void): DaemonPlugin<BaseConfig, Resources> {
  return {
    name,
    load: ({ resources }) => {
      load?.();
      resources.loaded.push(name);
    },
  };
}

function setup(overrides: Partial<LoadPluginsOptions<BaseConfig, Resources>> = {}) {
  const lines: Record<string, unknown>[] = [];
  const logger = pino({ level: 'debug' }, { write: (l: string) => void lines.push(JSON.parse(l)) });
  const status = createStatusAggregator();
  const resources: Resources = { loaded: [] };
  const options: LoadPluginsOptions<BaseConfig, Resources> = {
    sources: [],
    enabled: {},
    policy: 'abort',
    baseDir: fixtures,
    logger,
    status,
    dependencies: {
      daemon: 'test',
      config: {} as BaseConfig,
      api: {} as FastifyInstance,
      lifecycle: { onStart: () => {}, onStop: () => {} },
      bus: {} as DaemonBus,
      serviceToken: null,
      resources,
    },
    ...overrides,
  };
  return { options, lines, status, resources, run: () => loadPlugins(options) };
}

function pluginStatus(status: ReturnType<typeof createStatusAggregator>): Record<string, unknown> {
  return status.report().plugins as Record<string, unknown>;
}

describe('loadPlugins', () => {
  it('when built-in plugins are not disabled, then they load in definition order and report ok', async () => {
    const t = setup({
      sources: [builtIn('users'), builtIn('groups'), builtIn('lines')],
      enabled: { groups: false },
    });
    const result = await t.run();
    assert.deepEqual(result, { loaded: ['users', 'lines'], failures: [] });
    assert.deepEqual(t.resources.loaded, ['users', 'lines']);
    assert.deepEqual(pluginStatus(t.status), { users: { status: 'ok' }, lines: { status: 'ok' } });
    assert.equal(t.status.healthy(), true);
  });

  it('when external file plugins are enabled, then they load after built-ins, sorted by name', async () => {
    const t = setup({
      sources: [builtIn('users')],
      enabled: { zeta: true, './named-plugin.ts': true, off: false },
      modules: { zeta: './hello-plugin.ts', off: './failing-plugin.ts', unlisted: './failing-plugin.ts' },
    });
    const result = await t.run();
    // The specifier key sorts before `zeta`; it is then known by the plugin's own name.
    assert.deepEqual(result.loaded, ['users', 'named', 'zeta']);
    assert.deepEqual(t.resources.loaded, ['users', 'named', 'hello']);
    assert.deepEqual(pluginStatus(t.status).zeta, { status: 'ok', greetings: 0 });
    const hello = t.lines.find((l) => l.msg === 'hello loaded');
    assert.equal(hello?.plugin, 'zeta');
  });

  it('when an npm package is enabled by its name, then it is found from the config folder', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wazo-plugins-'));
    after(() => rmSync(dir, { recursive: true, force: true }));
    const pkg = join(dir, 'node_modules', '@acme', 'wazo-test-greeter');
    mkdirSync(pkg, { recursive: true });
    writeFileSync(
      join(pkg, 'package.json'),
      JSON.stringify({ name: '@acme/wazo-test-greeter', type: 'module', exports: { '.': './index.js' } }),
    );
    writeFileSync(
      join(pkg, 'index.js'),
      "export const plugin = { name: 'greeter', load: ({ resources }) => resources.loaded.push('greeter') };\n",
    );
    const t = setup({ enabled: { '@acme/wazo-test-greeter': true }, baseDir: dir });
    assert.deepEqual((await t.run()).loaded, ['greeter']);
    assert.deepEqual(pluginStatus(t.status), { greeter: { status: 'ok' } });
  });

  it('when a module exports no valid plugin, then the error names the module', async () => {
    const t = setup({ enabled: { odd: true }, modules: { odd: './no-plugin.ts' } });
    await assert.rejects(t.run(), (err: unknown) => {
      assert.ok(err instanceof PluginLoadError);
      assert.equal(err.plugin, 'odd');
      assert.match(err.message, /plugin "odd" failed to load: module "\.\/no-plugin\.ts" exports no plugin/);
      return true;
    });
  });

  it('when a plugin fails under abort, then loading stops with a PluginLoadError naming it and its cause', async () => {
    const t = setup({
      sources: [
        builtIn('users'),
        builtIn('broken', () => {
          throw new Error('no table');
        }),
        builtIn('lines'),
      ],
    });
    await assert.rejects(t.run(), (err: unknown) => {
      assert.ok(err instanceof PluginLoadError);
      assert.equal(err.message, 'plugin "broken" failed to load: no table');
      assert.equal((err.cause as Error).message, 'no table');
      return true;
    });
    assert.deepEqual(t.resources.loaded, ['users']);
    assert.deepEqual(pluginStatus(t.status).broken, { status: 'fail', reason: 'no table' });
  });

  it('when plugins fail under degrade, then they are logged and reported and the others load', async () => {
    const t = setup({
      policy: 'degrade',
      sources: [builtIn('users'), './failing-plugin.ts'],
      enabled: { 'wazo-no-such-plugin': true },
    });
    const result = await t.run();
    assert.deepEqual(result.loaded, ['users']);
    assert.deepEqual(
      result.failures.map((f) => [f.name, f.reason]),
      [
        ['failing', 'database unreachable'],
        ['wazo-no-such-plugin', `cannot find package "wazo-no-such-plugin" (from the daemon or ${fixtures})`],
      ],
    );
    assert.deepEqual(pluginStatus(t.status).failing, { status: 'fail', reason: 'database unreachable' });
    assert.equal(t.status.healthy(), false);
    const logged = t.lines.filter((l) => l.level === 50).map((l) => l.plugin);
    assert.deepEqual(logged, ['failing', 'wazo-no-such-plugin']);
  });

  it('when two plugins share a name, then the second is a load failure', async () => {
    const t = setup({ policy: 'degrade', sources: [builtIn('users'), builtIn('users')] });
    const result = await t.run();
    assert.deepEqual(result.loaded, ['users']);
    assert.match(result.failures[0]?.reason ?? '', /already loaded/);
    assert.deepEqual(pluginStatus(t.status).users, { status: 'ok' });
  });
});
