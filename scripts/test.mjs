#!/usr/bin/env node
// Runs every test file of the repository (or of the folders given as arguments) in one
// `node --test` run, so there is a single summary. TypeScript runs from source through tsx, and
// the `wazo-ts-source` condition makes workspace packages resolve to their src/ entry points.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const skip = new Set(['node_modules', 'dist', 'fixtures', '.git', 'data']);

function collect(dir, out) {
  for (const entry of readdirSync(dir)) {
    if (skip.has(entry)) continue;
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) collect(path, out);
    else if (entry.endsWith('.test.ts')) out.push(path);
  }
  return out;
}

const args = process.argv.slice(2);
const flags = args.filter((a) => a.startsWith('--'));
const dirs = args.filter((a) => !a.startsWith('--'));
const roots =
  dirs.length > 0
    ? dirs.map((d) => resolve(root, d))
    : ['packages', 'daemons', 'deploy'].map((d) => join(root, d));
const files = roots.flatMap((d) => {
  try {
    return statSync(d).isDirectory() ? collect(d, []) : [d];
  } catch {
    return [];
  }
});
if (files.length === 0) {
  console.error('no test files found under', roots.map((r) => relative(root, r)).join(', '));
  process.exit(1);
}
files.sort();
const result = spawnSync(
  process.execPath,
  [
    '--conditions=wazo-ts-source',
    '--import',
    'tsx',
    '--test',
    `--test-concurrency=${process.env.TEST_CONCURRENCY ?? 2}`,
    // A test that hangs (a child that never answers, a lost event) fails after five minutes
    // instead of holding the run until CI's own limit; a flag given on the command line wins.
    ...(flags.some((f) => f.startsWith('--test-timeout')) ? [] : ['--test-timeout=300000']),
    ...flags,
    ...files.map((f) => relative(root, f)),
  ],
  { cwd: root, stdio: 'inherit' },
);
process.exit(result.status ?? 1);
