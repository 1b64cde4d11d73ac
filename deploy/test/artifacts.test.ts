/**
 * No container engine runs here, so the deployment files are checked against the repository:
 * every path they copy or mount exists, every image target and command is real, the example
 * configs load through each daemon's own schema (with the compose overrides and environment),
 * and the ports, users and key files they name agree with each other and with the daemons.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { authDaemon } from '@wazo-ts/auth';
import { confdDaemon } from '@wazo-ts/confd';
import { type DaemonDefinition, loadConfig } from '@wazo-ts/daemon';
import { dirdDaemon } from '@wazo-ts/dird';
import { websocketdDaemon } from '@wazo-ts/websocketd';
import { parse } from 'yaml';
import { REPO_ROOT } from './support/commands.js';
import { parseDockerfile } from './support/dockerfile.js';

const at = (path: string) => join(REPO_ROOT, path);
const read = (path: string) => readFileSync(at(path), 'utf8');
// biome-ignore lint/suspicious/noExplicitAny: definitions differ only in their own config types
const DAEMONS: [string, DaemonDefinition<any, any>][] = [
  ['auth', authDaemon],
  ['confd', confdDaemon],
  ['websocketd', websocketdDaemon],
  ['dird', dirdDaemon],
];
const dockerfile = parseDockerfile(read('Dockerfile'));
const compose = parse(read('deploy/compose.yaml')) as {
  services: Record<
    string,
    Record<string, unknown> & { volumes?: string[]; environment?: Record<string, string> }
  >;
  volumes: Record<string, unknown>;
};
const envExample = Object.fromEntries(
  read('deploy/.env.example')
    .split('\n')
    .filter((l) => /^[A-Z_]+=/.test(l))
    .map((l) => l.split('=', 2) as [string, string]),
);
/** `!exec` commands of a config file see the process environment, as in the container. */
function withProcessEnv<T>(env: Record<string, string>, run: () => T): T {
  const saved = { ...process.env };
  Object.assign(process.env, env);
  try {
    return run();
  } finally {
    for (const key of Object.keys(env)) if (!(key in saved)) delete process.env[key];
    Object.assign(process.env, saved);
  }
}
const bins = (daemon: string) => Object.keys(JSON.parse(read(`daemons/${daemon}/package.json`)).bin);

describe('the Dockerfile', () => {
  it('when it copies from the build context, then every source exists and no workspace manifest is missing', () => {
    for (const source of dockerfile.contextSources) assert.ok(existsSync(at(source)), source);
    const workspaces = ['packages', 'daemons'].flatMap((d) =>
      spawnSync('ls', [at(d)], { encoding: 'utf8' })
        .stdout.trim()
        .split('\n')
        .map((w) => `${d}/${w}/package.json`),
    );
    for (const manifest of workspaces) assert.ok(dockerfile.contextSources.includes(manifest), manifest);
  });

  for (const [name, definition] of DAEMONS)
    it(`when the wazo-${name} target is built, then it runs its command as its own non-root user with a status health check`, () => {
      const stage = dockerfile.stage(`wazo-${name}`);
      assert.equal(stage.from, 'runtime');
      assert.equal(stage.user, `wazo-${name}`);
      assert.match(stage.run, new RegExp(`useradd .*--uid ${definition.defaultPort} .*wazo-${name}`, 's'));
      assert.deepEqual(stage.entrypoint, [`wazo-${name}`]);
      assert.ok(bins(name).includes(`wazo-${name}`));
      assert.equal(stage.expose, String(definition.defaultPort));
      assert.equal(
        stage.env.WAZO_STATUS_URL,
        `http://127.0.0.1:${definition.defaultPort}/${definition.apiVersion}/status`,
      );
      assert.ok(stage.healthcheck, 'HEALTHCHECK');
      assert.match(stage.run, new RegExp(`/var/log/wazo-${name}\\.log`));
    });

  it('when the images are built, then they start from node 20 on Debian bookworm slim', () => {
    assert.equal(dockerfile.args.NODE_IMAGE, 'node:20-bookworm-slim');
  });
});

