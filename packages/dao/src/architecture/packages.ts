/**
 * Which workspace package may import which, checked on source. The libraries form layers: errors
 * and the test-database helper at the bottom, then the bus, then the daemon kit and the PostgreSQL
 * toolkit (@wazo-ts/db), then the Service API (@wazo-ts/dao); each imports only layers below it, so
 * there is no cycle and the toolkit never learns a schema. A daemon's own code imports libraries,
 * never another daemon (its tests may start one); the platform and the CLI sit on top of all.
 */
import { readdirSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { daoSrc, type Violation } from './boundary.js';
import { parse, scan } from './imports.js';

const repoRoot = resolve(daoSrc, '../../..');

/** Each library and the workspace packages it may import (besides itself). */
export const LIBRARY_IMPORTS: Readonly<Record<string, readonly string[]>> = {
  errors: [],
  'test-postgres': [],
  bus: ['errors', 'test-postgres'],
  daemon: ['errors', 'bus'],
  db: ['errors', 'bus', 'test-postgres'],
  dao: ['errors', 'bus', 'db'],
};

export const DAEMONS = ['auth', 'confd', 'websocketd'] as const;

const packageOf = (specifier: string): string | undefined =>
  /^@wazo-ts\/([\w-]+)(?:\/|$)/.exec(specifier)?.[1];

/** The specifiers `owner` may not import, one message each. */
export function forbiddenImports(owner: string, specifiers: readonly string[]): string[] {
  const allowed = LIBRARY_IMPORTS[owner] ?? Object.keys(LIBRARY_IMPORTS);
  return specifiers
    .filter((spec) => {
      const target = packageOf(spec);
      return target !== undefined && target !== owner && !allowed.includes(target);
    })
    .map((spec) => `@wazo-ts/${owner} imports ${spec}`);
}

function sourceFiles(dir: string, keep: (path: string) => boolean): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourceFiles(path, keep);
    return entry.name.endsWith('.ts') && keep(path) ? [path] : [];
  });
}

/** A daemon's production code: its tests and test helpers may start other daemons. */
const productionCode = (path: string) => !/\.test\.ts$/.test(path) && !path.split(sep).includes('testing');

function checkFiles(owner: string, files: string[]): Violation[] {
  return files.flatMap((file) =>
    scan(parse(file)).modules.flatMap((use) =>
      forbiddenImports(owner, [use.specifier]).map((message) => ({
        file: relative(repoRoot, file).split(sep).join('/'),
        line: use.line,
        message,
      })),
    ),
  );
}

/** Every import across the libraries (all their files) and the daemons (production code). */
export function packageViolations(): Violation[] {
  const libraries = Object.keys(LIBRARY_IMPORTS).flatMap((name) =>
    checkFiles(
      name,
      sourceFiles(join(repoRoot, 'packages', name, 'src'), () => true),
    ),
  );
  const daemons = DAEMONS.flatMap((name) =>
    checkFiles(name, sourceFiles(join(repoRoot, 'daemons', name, 'src'), productionCode)),
  );
  return [...libraries, ...daemons];
}

/** The library files scanned for `name`, for tests that the scan sees something. */
export const libraryFiles = (name: string): string[] =>
  sourceFiles(join(repoRoot, 'packages', name, 'src'), () => true);
