/**
 * Turns a module specifier from the config into a plugin value. File paths are absolute or start
 * with `.` (then relative to the config file's folder); anything else is an npm package, looked up
 * from the daemon's own installation first, then from the config file's folder upwards (so a
 * plugin can live in `/etc/wazo-<name>/node_modules` without touching the daemon's install).
 */
import { createRequire } from 'node:module';
import { isAbsolute, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { DaemonPlugin } from './types.js';

export function isFilePath(specifier: string): boolean {
  return isAbsolute(specifier) || specifier.startsWith('./') || specifier.startsWith('../');
}

function isModuleNotFound(err: unknown, specifier: string): boolean {
  const code = (err as { code?: string } | null)?.code;
  const message = err instanceof Error ? err.message : '';
  // Only "this very package is missing": a missing import *inside* the plugin must surface as is.
  return code === 'ERR_MODULE_NOT_FOUND' && message.includes(`'${specifier}'`);
}

async function importPackage(specifier: string, baseDir: string): Promise<unknown> {
  try {
    return await import(specifier);
  } catch (err) {
    if (!isModuleNotFound(err, specifier)) throw err;
    const fromBase = createRequire(join(baseDir, 'noop.js'));
    let resolved: string;
    try {
      resolved = fromBase.resolve(specifier);
    } catch {
      throw new Error(`cannot find package "${specifier}" (from the daemon or ${baseDir})`);
    }
    return import(pathToFileURL(resolved).href);
  }
}

/** Imports `specifier`; paths are relative to `baseDir`. */
export function importModule(specifier: string, baseDir: string): Promise<unknown> {
  if (specifier.startsWith('file:')) return import(specifier);
  if (isFilePath(specifier)) return import(pathToFileURL(resolve(baseDir, specifier)).href);
  return importPackage(specifier, baseDir);
}

export function isDaemonPlugin(value: unknown): value is DaemonPlugin {
  if (!value || typeof value !== 'object') return false;
  const candidate = value as Record<string, unknown>;
  return typeof candidate.name === 'string' && candidate.name !== '' && typeof candidate.load === 'function';
}

/** The module's default export, or its named export `plugin`, when it matches the contract. */
export function pluginOf(module: unknown, specifier: string): DaemonPlugin {
  const exports = (module ?? {}) as Record<string, unknown>;
  const found = [exports.default, exports.plugin].find(isDaemonPlugin);
  if (!found) {
    throw new Error(
      `module "${specifier}" exports no plugin: expected a default export or an export named "plugin" ` +
        'with a non-empty string "name" and a "load" function',
    );
  }
  return found;
}
