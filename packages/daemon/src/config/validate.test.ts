import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync } from 'node:fs';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { ConfigError } from './errors.js';
import { tempConfig, testDefinition } from './fixtures/setup.js';
import { loadConfig } from './load.js';
import { readYamlFile } from './yaml-file.js';

function loadError(run: () => unknown): ConfigError {
  try {
    run();
  } catch (err) {
    if (err instanceof ConfigError) return err;
    throw err;
  }
  assert.fail('expected a ConfigError');
}

describe('config errors', () => {
  it('when the main file has a YAML syntax error, then the error names the file, line and column', () => {
    const temp = tempConfig();
    const file = temp.write('config.yml', 'debug: true\nrest_api:\n  port: [1\n  listen: x\n');
    const err = loadError(() => loadConfig(testDefinition(temp), { env: {} }));
    assert.equal(err.code, 'invalid-data');
    assert.equal(err.errorId, 'invalid-config');
    assert.match(err.message, new RegExp(`${file}:\\d+:\\d+: YAML syntax error`));
    assert.equal(err.issues[0]?.file, file);
    assert.ok((err.issues[0]?.line ?? 0) >= 3);
  });

  it('when a conf.d file has a YAML syntax error, then the daemon stops too (Wazo skips the file)', () => {
    const temp = tempConfig();
    const file = temp.write('conf.d/50-x.yml', 'a: b: c\n');
    const err = loadError(() => loadConfig(testDefinition(temp), { env: {} }));
    assert.match(err.message, new RegExp(`${file}:1:4: YAML syntax error`));
  });

  it('when a value has the wrong type, then the error names the layer file, line, key path, expected and got', () => {
    const temp = tempConfig();
    temp.write('config.yml', 'rest_api:\n  port: 1\n');
    const file = temp.write('conf.d/a.yml', '# override\nrest_api:\n  listen: 0.0.0.0\n  port: "abc"\n');
    const err = loadError(() => loadConfig(testDefinition(temp), { env: {} }));
    assert.equal(
      err.message,
      `Invalid configuration: ${file}:4:3: rest_api.port: expected integer, got "abc"`,
    );
  });

  it('when a value is out of range or not one of the choices, then the error says what is allowed', () => {
    const temp = tempConfig();
    temp.write('config.yml', 'rest_api: {port: 70000}\nbus: {transport: carrier-pigeon}\n');
    const err = loadError(() => loadConfig(testDefinition(temp), { env: {} }));
    assert.equal(err.issues.length, 2);
    assert.match(err.message, /:1:12: rest_api\.port: must be <= 65535, got 70000/);
    assert.match(err.message, /:2:7: bus\.transport: expected "amqp" or "memory", got "carrier-pigeon"/);
  });

  it('when a nullable key gets a wrong type, then one message says both choices', () => {
    const temp = tempConfig();
    temp.write('config.yml', 'user: [a]\n');
    const err = loadError(() => loadConfig(testDefinition(temp), { env: {} }));
    assert.deepEqual(
      err.issues.map((i) => i.message),
      ['expected string or null, got ["a"]'],
    );
  });

  it('when a closed section holds an unknown key, then the error names the file, line and key', () => {
    const temp = tempConfig();
    const file = temp.write('config.yml', 'rest_api:\n  listen: 0.0.0.0\n  prot: 80\n');
    const err = loadError(() => loadConfig(testDefinition(temp), { env: {} }));
    assert.equal(err.message, `Invalid configuration: ${file}:3:3: rest_api.prot: unknown key`);
  });

  it("when a daemon's own section holds an unknown key, then it is an error too", () => {
    const temp = tempConfig();
    temp.write('config.yml', 'widgets:\n  sise: 4\n');
    const err = loadError(() => loadConfig(testDefinition(temp), { env: {} }));
    assert.match(err.message, /config\.yml:2:3: widgets\.sise: unknown key/);
  });

  it('when an unknown top-level key is set, then it is a warning with its place, and the value is kept', () => {
    const temp = tempConfig();
    const file = temp.write('config.yml', 'debug: false\ncalld:\n  host: x\n');
    const { config, warnings } = loadConfig(testDefinition(temp), { env: {} });
    const warning = warnings.find((w) => w.message.includes('"calld"'));
    assert.deepEqual({ file: warning?.file, line: warning?.line }, { file, line: 2 });
    assert.deepEqual((config as unknown as { calld: unknown }).calld, { host: 'x' });
  });

  it('when log_level is written in any case, then it is accepted and lower-cased', () => {
    const temp = tempConfig();
    for (const [given, expected] of [
      ['CRITICAL', 'critical'],
      ['Error', 'error'],
      ['WARNING', 'warning'],
      ['warn', 'warning'],
      ['DEBUG', 'debug'],
    ]) {
      temp.write('config.yml', `log_level: ${given}\n`);
      assert.equal(loadConfig(testDefinition(temp), { env: {} }).config.log_level, expected);
    }
  });

  it('when log_level is not a level, then the error lists the levels', () => {
    const temp = tempConfig();
    temp.write('config.yml', 'log_level: verbose\n');
    const err = loadError(() => loadConfig(testDefinition(temp), { env: {} }));
    assert.match(
      err.message,
      /log_level: expected "critical" or "error" or "warning" or "info" or "debug", got "verbose"/,
    );
  });

  it('when a file uses YAML 1.1 booleans as Wazo files do, then yes/no are booleans', () => {
    const temp = tempConfig();
    temp.write('config.yml', 'debug: yes\nrest_api: {cors: {enabled: no}}\n');
    const { config } = loadConfig(testDefinition(temp), { env: {} });
    assert.equal(config.debug, true);
    assert.equal(config.rest_api.cors.enabled, false);
  });

  it('when the main file is a folder, then it is an error, not a warning', () => {
    const temp = tempConfig();
    temp.write('config.yml/inside', '');
    const err = loadError(() => loadConfig(testDefinition(temp), { env: {} }));
    assert.match(err.message, /config\.yml: cannot read file \(EISDIR\)/);
  });

  it('when a file cannot be read for lack of permission, then it is an error', () => {
    const temp = tempConfig();
    const file = temp.write('config.yml', 'debug: true\n', 0o600);
    chmodSync(temp.dir, 0o755);
    // root reads any file, so as root the read is tried by a child running as nobody.
    const message = process.getuid?.() === 0 ? readAsNobody(file) : readHere(file);
    assert.match(message, /config\.yml: cannot read file \(EACCES\)/);
  });

  it('when the top level of a file is not a mapping, then it is an error', () => {
    const temp = tempConfig();
    temp.write('config.yml', '- a\n- b\n');
    const err = loadError(() => loadConfig(testDefinition(temp), { env: {} }));
    assert.match(err.message, /config\.yml:1:1: expected a mapping at top level/);
  });
});

function readHere(file: string): string {
  chmodSync(file, 0o000);
  return loadError(() => readYamlFile(file)).message;
}

function readAsNobody(file: string): string {
  const module = fileURLToPath(new URL('./yaml-file.ts', import.meta.url));
  const script = `const { readYamlFile } = await import(${JSON.stringify(module)});
    try { readYamlFile(${JSON.stringify(file)}); process.stdout.write('read'); } catch (e) { process.stdout.write(e.message); }`;
  const args = ['--conditions=wazo-ts-source', '--import', 'tsx', '--input-type=module', '-e', script];
  const child = spawnSync(process.execPath, args, { uid: 65534, gid: 65534, encoding: 'utf8' });
  return child.stdout || child.stderr;
}
