/**
 * Builds a daemon's config from its layers, lowest to highest precedence:
 * built-in defaults < main file < conf.d files (the first by name wins) < service key file
 * < environment < command line. Then validates it; any problem stops the daemon with the place
 * that set the faulty value.
 */
import { resolve } from 'node:path';
import { type CommandLine, parseCommandLine } from './cli.js';
import { combinedConfigSchema } from './combined.js';
import { readConfD } from './conf-d.js';
import { type ConfigDefinition, defaultsLayer } from './defaults.js';
import { type Environment, envLayer } from './env.js';
import { ConfigError, type ConfigWarning } from './errors.js';
import type { ExecPolicy } from './exec-tag.js';
import { readKeyFile } from './key-file.js';
import type { ConfigLayer } from './layer.js';
import type { BaseConfig } from './schema.js';
import { type ConfigTree, deepMerge, getIn, type ListMerge } from './tree.js';
import { createValidator, normalizeLogLevel, toIssues, unknownTopLevelKeys } from './validate.js';
import { readYamlFile } from './yaml-file.js';

export interface LoadConfigOptions {
  /** Arguments only (`process.argv.slice(2)`); or pass `commandLine` from `parseCommandLine`. */
  argv?: readonly string[];
  commandLine?: CommandLine;
  env: Environment;
  /** Where relative paths (config file, conf.d, key file) start; defaults to `process.cwd()`. */
  cwd?: string;
  /** Whether files may use `!exec` (default: enabled, 10 s timeout). */
  exec?: ExecPolicy;
}

export interface LoadedConfig<TConfig extends BaseConfig = BaseConfig> {
  config: TConfig;
  /** To log once the logger is open: missing files, unknown top-level keys. */
  warnings: ConfigWarning[];
  /** Where values came from, lowest precedence first (file paths, `environment`, ...). */
  sources: string[];
}

export function loadConfig<TConfig extends BaseConfig = BaseConfig>(
  definition: ConfigDefinition,
  options: LoadConfigOptions,
): LoadedConfig<TConfig> {
  const schema = combinedConfigSchema(definition);
  const cli = options.commandLine ?? parseCommandLine(definition, options.argv ?? []);
  if (cli.show !== undefined)
    throw new Error(`--${cli.show.kind} was asked: handle parseCommandLine().show first`);
  const { layers, warnings, paths } = readLayers(definition, options, cli.layer, schema);
  const lists: ListMerge = definition.configListMerge ?? 'replace';
  const merged = layers.reduce<ConfigTree>((tree, layer) => deepMerge(tree, layer.data, lists), {});
  normalizeLogLevel(merged);
  const issues = toIssues(createValidator(schema)(merged), layers);
  if (issues.length > 0) throw new ConfigError(issues);
  warnings.push(...unknownTopLevelKeys(merged, schema, layers));
  const config = merged as unknown as TConfig;
  Object.assign(config, paths); // absolute, as read
  config.service_discovery.advertise_port ??= config.rest_api.port;
  return { config, warnings, sources: layers.map((layer) => layer.source) };
}

function readLayers(
  definition: ConfigDefinition,
  options: LoadConfigOptions,
  cli: ConfigLayer,
  schema: object,
): {
  layers: ConfigLayer[];
  warnings: ConfigWarning[];
  paths: Pick<BaseConfig, 'config_file' | 'extra_config_files'>;
} {
  const cwd = options.cwd ?? process.cwd();
  const exec = options.exec ?? { enabled: true };
  const defaults = defaultsLayer(definition, schema as Record<string, unknown>);
  const env = envLayer(definition.name, options.env, schema);
  const warnings: ConfigWarning[] = [];
  const above = [env, cli];

  const configFile = pathSetting([defaults, ...above], 'config_file', cwd);
  const main = readYamlFile(configFile, { exec });
  const mainLayers = 'layer' in main ? [main.layer] : [];
  if ('warning' in main) warnings.push(main.warning);

  // The main file may move conf.d; a conf.d file may not (it is read after the choice).
  const confDir = pathSetting([defaults, ...mainLayers, ...above], 'extra_config_files', cwd);
  const confD = readConfD(confDir, exec);
  warnings.push(...confD.warnings);
  const files = [defaults, ...mainLayers, ...confD.layers];

  const keyFile = serviceKeyLayer([...files, ...above], cwd, warnings);
  const paths = { config_file: configFile, extra_config_files: confDir };
  return { layers: [...files, ...keyFile, ...above], warnings, paths };
}

/** The service key is read only when the account is not already configured. */
function serviceKeyLayer(layers: ConfigLayer[], cwd: string, warnings: ConfigWarning[]): ConfigLayer[] {
  const value = (key: string) =>
    layers.map((l) => getIn(l.data, ['auth', key])).findLast((v) => v !== undefined);
  if (typeof value('username') === 'string' && typeof value('password') === 'string') return [];
  const file = value('key_file');
  if (typeof file !== 'string' || file === '') return [];
  const result = readKeyFile(resolve(cwd, file));
  if ('warning' in result) warnings.push(result.warning);
  return 'layer' in result ? [result.layer] : [];
}

function pathSetting(layers: ConfigLayer[], key: string, cwd: string): string {
  const holder = layers.findLast((layer) => layer.data[key] !== undefined);
  const value = holder?.data[key];
  if (typeof value !== 'string' || value === '') {
    const where = holder?.locate([key]) ?? { source: 'built-in defaults' };
    throw new ConfigError([
      { ...where, path: key, message: `expected a path, got ${JSON.stringify(value)}` },
    ]);
  }
  return resolve(cwd, value);
}