describe('the compose file', () => {
  it('when a service builds an image, then its target is a Dockerfile stage', () => {
    for (const [name, service] of Object.entries(compose.services)) {
      const build = service.build as { context: string; target: string } | undefined;
      if (!build) continue;
      assert.equal(build.context, '..', name);
      dockerfile.stage(build.target);
    }
  });

  it('when a service mounts a file of the repository or a named volume, then it exists', () => {
    for (const [name, service] of Object.entries(compose.services))
      for (const volume of service.volumes ?? []) {
        const source = volume.split(':')[0]!;
        if (source.startsWith('.')) assert.ok(existsSync(join(at('deploy'), source)), `${name}: ${source}`);
        else assert.ok(source in compose.volumes, `${name}: volume ${source}`);
      }
  });

  it('when compose reads a variable, then deploy/.env.example sets it', () => {
    const used = [...read('deploy/compose.yaml').matchAll(/\$\{([A-Z_]+)/g)].map((m) => m[1]!);
    for (const variable of used) assert.ok(variable in envExample, variable);
  });

  it('when the bootstrap hands the key files over, then it gives each to the uid of the daemon reading it', () => {
    const command = String((compose.services['wazo-auth-bootstrap']!.command as string[])[0]);
    for (const [name, definition] of DAEMONS.filter(([n]) => n !== 'auth'))
      assert.match(
        command,
        new RegExp(`chown ${definition.defaultPort} /var/lib/wazo-auth-keys/wazo-${name}-key\\.yml`),
      );
  });

  it('when the gateway forwards a public path, then it reaches the compose service on the daemon port', () => {
    const nginx = read('deploy/nginx/wazo.conf');
    for (const [name, definition] of DAEMONS) {
      assert.ok(compose.services[`wazo-${name}`], name);
      assert.match(
        nginx,
        new RegExp(
          `location /api/${name}/ \\{\\s+proxy_pass http://wazo-${name}:${definition.defaultPort}/;`,
        ),
      );
    }
  });
});

describe('the example configs', () => {
  for (const [name, definition] of DAEMONS)
    it(`when wazo-${name} loads its example config with the compose overrides and environment, then it is valid`, () => {
      const service = compose.services[`wazo-${name}`]!;
      const env = Object.fromEntries(
        Object.entries(service.environment ?? {}).map(([k, v]) => [
          k,
          String(v).replace(/\$\{([A-Z_]+)[^}]*\}/g, (_, variable: string) => envExample[variable] ?? ''),
        ]),
      );
      const extra = {
        [`WAZO_${name.toUpperCase()}__EXTRA_CONFIG_FILES`]: at(`deploy/compose/wazo-${name}/conf.d`),
      };
      const { config } = withProcessEnv(env, () =>
        loadConfig(definition, {
          argv: ['-c', at(`deploy/etc/wazo-${name}/config.yml`)],
          env: { ...env, ...extra },
        }),
      );
      assert.equal(config.user, `wazo-${name}`);
      assert.equal(config.rest_api.port, definition.defaultPort);
      assert.equal(config.consul.host, 'consul');
      assert.equal(config.bus.password, envExample.RABBITMQ_PASSWORD);
      // nginx, by its fixed address, is the only proxy believed; loopback is no proxy inside a container.
      const nginx = (compose.services.nginx as { networks: { default: { ipv4_address: string } } }).networks;
      assert.deepEqual(config.rest_api.trusted_proxies, [nginx.default.ipv4_address]);
      if ('db_uri' in config && name !== 'websocketd')
        assert.match(
          String(config.db_uri),
          new RegExp(`:${envExample[`WAZO_${name.toUpperCase()}_DB_PASSWORD`]}@postgres/wazo_${name}$`),
        );
    });

  it('when wazo-auth writes the service keys, then each lands where its daemon reads it', () => {
    const auth = parse(read('deploy/etc/wazo-auth/config.yml')) as {
      service_accounts: Record<string, { key_file: string }>;
    };
    for (const [name] of DAEMONS.filter(([n]) => n !== 'auth')) {
      const daemon = parse(read(`deploy/etc/wazo-${name}/config.yml`)) as { auth: { key_file: string } };
      assert.equal(auth.service_accounts[`wazo-${name}`]?.key_file, daemon.auth.key_file);
    }
  });
});

describe('the systemd units and logrotate snippets', () => {
  for (const [name] of DAEMONS)
    it(`when wazo-${name}.service is checked, then it runs the daemon's command and systemd accepts it`, (t) => {
      const unit = read(`deploy/systemd/wazo-${name}.service`);
      assert.match(
        unit,
        new RegExp(
          `^ExecStart=/opt/wazo-ts/node_modules/\\.bin/wazo-${name} -c /etc/wazo-${name}/config\\.yml$`,
          'm',
        ),
      );
      assert.match(unit, /^Restart=on-failure$/m);
      assert.match(
        read(`deploy/logrotate/wazo-${name}`),
        new RegExp(`create 0640 wazo-${name} wazo-${name}`),
      );
      if (spawnSync('systemd-analyze', ['--version']).status !== 0)
        return t.skip('systemd-analyze is not installed');
      // Verified against this checkout's command, where /opt/wazo-ts would hold the install.
      const dir = mkdtempSync(join(tmpdir(), 'wazo-units-'));
      try {
        const file = join(dir, `wazo-${name}.service`);
        writeFileSync(file, unit.replaceAll('/opt/wazo-ts', REPO_ROOT));
        const result = spawnSync('systemd-analyze', ['verify', file], { encoding: 'utf8' });
        assert.equal(result.status, 0, result.stderr);
        assert.doesNotMatch(result.stderr, new RegExp(`wazo-${name}\\.service`), result.stderr);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
});
