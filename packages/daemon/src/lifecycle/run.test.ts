import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import type { Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { DaemonDefinition } from '../definition.js';
import { call, freePort } from '../testing/http-client.js';
import { runDaemon } from './run.js';

describe('runDaemon', () => {
  let dir: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'wazo-run-'));
  });
  after(async () => rm(dir, { recursive: true, force: true }));

  it('when a request arrives while plugins load, then it gets 503 starting and the daemon survives', async () => {
    let releaseLoad: () => void = () => {};
    const loading = new Promise<void>((resolve) => {
      releaseLoad = resolve;
    });
    const definition: DaemonDefinition = {
      name: 'slow',
      apiVersion: '1.0',
      defaultPort: 0,
      plugins: [
        {
          name: 'slow',
          async load({ api }) {
            api.get('/ping', { config: { public: true } }, async () => ({ pong: true }));
            await loading;
          },
        },
      ],
    };
    const port = await freePort();
    const config = join(dir, 'slow.yml');
    await writeFile(
      config,
      [
        `log_filename: ${join(dir, 'slow.log')}`,
        'log_stdout: false',
        'user: null',
        'allow_root: true',
        'bus: {transport: memory}',
        `rest_api: {listen: 127.0.0.1, port: ${port}}`,
        `extra_config_files: ${join(dir, 'conf.d')}`,
      ].join('\n'),
    );
    const starting = runDaemon(definition, { argv: ['-c', config], env: {}, handleSignals: false });
    let early = await call(`http://127.0.0.1:${port}/1.0/ping`).catch(() => undefined);
    for (let i = 0; !early && i < 100; i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      early = await call(`http://127.0.0.1:${port}/1.0/ping`).catch(() => undefined);
    }
    assert.equal(early?.status, 503);
    releaseLoad();
    const daemon = await starting;
    try {
      const ready = await call(`http://127.0.0.1:${port}/1.0/ping`);
      assert.equal(ready.status, 200);
      assert.deepEqual(ready.json(), { pong: true });
    } finally {
      await daemon.stop();
    }
  });

  it('when a plugin takes upgrades on the server, then it gets the verifier and its drain hook closes them before the server waits', {
    timeout: 25_000,
  }, async () => {
    const upgraded = new Set<Socket>();
    let drainedWhileListening: boolean | undefined;
    let verifierGiven = false;
    const definition: DaemonDefinition = {
      name: 'upgrader',
      apiVersion: '1.0',
      defaultPort: 0,
      plugins: [
        {
          name: 'upgrader',
          load({ server, tokenVerifier, lifecycle }) {
            verifierGiven = typeof tokenVerifier?.get === 'function';
            server?.on('upgrade', (_request, socket: Socket) => {
              socket.write(
                'HTTP/1.1 101 Switching Protocols\r\nUpgrade: test\r\nConnection: Upgrade\r\n\r\n',
              );
              upgraded.add(socket);
            });
            lifecycle.onDrain?.(() => {
              drainedWhileListening = server?.listening;
              for (const socket of upgraded) socket.destroy();
            });
          },
        },
      ],
    };
    const config = join(dir, 'upgrader.yml');
    await writeFile(
      config,
      [
        `log_filename: ${join(dir, 'upgrader.log')}`,
        'log_stdout: false',
        'user: null',
        'allow_root: true',
        'bus: {transport: memory}',
        'rest_api: {listen: 127.0.0.1, port: 0, shutdown_grace: 30}',
        `extra_config_files: ${join(dir, 'conf.d')}`,
      ].join('\n'),
    );
    const daemon = await runDaemon(definition, { argv: ['-c', config], env: {}, handleSignals: false });
    const upgrade = request(`${daemon.url}/anything`, {
      headers: { connection: 'Upgrade', upgrade: 'test' },
    });
    const opened = new Promise<Socket>((resolve) => upgrade.on('upgrade', (_res, socket) => resolve(socket)));
    upgrade.end();
    const client = await opened;
    const clientClosed = new Promise<void>((resolve) => client.on('close', () => resolve()));
    // With the upgraded socket still open the server would wait the whole 30 s grace.
    await daemon.stop();
    await clientClosed;
    assert.equal(verifierGiven, true);
    assert.equal(drainedWhileListening, true);
  });
});
