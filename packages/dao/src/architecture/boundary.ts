/**
 * The Service API's layering rule, checked on source: a service (and a model) reaches only what
 * carries no technical detail. Allowed: its own resource's dao, validator, notifier and model;
 * other resources' models, and other resources' daos/validators as types (collaborators injected
 * through the factory's deps); the error builders; the search contract; the unit of work as types;
 * the bus event catalogue; @wazo-ts/errors; @wazo-ts/db's pure checks (`isUuid`); TypeBox, which
 * only describes data. Any other file a service imports from a resource
 * folder (a helper) is held to the same rule. Models may not reach daos, validators, notifiers or
 * the unit of work at all. Nothing may touch `process`, `fetch`, `require` or dynamic imports.
 */
import { readdirSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { exportedNames, type ModuleUse, parse, scan } from './imports.js';

export interface Violation {
  file: string;
  line: number;
  message: string;
}

export type Role = 'service' | 'model';

const here = dirname(fileURLToPath(import.meta.url));
export const daoSrc = resolve(here, '..');
const busEvents = resolve(here, '../../../bus/src/events');

/** Every name the bus's event catalogue exports: what a service may import from @wazo-ts/bus. */
export function catalogueNames(): Set<string> {
  const files = readdirSync(busEvents).filter((f) => f.endsWith('.ts') && !/\.(test|typecheck)\.ts$/.test(f));
  return new Set(files.flatMap((f) => exportedNames(parse(join(busEvents, f)))));
}

const ROLE_FILE = /^(?<resource>[\w-]+)\.(?<role>dao|validator|notifier|model|service|tables|mapping)\.ts$/;
/** Files of the library's own plumbing that a service must not reach (SQL, schema, runner). */
const PLUMBING = ['db', 'migrations', 'cli', 'testing', 'architecture'];
/** What a service may take from the PostgreSQL toolkit: checks on plain values, no SQL. */
const PURE_DB_NAMES = new Set(['isUuid']);
/** The Service API's wiring (service-api*.ts): it builds services from daos, so no service may use it. */
const WIRING = /^service-api[\w-]*\.ts$/;

function resolveRelative(from: string, specifier: string): string {
  const target = resolve(dirname(from), specifier);
  return target.endsWith('.js')
    ? `${target.slice(0, -3)}.ts`
    : target.endsWith('.ts')
      ? target
      : join(target, 'index.ts');
}

interface Checked {
  /** A violation message, or undefined when allowed. */
  message?: string;
  /** A helper file to hold to the same rule. */
  helper?: string;
}

function checkRoleFile(
  role: Role,
  kind: string,
  rel: string,
  sameFolder: boolean,
  typeOnly: boolean,
): Checked {
  if (kind === 'model') return {};
  if (kind === 'tables' || kind === 'mapping' || kind === 'service')
    return { message: `imports ${rel} (${kind})` };
  if (role === 'model') return { message: `a model imports ${rel} (${kind})` };
  if (sameFolder || typeOnly) return {};
  return { message: `imports another resource's ${kind} as a value: ${rel} (inject it, import its type)` };
}

function checkLibraryFile(file: string, role: Role, use: ModuleUse, target: string, root: string): Checked {
  const rel = relative(root, target).split(sep).join('/');
  const sameFolder = dirname(target) === dirname(file);
  const kind = ROLE_FILE.exec(basename(target))?.groups?.role;
  if (sameFolder) return kind ? checkRoleFile(role, kind, rel, true, use.typeOnly) : { helper: target };
  if (rel === 'errors.ts' || rel === 'search/search.ts') return {};
  if (rel === 'db/unit-of-work.ts') {
    if (role === 'service' && use.typeOnly) return {};
    return {
      message:
        role === 'service' ? 'imports the unit of work as a value' : 'a model imports the unit of work',
    };
  }
  const top = rel.split('/')[0] ?? '';
  if (
    rel.startsWith('..') ||
    PLUMBING.includes(top) ||
    top === 'search' ||
    rel === 'index.ts' ||
    WIRING.test(rel)
  ) {
    return { message: `imports ${rel} (library plumbing)` };
  }
  return kind ? checkRoleFile(role, kind, rel, false, use.typeOnly) : { helper: target };
}

function checkModule(
  file: string,
  role: Role,
  use: ModuleUse,
  catalogue: Set<string>,
  root: string,
): Checked {
  const spec = use.specifier;
  if (spec.startsWith('.')) return checkLibraryFile(file, role, use, resolveRelative(file, spec), root);
  if (spec === '@wazo-ts/errors') return {};
  // TypeBox only describes data (a model's schemas and the types derived from them).
  if (spec === 'typebox') return {};
  if (spec === '@wazo-ts/db') {
    const outside = use.wholeModule ? ['*'] : use.names.filter((n) => !PURE_DB_NAMES.has(n));
    return outside.length === 0
      ? {}
      : { message: `imports ${outside.join(', ')} from @wazo-ts/db (database plumbing)` };
  }
  if (spec === '@wazo-ts/bus') {
    if (use.wholeModule) return { message: `imports all of @wazo-ts/bus (name the catalogue entries)` };
    const outside = use.names.filter((n) => !catalogue.has(n));
    return outside.length === 0
      ? {}
      : { message: `imports ${outside.join(', ')} from @wazo-ts/bus (not in the event catalogue)` };
  }
  return { message: `imports '${spec}'` };
}

/** Checks one file and the helpers it reaches; each file is checked once per role. */
export function checkFile(
  start: string,
  role: Role,
  options: { root?: string; catalogue?: Set<string> } = {},
): Violation[] {
  const root = options.root ?? daoSrc;
  const catalogue = options.catalogue ?? catalogueNames();
  const violations: Violation[] = [];
  const queue = [start];
  const seen = new Set<string>();
  while (queue.length > 0) {
    const file = queue.shift() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    const name = relative(root, file).split(sep).join('/');
    const { modules, globals } = scan(parse(file));
    for (const use of modules) {
      const { message, helper } = checkModule(file, role, use, catalogue, root);
      if (message) violations.push({ file: name, line: use.line, message });
      if (helper) queue.push(helper);
    }
    for (const g of globals)
      violations.push({ file: name, line: g.line, message: `uses the global '${g.name}'` });
  }
  return violations;
}

/** Every `*.service.ts` and `*.model.ts` of the library, fixtures excluded. */
export function layeredFiles(root = daoSrc): { file: string; role: Role }[] {
  const out: { file: string; role: Role }[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) {
        if (entry.name !== 'fixtures' && entry.name !== 'node_modules') walk(join(dir, entry.name));
      } else if (entry.name.endsWith('.service.ts'))
        out.push({ file: join(dir, entry.name), role: 'service' });
      else if (entry.name.endsWith('.model.ts')) out.push({ file: join(dir, entry.name), role: 'model' });
    }
  };
  walk(root);
  return out.sort((a, b) => a.file.localeCompare(b.file));
}
