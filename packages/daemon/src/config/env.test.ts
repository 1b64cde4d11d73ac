import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConfigError } from './errors.js';
import { tempConfig, testDefinition } from './fixtures/setup.js';
import { loadConfig } from './load.js';

describe('environment layer', () => {
  it('when XIVO_UUID is set, then it becomes uuid', () => {
    const temp = tempConfig();
    const env = { XIVO_UUID: '5d4ba0b6-8fb3-4a4a-9f1e-3a2b1c0d9e8f' };
    assert.equal(loadConfig(testDefinition(temp), { env }).config.uuid, env.XIVO_UUID);
  });

  it('when WAZO_<DAEMON>__SECTION__KEY variables are set, then their YAML values override the files', () => {
    const temp = tempConfig();
    temp.write('config.yml', 'rest_api: {port: 1000}\ndebug: false\n');
    const env = {
      WAZO_WIDGETD__REST_API__PORT: '1234',
      WAZO_WIDGETD__DEBUG: 'true',
      WAZO_WIDGETD__REST_API__CORS__ALLOW_ORIGINS: '[https://a.example, https://b.example]',
      WAZO_WIDGETD__AUTH__PASSWORD: '0123',
      WAZO_WIDGETD__AUTH__USERNAME: 'svc',
      WAZO_OTHER__DEBUG: 'not for us',
    };
    const { config } = loadConfig(testDefinition(temp), { env });
    assert.equal(config.rest_api.port, 1234);
    assert.equal(config.debug, true);
    assert.deepEqual(config.rest_api.cors.allow_origins, ['https://a.example', 'https://b.example']);
    assert.equal(config.auth.password, '0123');
  });

  it('when a whole section and one of its keys are set, then the more precise variable wins', () => {
    const temp = tempConfig();
    const env = {
      WAZO_WIDGETD__REST_API__PORT: '2',
      WAZO_WIDGETD__REST_API: '{port: 1, listen: 0.0.0.0}',
    };
    const { config } = loadConfig(testDefinition(temp), { env });
    assert.equal(config.rest_api.port, 2);
    assert.equal(config.rest_api.listen, '0.0.0.0');
  });

  it('when a variable holds a wrong type, then the error names the variable and the key', () => {
    const temp = tempConfig();
    const env = { WAZO_WIDGETD__REST_API__PORT: 'eighty' };
    assert.throws(
      () => loadConfig(testDefinition(temp), { env }),
      (err: unknown) =>
        err instanceof ConfigError &&
        err.message ===
          'Invalid configuration: environment variable WAZO_WIDGETD__REST_API__PORT: rest_api.port: expected integer, got "eighty"',
    );
  });

  it('when a variable names an unknown key of a closed section, then the error names the variable', () => {
    const temp = tempConfig();
    const env = { WAZO_WIDGETD__REST_API__PROT: '80' };
    assert.throws(
      () => loadConfig(testDefinition(temp), { env }),
      /environment variable WAZO_WIDGETD__REST_API__PROT: rest_api\.prot: unknown key/,
    );
  });

  it('when a variable is not valid YAML for a non-string key, then the error names the variable', () => {
    const temp = tempConfig();
    const env = { WAZO_WIDGETD__REST_API__CORS__ALLOW_HEADERS: '[a, b' };
    assert.throws(
      () => loadConfig(testDefinition(temp), { env }),
      /WAZO_WIDGETD__REST_API__CORS__ALLOW_HEADERS: rest_api\.cors\.allow_headers: not valid YAML/,
    );
  });

  it('when a variable has an empty key segment, then it is an error', () => {
    const temp = tempConfig();
    assert.throws(
      () => loadConfig(testDefinition(temp), { env: { WAZO_WIDGETD__REST_API____PORT: '1' } }),
      /empty key name/,
    );
  });

  it('when a variable sets an unknown top-level key, then it is a warning naming the variable', () => {
    const temp = tempConfig();
    const { warnings } = loadConfig(testDefinition(temp), { env: { WAZO_WIDGETD__AMID: '{host: x}' } });
    assert.ok(
      warnings.some(
        (w) => w.source === 'environment variable WAZO_WIDGETD__AMID' && w.message.includes('"amid"'),
      ),
    );
  });

  it('when the variable sets config_file, then that file is read', () => {
    const temp = tempConfig();
    temp.write('elsewhere.yml', 'user: from-env-file\n');
    const env = { WAZO_WIDGETD__CONFIG_FILE: temp.path('elsewhere.yml') };
    assert.equal(loadConfig(testDefinition(temp), { env }).config.user, 'from-env-file');
  });
});
