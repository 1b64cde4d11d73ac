/**
 * Reads one YAML config file into a layer that remembers the line and column of every key.
 * YAML 1.1 is used because Wazo's files are written for PyYAML (`yes`/`no` are booleans there).
 */
import { readFileSync } from 'node:fs';
import { isMap, isPair, isScalar, isSeq, LineCounter, type Node, parseDocument } from 'yaml';
import { ConfigError, type ConfigLocation, type ConfigWarning } from './errors.js';
import { type ExecPolicy, resolveExecTags } from './exec-tag.js';
import type { ConfigLayer, LayerKind } from './layer.js';
import { type ConfigTree, isMapping, type KeyPath } from './tree.js';

export type YamlFileResult = { layer: ConfigLayer } | { warning: ConfigWarning };

export interface ReadYamlOptions {
  kind?: LayerKind;
  exec?: ExecPolicy;
}

/** A missing file is only a warning (Wazo goes on without it); unreadable or invalid is an error. */
export function readYamlFile(file: string, options: ReadYamlOptions = {}): YamlFileResult {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT')
      return { warning: { source: file, file, message: 'Could not read config file: not found' } };
    throw new ConfigError(
      [{ source: file, file, path: '', message: `cannot read file (${code ?? String(err)})` }],
      {
        cause: err,
      },
    );
  }
  return { layer: parseYamlLayer(text, file, options) };
}

export function parseYamlLayer(text: string, file: string, options: ReadYamlOptions = {}): ConfigLayer {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { version: '1.1', lineCounter, prettyErrors: false });
  const syntax = doc.errors[0];
  if (syntax !== undefined) {
    const { line, col } = lineCounter.linePos(syntax.pos[0]);
    const message = `YAML syntax error: ${syntax.message.split('\n')[0]}`;
    throw new ConfigError([{ source: file, file, line, column: col, path: '', message }]);
  }
  const at = (offset: number): ConfigLocation => {
    const { line, col } = lineCounter.linePos(offset);
    return { source: file, file, line, column: col };
  };
  resolveExecTags(doc, file, at, options.exec ?? { enabled: false });
  const data: unknown = doc.toJS() ?? {};
  if (!isMapping(data)) {
    throw new ConfigError([
      { ...at(doc.contents?.range?.[0] ?? 0), path: '', message: 'expected a mapping at top level' },
    ]);
  }
  return {
    kind: options.kind ?? 'file',
    source: file,
    data: data as ConfigTree,
    locate: (path) => at(offsetOf(doc.contents, path)),
  };
}

/** Offset of the key (or list item) at `path`; of the deepest node found when a segment is absent. */
function offsetOf(root: Node | null, path: KeyPath): number {
  let node: unknown = root;
  let offset = root?.range?.[0] ?? 0;
  for (const segment of path) {
    if (isMap(node)) {
      const pair = node.items.find(
        (item) => isPair(item) && isScalar(item.key) && String(item.key.value) === String(segment),
      );
      if (pair === undefined) return offset;
      offset = (isScalar(pair.key) ? pair.key.range?.[0] : undefined) ?? offset;
      node = pair.value;
    } else if (isSeq(node) && typeof segment === 'number') {
      const item = node.items[segment] as Node | undefined;
      if (item === undefined) return offset;
      offset = item.range?.[0] ?? offset;
      node = item;
    } else {
      return offset;
    }
  }
  return offset;
}
