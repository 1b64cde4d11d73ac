/**
 * A config layer: one source of values (defaults, a file, the key file, the environment, the
 * command line) that can say where it set a given key, so errors point at the right place.
 */
import type { ConfigLocation } from './errors.js';
import { type ConfigTree, hasIn, type KeyPath } from './tree.js';

export type LayerKind = 'defaults' | 'file' | 'key-file' | 'environment' | 'command-line';

export interface ConfigLayer {
  kind: LayerKind;
  /** Human name: a file path, `environment`, `command line`, `built-in defaults`. */
  source: string;
  data: ConfigTree;
  /** Where this layer set the key at `path` (which it holds). */
  locate(path: KeyPath): ConfigLocation;
}

/** A layer with a fixed location for all its keys (defaults, key file). */
export function simpleLayer(kind: LayerKind, source: string, data: ConfigTree, file?: string): ConfigLayer {
  const location: ConfigLocation = file === undefined ? { source } : { source, file };
  return { kind, source, data, locate: () => location };
}

/**
 * The location of the value found at `path` in the merged config: the highest layer holding
 * the longest prefix of the path (a missing key is blamed on whoever set its parent).
 * `layers` go from lowest to highest precedence.
 */
export function originOf(layers: readonly ConfigLayer[], path: KeyPath): ConfigLocation {
  for (let length = path.length; length > 0; length--) {
    const prefix = path.slice(0, length);
    const layer = layers.findLast((candidate) => hasIn(candidate.data, prefix));
    if (layer !== undefined) return layer.locate(prefix);
  }
  return { source: 'built-in defaults' };
}
