/**
 * The command-line layer. Only the flags actually given enter it, so a flag never hides a file
 * value by its mere absence. `--help` and `--version` are returned, not printed, so the lifecycle
 * decides how to print and exit.
 */
import { Command, CommanderError, Option } from 'commander';
import type { DaemonDefinition } from '../definition.js';
import { combinedConfigSchema } from './combined.js';
import { ConfigError } from './errors.js';
import type { ConfigLayer } from './layer.js';
import { parseTextValue, schemaAt } from './scalar.js';
import { type ConfigTree, isPrefix, type KeyPath, setIn } from './tree.js';

export interface CliOption {
  /** Commander syntax: `--db-upgrade-on-startup`, `-p, --profile <name>`, `--no-foo`. */
  flags: string;
  description: string;
  /** Dotted config key the flag sets, e.g. `db_upgrade_on_startup` or `rest_api.port`. */
  configPath: string;
}

export interface CommandLine {
  /** The `-c/--config-file` value, when given. */
  configFile?: string;
  layer: ConfigLayer;
  /** Set when `--help` or `--version` was asked: print `text` on stdout and exit 0. */
  show?: { kind: 'help' | 'version'; text: string };
}

type CliDefinition = Pick<DaemonDefinition, 'name' | 'configSchema' | 'cliOptions' | 'version'>;

export const BASE_CLI_OPTIONS: readonly CliOption[] = [
  { flags: '-c, --config-file <file>', description: 'main config file', configPath: 'config_file' },
  { flags: '-d, --debug', description: 'log at debug level, whatever log_level says', configPath: 'debug' },
  {
    flags: '-l, --log-level <level>',
    description: 'critical, error, warning, info or debug',
    configPath: 'log_level',
  },
  { flags: '-u, --user <user>', description: 'system user to run as', configPath: 'user' },
];

/** `argv` holds the arguments only (`process.argv.slice(2)`). */
export function parseCommandLine(definition: CliDefinition, argv: readonly string[]): CommandLine {
  const options = [...BASE_CLI_OPTIONS, ...(definition.cliOptions ?? [])];
  let out = '';
  const program = new Command(`wazo-${definition.name}`)
    .exitOverride()
    .configureOutput({ writeOut: (text) => (out += text), writeErr: () => undefined })
    .helpOption('-h, --help', 'show this help and exit')
    .version(definition.version ?? 'unknown', '-V, --version', 'print the version and exit');
  for (const option of options) program.addOption(new Option(option.flags, option.description));
  try {
    program.parse([...argv], { from: 'user' });
  } catch (err) {
    if (!(err instanceof CommanderError)) throw err;
    if (err.code === 'commander.helpDisplayed')
      return { layer: cliLayer({}, []), show: { kind: 'help', text: out } };
    if (err.code === 'commander.version')
      return { layer: cliLayer({}, []), show: { kind: 'version', text: out } };
    throw new ConfigError([
      { source: 'command line', path: '', message: err.message.replace(/^error: /, '') },
    ]);
  }
  return fromValues(definition, options, program.opts());
}

function fromValues(
  definition: CliDefinition,
  options: CliOption[],
  values: Record<string, unknown>,
): CommandLine {
  const schema = combinedConfigSchema(definition);
  const data: ConfigTree = {};
  const given: { path: string[]; flag: string }[] = [];
  for (const option of options) {
    const parsed = new Option(option.flags);
    const value = values[parsed.attributeName()];
    if (value === undefined) continue;
    const path = option.configPath.split('.');
    const flag = parsed.long ?? parsed.short ?? option.flags;
    const typed = typeof value === 'string' ? parseTextValue(value, schemaAt(schema, path)) : { value };
    if ('error' in typed)
      throw new ConfigError([
        { source: `command line ${flag}`, path: option.configPath, message: typed.error },
      ]);
    setIn(data, path, typed.value);
    given.push({ path, flag });
  }
  const configFile = typeof data.config_file === 'string' ? data.config_file : undefined;
  const layer = cliLayer(data, given);
  return configFile === undefined ? { layer } : { configFile, layer };
}

function cliLayer(data: ConfigTree, given: { path: string[]; flag: string }[]): ConfigLayer {
  const locate = (path: KeyPath) => {
    const match = given.find((g) => isPrefix(g.path, path) || isPrefix(path, g.path));
    return { source: match === undefined ? 'command line' : `command line ${match.flag}` };
  };
  return { kind: 'command-line', source: 'command line', data, locate };
}
