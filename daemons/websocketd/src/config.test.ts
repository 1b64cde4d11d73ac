/**
 * websocketd's own keys as the kit's loader validates them: intervals in seconds that become
 * timers are bounded by what setTimeout takes (beyond ~24.8 days Node fires it after 1 ms).
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { loadConfig } from '@wazo-ts/daemon';
import { type WebsocketdConfig, websocketdDaemon } from './definition.js';

describe('websocketd configuration', () => {
  const dir = mkdtempSync(join(tmpdir(), 'wazo-websocketd-config-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  const load = (settings: Record<string, unknown>) => {
    const file = join(dir, 'config.yml');
    // JSON is YAML: no YAML writer needed.
    writeFileSync(file, JSON.stringify({ extra_config_files: join(dir, 'conf.d'), ...settings }));
    return loadConfig<WebsocketdConfig>(websocketdDaemon, { env: {}, argv: ['-c', file] }).config;
  };

  it('when intervals are at the largest timer delay, then they are taken', () => {
    const config = load({ auth_check_static_interval: 2_147_483, websocket: { ping_interval: 2_147_483 } });
    assert.equal(config.auth_check_static_interval, 2_147_483);
  });

  it('when an interval exceeds what a timer can wait, then the config is refused', () => {
    assert.throws(() => load({ auth_check_static_interval: 2_147_484 }), /auth_check_static_interval/);
    assert.throws(() => load({ websocket: { ping_interval: 2_147_484 } }), /ping_interval/);
  });
});
