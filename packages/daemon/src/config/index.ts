export { BASE_CLI_OPTIONS, type CliOption, type CommandLine, parseCommandLine } from './cli.js';
export { combinedConfigSchema } from './combined.js';
export { type ConfigDefinition, derivedDefaults, schemaDefaults } from './defaults.js';
export {
  type ConfigKeyRow,
  configKeyRows,
  configLayersDescription,
  type LayerDescription,
} from './describe.js';
export { type Environment, envPrefix } from './env.js';
export {
  ConfigError,
  type ConfigIssue,
  type ConfigLocation,
  type ConfigWarning,
  formatIssue,
  formatWarning,
} from './errors.js';
export type { ExecPolicy } from './exec-tag.js';
export { type LoadConfigOptions, type LoadedConfig, loadConfig } from './load.js';
export { isSecretKey, MASK, maskSecrets } from './mask.js';
export * from './schema.js';
export type { ListMerge } from './tree.js';
