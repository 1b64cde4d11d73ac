/**
 * Plain config trees (what YAML mappings become) and the merge rule shared by every layer.
 */

export type ConfigTree = Record<string, unknown>;
export type KeyPath = readonly (string | number)[];

/** How two lists for the same key combine: Wazo replaces, except wazo-auth which concatenates. */
export type ListMerge = 'replace' | 'concat';

export function isMapping(value: unknown): value is ConfigTree {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function formatKeyPath(path: KeyPath): string {
  return path.map((segment) => (typeof segment === 'number' ? `[${segment}]` : segment)).join('.');
}

/** Whether `prefix` is the start of `path`, segment by segment. */
export function isPrefix(prefix: KeyPath, path: KeyPath): boolean {
  return prefix.length <= path.length && prefix.every((segment, i) => String(segment) === String(path[i]));
}

export function hasIn(tree: unknown, path: KeyPath): boolean {
  let node: unknown = tree;
  for (const segment of path) {
    if (Array.isArray(node) && typeof segment === 'number' && segment < node.length) node = node[segment];
    else if (isMapping(node) && Object.hasOwn(node, segment)) node = node[segment];
    else return false;
  }
  return true;
}

export function getIn(tree: unknown, path: KeyPath): unknown {
  let node: unknown = tree;
  for (const segment of path) {
    if (Array.isArray(node) && typeof segment === 'number') node = node[segment];
    else if (isMapping(node)) node = node[segment];
    else return undefined;
  }
  return node;
}

/** Sets a value, creating the mappings on the way (a non-mapping on the way is replaced). */
export function setIn(tree: ConfigTree, path: readonly string[], value: unknown): void {
  let node = tree;
  path.slice(0, -1).forEach((segment) => {
    const next = node[segment];
    node[segment] = isMapping(next) ? next : {};
    node = node[segment] as ConfigTree;
  });
  const last = path.at(-1);
  if (last !== undefined) node[last] = value;
}

/**
 * Returns `higher` laid over `lower`: mappings merge key by key, anything else from `higher`
 * replaces. With 'concat', two lists join, the higher layer's items first, as wazo-auth does.
 * Neither input is modified.
 */
export function deepMerge(lower: ConfigTree, higher: ConfigTree, lists: ListMerge = 'replace'): ConfigTree {
  const merged: ConfigTree = { ...lower };
  for (const [key, value] of Object.entries(higher)) {
    const below = merged[key];
    if (isMapping(below) && isMapping(value)) merged[key] = deepMerge(below, value, lists);
    else if (lists === 'concat' && Array.isArray(below) && Array.isArray(value))
      merged[key] = [...value, ...below];
    else merged[key] = cloneTree(value);
  }
  return merged;
}

export function cloneTree<T>(value: T): T {
  return structuredClone(value);
}
