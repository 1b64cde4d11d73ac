#!/usr/bin/env node
// Creates a daemon workspace from templates/daemon and wires it into the repository:
//   npm run new-daemon -- --name wazo-foo --port 9999 [--root DIR]
// Writes daemons/<name>/ and etc/dev/wazo-<name>.yml, adds the project reference to tsconfig.json
// and a start:<name> script to package.json. `--root` points at another checkout (the template's
// own test generates into a scratch copy). See docs/new-daemon.md for what is left to do by hand.
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const templates = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'templates', 'daemon');

function fail(message) {
  process.stderr.write(`new-daemon: ${message}\n`);
  process.exit(2);
}

/** The placeholders of templates/daemon, from `--name wazo-foo-bar`. */
function placeholders(rawName, rawPort) {
  const name = rawName.replace(/^wazo-/, '');
  if (!/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/.test(name))
    fail(`--name must look like wazo-foo or wazo-foo-bar (lower case), not "${rawName}"`);
  const port = Number(rawPort);
  if (!Number.isInteger(port) || port < 1 || port > 65535) fail(`--port must be 1-65535, not "${rawPort}"`);
  const camel = name.replace(/-([a-z0-9])/g, (_, c) => c.toUpperCase());
  const pascal = camel[0].toUpperCase() + camel.slice(1);
  return { name, daemon: `wazo-${name}`, camel, pascal, port: String(port) };
}

const fill = (text, values) => text.replace(/\{\{(\w+)\}\}/g, (whole, key) => values[key] ?? whole);

function listTemplates(dir, out = []) {
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) listTemplates(path, out);
    else if (entry.endsWith('.tmpl')) out.push(path);
  }
  return out;
}

/** templates/daemon/etc/* goes to <root>/etc/dev/; everything else to <root>/daemons/<name>/. */
function targetOf(root, template, values) {
  const path = fill(relative(templates, template), values).replace(/\.tmpl$/, '');
  return path.startsWith('etc/')
    ? join(root, 'etc', 'dev', path.slice('etc/'.length))
    : join(root, 'daemons', values.name, path);
}

function updateJson(path, update) {
  const document = JSON.parse(readFileSync(path, 'utf8'));
  update(document);
  writeFileSync(path, `${JSON.stringify(document, null, 2)}\n`);
}

function wire(root, values) {
  updateJson(join(root, 'tsconfig.json'), (tsconfig) => {
    const path = `daemons/${values.name}`;
    if (!tsconfig.references.some((r) => r.path === path)) tsconfig.references.push({ path });
  });
  updateJson(join(root, 'package.json'), (pkg) => {
    pkg.scripts[`start:${values.name}`] =
      `node --conditions=wazo-ts-source --import tsx daemons/${values.name}/src/main.ts -c etc/dev/${values.daemon}.yml`;
  });
}

const { values: args } = parseArgs({
  options: { name: { type: 'string' }, port: { type: 'string' }, root: { type: 'string' } },
});
if (!args.name || !args.port) fail('usage: npm run new-daemon -- --name wazo-foo --port 9999 [--root DIR]');
const root = resolve(args.root ?? join(templates, '..', '..'));
const values = placeholders(args.name, args.port);
if (existsSync(join(root, 'daemons', values.name))) fail(`daemons/${values.name} already exists`);

const written = listTemplates(templates).map((template) => {
  const target = targetOf(root, template, values);
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, fill(readFileSync(template, 'utf8'), values), {
    mode: target.includes('/bin/') ? 0o755 : 0o644,
  });
  return relative(root, target);
});
wire(root, values);
process.stdout.write(
  [
    `created ${values.daemon} on port ${values.port}:`,
    ...written.sort().map((path) => `  ${path}`),
    '  tsconfig.json (reference), package.json (start script)',
    `next: npm install (links the workspace), then npm test -- daemons/${values.name}`,
    'and see docs/new-daemon.md for what to fill in and the manual steps.',
    '',
  ].join('\n'),
);
