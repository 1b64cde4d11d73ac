#!/usr/bin/env node
// Runs every bench/*.bench.ts (or the ones named as arguments: `auth`, `bench/auth.bench.ts`...)
// one after the other, so they do not measure each other, from source through tsx. Each bench's
// output streams as it runs; the JSON lines (`{"bench": ...}`) are printed again together at the
// end for scripts, followed by one table of every ratio they report (any result holding a
// `ratio`). Exits non-zero when any bench failed.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { loadavg } from 'node:os';
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
printRatios(lines);
if (failed.length > 0) {
  console.error(`failed: ${failed.join(', ')}`);
  process.exit(1);
}

/** Every `{ratio}` in the benches' results as one table: bench, phase, ours, baseline, ratio. */
function printRatios(jsonLines) {
  const rows = [];
  for (const line of jsonLines) {
    const { bench, results } = JSON.parse(line);
    for (const [phase, result] of Object.entries(results ?? {})) {
      if (typeof result?.ratio !== 'number') continue;
      const figure = (side) => (typeof side === 'object' && side !== null ? side.rate : side);
      rows.push([bench, phase, figure(result.ours), figure(result.baseline ?? result.bare), result.ratio]);
    }
  }
  if (rows.length === 0) return;
  console.log(`\n== Ratios (ours / baseline of the same run; load average ${loadAverage()})`);
  console.log(
    `${'bench'.padEnd(12)} ${'phase'.padEnd(24)} ${'ours'.padStart(10)} ${'baseline'.padStart(10)} ${'ratio'.padStart(7)}`,
  );
  for (const [bench, phase, ours, baseline, ratio] of rows)
    console.log(
      `${bench.padEnd(12)} ${phase.padEnd(24)} ${String(ours ?? '').padStart(10)} ${String(baseline ?? '').padStart(10)} ${ratio.toFixed(2).padStart(7)}`,
    );
}

function loadAverage() {
  return loadavg()
    .map((value) => value.toFixed(2))
    .join(' ');
}
