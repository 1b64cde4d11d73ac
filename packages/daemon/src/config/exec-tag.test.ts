import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { tempConfig, testDefinition } from './fixtures/setup.js';
import { loadConfig } from './load.js';

describe('!exec tag', () => {
  it("when a file uses !exec, then the command's output, read as YAML, replaces the tagged mapping", () => {
    const temp = tempConfig();
    temp.write(
      'config.yml',
      'auth: !exec {command: "printf \'username: svc\\npassword: s3cret\\n\'"}\nrest_api:\n  port: !exec {command: "echo 4321"}\n',
    );
    const { config } = loadConfig(testDefinition(temp), { env: {} });
    assert.equal(config.auth.username, 'svc');
    assert.equal(config.auth.password, 's3cret');
    assert.equal(config.rest_api.port, 4321);
  });

  it('when the command fails, then the error names the file, line and exit status', () => {
    const temp = tempConfig();
    const file = temp.write('config.yml', 'debug: false\nuser: !exec {command: "echo oops >&2; exit 3"}\n');
    assert.throws(
      () => loadConfig(testDefinition(temp), { env: {} }),
      new RegExp(`${file}:2:1: !exec: command "echo oops >&2; exit 3" failed \\(exit status 3\\): oops`),
    );
  });

  it('when the command outlives its timeout, then it is killed and loading stops', () => {
    const temp = tempConfig();
    temp.write('config.yml', 'user: !exec {command: "sleep 5"}\n');
    const exec = { enabled: true, timeoutMs: 200 };
    assert.throws(
      () => loadConfig(testDefinition(temp), { env: {}, exec }),
      /!exec: command "sleep 5" failed \(killed by SIGTERM\)/,
    );
  });

  it('when !exec is disabled, has no command, or sits in a world-writable file, then it is refused', () => {
    const temp = tempConfig();
    temp.write('config.yml', 'user: !exec {command: "echo x"}\n');
    assert.throws(
      () => loadConfig(testDefinition(temp), { env: {}, exec: { enabled: false } }),
      /!exec: disabled/,
    );
    temp.write('config.yml', 'user: !exec {cmd: "echo x"}\n');
    assert.throws(
      () => loadConfig(testDefinition(temp), { env: {} }),
      /!exec: expected \{command: "\.\.\."\}/,
    );
    temp.write('config.yml', 'user: !exec {command: "echo x"}\n', 0o666);
    assert.throws(
      () => loadConfig(testDefinition(temp), { env: {} }),
      /!exec: refused in a world-writable file/,
    );
  });
});
