import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseCommandLine } from './cli.js';
import { tempConfig, testDefinition } from './fixtures/setup.js';
import { loadConfig } from './load.js';

const dbUpgrade = {
  flags: '--db-upgrade-on-startup',
  description: 'upgrade the schema',
  configPath: 'db_upgrade_on_startup',
};
const listenPort = {
  flags: '--listen-port <port>',
  description: 'port to listen on',
  configPath: 'rest_api.port',
};

describe('command line', () => {
  it('when no flag is given, then the layer is empty', () => {
    const temp = tempConfig();
    const cli = parseCommandLine(testDefinition(temp), []);
    assert.deepEqual(cli.layer.data, {});
    assert.equal(cli.configFile, undefined);
    assert.equal(cli.show, undefined);
  });

  it('when the base flags are given, then they set config_file, debug, log_level and user', () => {
    const temp = tempConfig();
    const cli = parseCommandLine(testDefinition(temp), [
      '-c',
      '/x.yml',
      '-d',
      '--log-level',
      'ERROR',
      '-u',
      'bob',
    ]);
    assert.equal(cli.configFile, '/x.yml');
    assert.deepEqual(cli.layer.data, { config_file: '/x.yml', debug: true, log_level: 'ERROR', user: 'bob' });
  });

  it("when the daemon adds flags, then they set the daemon's keys with their schema types", () => {
    const temp = tempConfig();
    const definition = testDefinition(temp, { cliOptions: [dbUpgrade, listenPort] });
    const { config } = loadConfig(definition, {
      env: {},
      argv: ['--db-upgrade-on-startup', '--listen-port', '9500'],
    });
    assert.equal((config as unknown as { db_upgrade_on_startup: boolean }).db_upgrade_on_startup, true);
    assert.equal(config.rest_api.port, 9500);
  });

  it('when a flag value is wrong for its key, then the error names the flag', () => {
    const temp = tempConfig();
    const definition = testDefinition(temp, { cliOptions: [listenPort] });
    assert.throws(
      () => loadConfig(definition, { env: {}, argv: ['--listen-port', 'x'] }),
      /command line --listen-port: rest_api\.port: expected integer/,
    );
    assert.throws(
      () => loadConfig(definition, { env: {}, argv: ['-l', 'loud'] }),
      /command line --log-level: log_level/,
    );
  });

  it('when an unknown flag or an extra argument is given, then it is an error', () => {
    const temp = tempConfig();
    assert.throws(
      () => parseCommandLine(testDefinition(temp), ['--nope']),
      /command line: unknown option '--nope'/,
    );
    assert.throws(
      () => parseCommandLine(testDefinition(temp), ['extra']),
      /command line: too many arguments/,
    );
  });

  it('when --help or --version is asked, then the text is returned for the lifecycle to print', () => {
    const temp = tempConfig();
    const definition = testDefinition(temp, { cliOptions: [dbUpgrade] });
    const help = parseCommandLine(definition, ['--help']).show;
    assert.equal(help?.kind, 'help');
    assert.match(help?.text ?? '', /Usage: wazo-widgetd/);
    assert.match(help?.text ?? '', /--db-upgrade-on-startup/);
    assert.deepEqual(parseCommandLine(definition, ['-V']).show, { kind: 'version', text: '1.2.3\n' });
    assert.throws(
      () => loadConfig(definition, { env: {}, argv: ['-h'] }),
      /handle parseCommandLine\(\)\.show first/,
    );
  });

  it('when -c names a file, then it replaces the default main file', () => {
    const temp = tempConfig();
    temp.write('config.yml', 'user: default-file\n');
    temp.write('other.yml', 'user: other-file\n');
    const { config } = loadConfig(testDefinition(temp), { env: {}, argv: ['-c', temp.path('other.yml')] });
    assert.equal(config.user, 'other-file');
    assert.equal(config.config_file, temp.path('other.yml'));
  });
});
