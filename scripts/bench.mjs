#!/usr/bin/env node
// Runs every bench/*.bench.ts (or the ones named as arguments: `auth`, `bench/auth.bench.ts`...)
// one after the other, so they do not measure each other, from source through tsx. Each bench's
// output streams as it runs; the JSON lines (`{"bench": ...}`) are printed again together at the
// end for scripts. Exits non-zero when any bench failed.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const benchDir = join(root, 'bench');

function benchFile(name) {
  const candidates = [resolve(root, name), join(benchDir, name), join(benchDir, `${name}.bench.ts`)];
  const found = candidates.find((path) => path.endsWith('.bench.ts') && existsSync(path));
  if (found) return found;
  console.error(`no bench named ${name}: give bench/<name>.bench.ts or <name>`);
  process.exit(2);
}

const names = process.argv.slice(2);
const files =
  names.length > 0
    ? names.map(benchFile)
    : readdirSync(benchDir)
        .filter((entry) => entry.endsWith('.bench.ts'))
        .sort()
        .map((entry) => join(benchDir, entry));

/** Runs one bench, echoing its output; resolves its exit code and its JSON lines. */
function run(file) {
  return new Promise((resolveRun) => {
    const child = spawn(
      process.execPath,
      ['--conditions=wazo-ts-source', '--import', 'tsx', relative(root, file)],
      { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let output = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk) => {
      output += chunk;
      process.stdout.write(chunk);
    });
    child.on('close', (code, signal) => {
      const json = output.split('\n').filter((line) => line.startsWith('{"bench"'));
      resolveRun({ code: code ?? (signal ? 1 : 0), json });
    });
  });
}

const lines = [];
const failed = [];
for (const file of files) {
  console.log(`\n== ${basename(file)}`);
  const { code, json } = await run(file);
  if (code !== 0) failed.push(basename(file));
  else if (json.length === 0) console.log(`(${basename(file)} printed no {"bench": ...} line)`);
  lines.push(...json);
}
console.log('\n== JSON lines');
for (const line of lines) console.log(line);
if (failed.length > 0) {
  console.error(`failed: ${failed.join(', ')}`);
  process.exit(1);
}
