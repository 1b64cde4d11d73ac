/**
 * The extra config folder (conf.d) as Wazo reads it: only `*.yml` files (not `.yaml`), no
 * dotfiles, sorted by name; the alphabetically FIRST file wins over later ones and over the main
 * file. Layers are returned lowest precedence first, i.e. in reverse name order.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError, type ConfigWarning } from './errors.js';
import type { ExecPolicy } from './exec-tag.js';
import type { ConfigLayer } from './layer.js';
import { readYamlFile } from './yaml-file.js';

export interface ConfDResult {
  layers: ConfigLayer[];
  warnings: ConfigWarning[];
}

/** The file names Wazo would read, in Wazo's reading order (highest precedence first). */
export function confDFileNames(dir: string): string[] | undefined {
  try {
    return readdirSync(dir, { withFileTypes: true })
      .filter((entry) => entry.isFile() || entry.isSymbolicLink())
      .map((entry) => entry.name)
      .filter((name) => name.endsWith('.yml') && !name.startsWith('.'))
      .sort(); // code-unit order, like Python's sorted(), not the locale's
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return undefined;
    throw new ConfigError(
      [{ source: dir, file: dir, path: '', message: `cannot read folder (${code ?? String(err)})` }],
      {
        cause: err,
      },
    );
  }
}

export function readConfD(dir: string, exec: ExecPolicy): ConfDResult {
  const names = confDFileNames(dir);
  if (names === undefined)
    return {
      layers: [],
      warnings: [{ source: dir, file: dir, message: 'Could not read config folder: not found' }],
    };
  const layers: ConfigLayer[] = [];
  const warnings: ConfigWarning[] = [];
  for (const name of names) {
    const result = readYamlFile(join(dir, name), { exec });
    if ('layer' in result) layers.push(result.layer);
    else warnings.push(result.warning);
  }
  return { layers: layers.reverse(), warnings };
}
