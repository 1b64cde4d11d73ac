/**
 * The environment layer: `XIVO_UUID` (as in Wazo) and `WAZO_<DAEMON>__<SECTION>__<KEY>=<yaml>`,
 * e.g. `WAZO_CONFD__REST_API__PORT=9999`. Key names are lower-cased; `__` separates levels.
 */
import { ConfigError, type ConfigIssue } from './errors.js';
import type { ConfigLayer } from './layer.js';
import { parseTextValue, schemaAt } from './scalar.js';
import { type ConfigTree, isPrefix, type KeyPath, setIn } from './tree.js';

export type Environment = Record<string, string | undefined>;

interface EnvSetting {
  variable: string;
  path: string[];
  raw: string;
}

export function envPrefix(daemonName: string): string {
  return `WAZO_${daemonName.toUpperCase().replace(/[^A-Z0-9]/g, '_')}__`;
}

function settingsFrom(daemonName: string, env: Environment): EnvSetting[] {
  const prefix = envPrefix(daemonName);
  const settings: EnvSetting[] = [];
  for (const [variable, raw] of Object.entries(env)) {
    if (raw === undefined) continue;
    if (variable === 'XIVO_UUID' && raw !== '') settings.push({ variable, path: ['uuid'], raw });
    if (variable.startsWith(prefix))
      settings.push({ variable, path: variable.slice(prefix.length).toLowerCase().split('__'), raw });
  }
  // A whole section first, then its keys, so the more precise variable wins.
  return settings.sort((a, b) => a.path.length - b.path.length || a.variable.localeCompare(b.variable));
}

export function envLayer(daemonName: string, env: Environment, schema: unknown): ConfigLayer {
  const settings = settingsFrom(daemonName, env);
  const data: ConfigTree = {};
  const issues: ConfigIssue[] = [];
  for (const { variable, path, raw } of settings) {
    const source = `environment variable ${variable}`;
    if (path.some((segment) => segment === '')) {
      issues.push({ source, path: '', message: 'empty key name (use __ only between key names)' });
      continue;
    }
    const parsed = variable === 'XIVO_UUID' ? { value: raw } : parseTextValue(raw, schemaAt(schema, path));
    if ('error' in parsed) issues.push({ source, path: path.join('.'), message: parsed.error });
    else setIn(data, path, parsed.value);
  }
  if (issues.length > 0) throw new ConfigError(issues);
  const locate = (path: KeyPath) => {
    const match = settings.findLast((s) => isPrefix(s.path, path) || isPrefix(path, s.path));
    return { source: match === undefined ? 'environment' : `environment variable ${match.variable}` };
  };
  return { kind: 'environment', source: 'environment', data, locate };
}
