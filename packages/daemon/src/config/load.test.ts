import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { tempConfig, testDefinition } from './fixtures/setup.js';
import { loadConfig } from './load.js';

describe('loadConfig layers', () => {
  it('when no file exists, then the schema, derived and daemon defaults apply and the misses are warnings', () => {
    const temp = tempConfig();
    const { config, warnings } = loadConfig(testDefinition(temp), { env: {} });
    assert.equal(config.rest_api.port, 9999);
    assert.equal(config.rest_api.listen, '127.0.0.1');
    assert.equal(config.log_filename, '/var/log/wazo-widgetd.log');
    assert.equal(config.user, 'wazo-widgetd');
    assert.equal(config.log_level, 'info');
    assert.equal(config.service_discovery.advertise_port, 9999);
    assert.equal(config.auth.username, null);
    assert.deepEqual((config as unknown as { widgets: unknown }).widgets, { size: 3, colors: ['red'] });
    assert.deepEqual(
      warnings.map((w) => w.file),
      [temp.path('config.yml'), temp.path('conf.d'), temp.path('key.yml')],
    );
  });

  it('when the definition has no path defaults, then Wazo paths are derived from its name', () => {
    const temp = tempConfig();
    const definition = { ...testDefinition(temp), defaults: { user: 'www-data' } };
    const { config } = loadConfig(definition, { env: {}, argv: ['-c', temp.path('none.yml')] });
    assert.equal(config.extra_config_files, '/etc/wazo-widgetd/conf.d');
    assert.equal(config.auth.key_file, '/var/lib/wazo-auth-keys/wazo-widgetd-key.yml');
    assert.equal(config.user, 'www-data');
  });

  it('when every layer sets the same key, then command line > environment > conf.d > main file > defaults', () => {
    const temp = tempConfig();
    temp.write('config.yml', 'rest_api: {port: 1001, listen: 0.0.0.0}\nlog_level: debug\ndebug: true\n');
    temp.write('conf.d/10-a.yml', 'rest_api: {port: 1002}\nlog_level: error\n');
    const env = { WAZO_WIDGETD__LOG_LEVEL: 'warning', WAZO_WIDGETD__DEBUG: 'false' };
    const { config } = loadConfig(testDefinition(temp), { env, argv: ['-l', 'critical'] });
    assert.equal(config.rest_api.port, 1002);
    assert.equal(config.rest_api.listen, '0.0.0.0');
    assert.equal(config.debug, false);
    assert.equal(config.log_level, 'critical');
  });

  it('when several conf.d files set a key, then the alphabetically first one wins over later ones and the main file', () => {
    const temp = tempConfig();
    temp.write('config.yml', 'rest_api: {port: 1000, listen: main}\n');
    temp.write('conf.d/20-b.yml', 'rest_api: {port: 2000, listen: b}\nuser: b\n');
    temp.write('conf.d/10-a.yml', 'rest_api: {port: 1001}\n');
    temp.write('conf.d/30-c.yml', 'rest_api: {port: 3000}\nuser: c\ndebug: true\n');
    const { config, sources } = loadConfig(testDefinition(temp), { env: {} });
    assert.equal(config.rest_api.port, 1001);
    assert.equal(config.rest_api.listen, 'b');
    assert.equal(config.user, 'b');
    assert.equal(config.debug, true);
    assert.deepEqual(
      sources.slice(1, 5),
      ['config.yml', 'conf.d/30-c.yml', 'conf.d/20-b.yml', 'conf.d/10-a.yml'].map(temp.path),
    );
  });

  it('when conf.d holds .yaml files, dotfiles or folders, then only visible *.yml files are read', () => {
    const temp = tempConfig();
    temp.write('conf.d/a.yaml', 'user: yaml\n');
    temp.write('conf.d/.hidden.yml', 'user: hidden\n');
    temp.write('conf.d/b.yml.bak', 'user: backup\n');
    temp.write('conf.d/dir.yml/x.yml', 'user: nested\n');
    temp.write('conf.d/z.yml', 'user: z\n');
    const { config, sources } = loadConfig(testDefinition(temp), { env: {} });
    assert.equal(config.user, 'z');
    assert.deepEqual(
      sources.filter((s) => s.includes('conf.d')),
      [temp.path('conf.d/z.yml')],
    );
  });

  it('when the main file sets extra_config_files, then that folder is read', () => {
    const temp = tempConfig();
    temp.write('config.yml', `extra_config_files: ${temp.path('other.d')}\n`);
    temp.write('other.d/a.yml', 'user: other\n');
    temp.write('conf.d/a.yml', 'user: default-folder\n');
    assert.equal(loadConfig(testDefinition(temp), { env: {} }).config.user, 'other');
  });

  it('when a file is empty or only comments, then it counts as an empty mapping', () => {
    const temp = tempConfig();
    temp.write('config.yml', '');
    temp.write('conf.d/a.yml', '# nothing yet\n');
    const { config, warnings } = loadConfig(testDefinition(temp), { env: {} });
    assert.equal(config.rest_api.port, 9999);
    assert.equal(warnings.filter((w) => w.file?.endsWith('.yml') && !w.file.endsWith('key.yml')).length, 0);
  });

  it('when relative paths are given, then they start at cwd', () => {
    const temp = tempConfig();
    temp.write('etc/main.yml', 'user: relative\n');
    const { config } = loadConfig(testDefinition(temp), {
      env: {},
      argv: ['-c', 'etc/main.yml'],
      cwd: temp.dir,
    });
    assert.equal(config.user, 'relative');
    assert.equal(config.config_file, temp.path('etc/main.yml'));
  });

  it('when advertise_port is set, then it is kept; when null, then it follows the final rest_api.port', () => {
    const temp = tempConfig();
    temp.write('config.yml', 'service_discovery: {advertise_port: 443}\n');
    assert.equal(loadConfig(testDefinition(temp), { env: {} }).config.service_discovery.advertise_port, 443);
    const env = { WAZO_WIDGETD__REST_API__PORT: '7000' };
    temp.write('config.yml', '');
    assert.equal(loadConfig(testDefinition(temp), { env }).config.service_discovery.advertise_port, 7000);
  });
});

describe('loadConfig list merge', () => {
  const files = (temp: ReturnType<typeof tempConfig>) => {
    temp.write('config.yml', 'widgets: {colors: [blue]}\n');
    temp.write('conf.d/a.yml', 'widgets: {colors: [green]}\n');
  };

  it('when lists meet in the default mode, then the higher layer replaces the list', () => {
    const temp = tempConfig();
    files(temp);
    const { config } = loadConfig(testDefinition(temp), { env: {} });
    assert.deepEqual((config as unknown as { widgets: { colors: string[] } }).widgets.colors, ['green']);
  });

  it("when the daemon asks for 'concat', then lists join, higher layers first, as wazo-auth does", () => {
    const temp = tempConfig();
    files(temp);
    const { config } = loadConfig(testDefinition(temp, { configListMerge: 'concat' }), { env: {} });
    assert.deepEqual((config as unknown as { widgets: { colors: string[] } }).widgets.colors, [
      'green',
      'blue',
      'red',
    ]);
  });
});
