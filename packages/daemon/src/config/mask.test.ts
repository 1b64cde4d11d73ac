import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { tempConfig, testDefinition } from './fixtures/setup.js';
import { loadConfig } from './load.js';
import { MASK, maskSecrets } from './mask.js';

describe('maskSecrets', () => {
  it('when a config holds passwords, keys and tokens, then their values are masked and the rest kept', () => {
    const temp = tempConfig();
    temp.write(
      'config.yml',
      'auth: {username: svc, password: p}\nconsul: {token: t}\nbus: {password: guest2}\n',
    );
    const { config } = loadConfig(testDefinition(temp), { env: {} });
    const masked = maskSecrets(config);
    assert.equal(masked.auth.password, MASK);
    assert.equal(masked.auth.username, 'svc');
    assert.equal(masked.consul.token, MASK);
    assert.equal(masked.bus.password, MASK);
    assert.equal(masked.auth.key_file, temp.path('key.yml'));
    assert.equal(masked.auth.token_expiration, 21600);
    assert.equal(config.auth.password, 'p', 'the original is untouched');
  });

  it('when a URI carries credentials, then only its password part is masked', () => {
    const masked = maskSecrets({
      db_uri: 'postgresql://asterisk:proformatique@localhost/asterisk',
      bus: { uri: 'amqp://h/' },
    });
    assert.deepEqual(masked, {
      db_uri: `postgresql://asterisk:${MASK}@localhost/asterisk`,
      bus: { uri: 'amqp://h/' },
    });
  });

  it('when secrets sit in lists or nested maps, or are unset, then set values are masked and nulls kept', () => {
    const masked = maskSecrets({
      service_key: 'k',
      api_keys: ['a', 'b'],
      private_key: null,
      x: { client_secret: 1 },
    });
    assert.deepEqual(masked, {
      service_key: MASK,
      api_keys: [MASK, MASK],
      private_key: null,
      x: { client_secret: MASK },
    });
  });
});
