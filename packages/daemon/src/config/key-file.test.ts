import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { tempConfig, testDefinition } from './fixtures/setup.js';
import { loadConfig } from './load.js';

describe('service key file', () => {
  it('when the key file exists, then service_id and service_key become auth.username and auth.password', () => {
    const temp = tempConfig();
    temp.write('key.yml', 'service_id: widgetd-service\nservice_key: 0123abc\n');
    const { config, warnings } = loadConfig(testDefinition(temp), { env: {} });
    assert.equal(config.auth.username, 'widgetd-service');
    assert.equal(config.auth.password, '0123abc');
    assert.ok(!warnings.some((w) => w.file === temp.path('key.yml')));
  });

  it('when the files set other credentials, then the key file ranks above them', () => {
    const temp = tempConfig();
    temp.write('config.yml', 'auth: {username: from-file}\n');
    temp.write('key.yml', 'service_id: from-key\nservice_key: secret\n');
    const { config } = loadConfig(testDefinition(temp), { env: {} });
    assert.equal(config.auth.username, 'from-key');
  });

  it('when username and password are both set, then the key file is not read at all', () => {
    const temp = tempConfig();
    temp.write('config.yml', 'auth: {username: u, password: p}\n');
    temp.write('key.yml', 'this is: [not valid\n');
    const { config } = loadConfig(testDefinition(temp), { env: {} });
    assert.deepEqual([config.auth.username, config.auth.password], ['u', 'p']);
  });

  it('when the environment sets a password, then it still wins over the key file', () => {
    const temp = tempConfig();
    temp.write('key.yml', 'service_id: id\nservice_key: key\n');
    const env = { WAZO_WIDGETD__AUTH__PASSWORD: 'from-env' };
    assert.equal(loadConfig(testDefinition(temp), { env }).config.auth.password, 'from-env');
  });

  it('when the key file is missing, then loading goes on with a warning', () => {
    const temp = tempConfig();
    const { config, warnings } = loadConfig(testDefinition(temp), { env: {} });
    assert.equal(config.auth.username, null);
    assert.ok(
      warnings.some((w) => w.file === temp.path('key.yml') && /service key file not found/.test(w.message)),
    );
  });

  it('when the key file is malformed, then the error names the file', () => {
    const temp = tempConfig();
    const file = temp.write('key.yml', 'service_id: only-the-id\n');
    assert.throws(
      () => loadConfig(testDefinition(temp), { env: {} }),
      new RegExp(`${file}: service key file: expected a mapping`),
    );
    temp.write('key.yml', 'service_id: [x\n');
    assert.throws(
      () => loadConfig(testDefinition(temp), { env: {} }),
      new RegExp(`${file}:\\d+:\\d+: service key file: YAML syntax error`),
    );
  });

  it('when auth.key_file is null, then no key file is looked for', () => {
    const temp = tempConfig();
    temp.write('config.yml', 'auth: {key_file: null}\n');
    const { warnings } = loadConfig(testDefinition(temp), { env: {} });
    assert.ok(!warnings.some((w) => w.message.includes('service key')));
  });
});
